/** The login form, shown over the page whenever the API answers 401. */
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { ApiError, apiPost } from '../api/client.ts';
import type { Session } from '../api/types.ts';
import { useI18n, type I18n } from '../i18n/i18n.tsx';

export function LoginDialog({ onLoggedIn }: { onLoggedIn(session: Session): void }) {
  const { t, lang, setLang, errorText } = useI18n();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [totp, setTotp] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<{ text: string; detail?: string }>();
  const first = useRef<HTMLInputElement>(null);
  const code = useRef<HTMLInputElement>(null);
  useEffect(() => first.current?.focus(), []);
  useEffect(() => {
    if (totp === '') code.current?.focus();
  }, [totp]);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!username.trim() || !password) return setError({ text: t('auth.required') });
    setBusy(true);
    setError(undefined);
    try {
      onLoggedIn(await signIn({ username: username.trim(), password, ...(totp ? { totp } : {}) }));
    } catch (err) {
      if (err instanceof ApiError && err.details.some((d) => (d as { totp_required?: boolean }).totp_required)) {
        setTotp('');
        setError({ text: t('auth.totpNeeded') });
      } else setError(loginError(err, t, errorText));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="login-backdrop">
      <form
        className="login"
        role="dialog"
        aria-modal="true"
        aria-labelledby="login-title"
        onSubmit={submit}
        noValidate
      >
        <div className="login-head">
          <h1 id="login-title">{t('auth.title')}</h1>
          <button
            type="button"
            className="link-button"
            lang={lang === 'zh' ? 'en' : 'zh-CN'}
            onClick={() => setLang(lang === 'zh' ? 'en' : 'zh')}
            aria-label={t('app.languageLabel')}
          >
            {t('app.language')}
          </button>
        </div>
        <p className="muted">{t('auth.intro')}</p>
        <div className="field">
          <label htmlFor="login-username">{t('auth.username')}</label>
          <input
            ref={first}
            id="login-username"
            name="username"
            autoComplete="username"
            autoCapitalize="none"
            spellCheck={false}
            value={username}
            onChange={(e) => setUsername(e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor="login-password">{t('auth.password')}</label>
          <input
            id="login-password"
            name="password"
            type="password"
            autoComplete="current-password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
        </div>
        {totp !== undefined && (
          <div className="field">
            <label htmlFor="login-totp">{t('auth.totp')}</label>
            <input
              ref={code}
              id="login-totp"
              name="totp"
              inputMode="numeric"
              autoComplete="one-time-code"
              maxLength={16}
              value={totp}
              onChange={(e) => setTotp(e.target.value)}
            />
          </div>
        )}
        {error && (
          <div className="form-error" role="alert">
            <p>{error.text}</p>
            {error.detail && <p className="small">{error.detail}</p>}
          </div>
        )}
        <button type="submit" className="primary" disabled={busy}>
          {busy ? t('auth.submitting') : t('auth.submit')}
        </button>
        <p className="muted small login-public">
          {t('auth.public')} <a href="/public">{t('public.find.title')}</a>
        </p>
      </form>
    </div>
  );
}

function loginError(err: unknown, t: I18n['t'], errorText: I18n['errorText']): { text: string; detail?: string } {
  if (!(err instanceof ApiError)) return { text: String(err) };
  if (err.status === 0) return { text: t('state.network') };
  if (err.status === 404 || err.status === 405) return { text: t('auth.unavailable') };
  if (err.code === 'no_account_yet') return { text: t('auth.noAccount'), detail: errorText(err) };
  // A wrong password or code says more only when it locked the account or the address.
  const locked = err.params.locked_after !== undefined || err.params.paused_until !== undefined;
  if (err.category === 'unauthenticated') return { text: t('auth.wrong'), detail: locked ? errorText(err) : undefined };
  if (err.category === 'rate_limited') return { text: t('auth.tooMany'), detail: errorText(err) };
  if (err.category === 'invalid_input') return { text: t('auth.required') };
  return { text: errorText(err) };
}

/** Signs in; answers the session or throws the API's error. */
export async function signIn(body: { username: string; password: string; totp?: string }): Promise<Session> {
  return (await apiPost<Session>('/session', body)).data;
}
