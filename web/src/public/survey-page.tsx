/**
 * The anonymous satisfaction and awareness survey of one community or village: two questions
 * as big choices, then a proof of work solved in the browser (started as soon as the first
 * answer is given, so that submitting is usually instant) and the answer posted. Refusals are
 * said plainly: already answered today (409), too many (429), an expired challenge (403).
 */
import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import { ApiError, apiGetFresh, apiPost, query } from '../api/client.ts';
import { useApi } from '../api/use-api.ts';
import { useI18n, type I18n, type MessageKey } from '../i18n/i18n.tsx';
import { href, Link, useLocation } from '../router/router.tsx';
import { Async, Empty } from '../ui/states.tsx';
import { progressOf } from './proof-of-work.ts';
import type { Challenge, PublicOfficers } from './public-types.ts';
import { solveChallenge } from './solve.ts';

type Knows = 'yes' | 'no';
type Phase =
  | { kind: 'idle' }
  | { kind: 'working' }
  | { kind: 'sending' }
  | { kind: 'done' }
  | { kind: 'refused'; message: MessageKey; retry: boolean; detail?: string };

interface Work {
  token: string;
  difficulty: number;
  /** When the token stops being accepted (ms since epoch), with a margin. */
  until: number;
  nonce: Promise<string>;
}

export function SurveyPage() {
  const { t } = useI18n();
  const area = useLocation().query.get('area');
  return (
    <div className="page public-page">
      {area ? (
        <SurveyForm code={area} />
      ) : (
        <>
          <h1 tabIndex={-1}>{t('survey.title')}</h1>
          <Empty>{t('survey.pickArea')}</Empty>
          <Link className="button primary big-button" href="/public">
            {t('public.find.title')}
          </Link>
        </>
      )}
    </div>
  );
}

function SurveyForm({ code }: { code: string }) {
  const { t, lang, errorText } = useI18n();
  const place = useApi<PublicOfficers>(`/public/officers${query({ area: code })}`);
  const [knows, setKnows] = useState<Knows | null>(null);
  const [satisfaction, setSatisfaction] = useState<number | null>(null);
  const [phase, setPhase] = useState<Phase>({ kind: 'idle' });
  const [missing, setMissing] = useState(false);
  const [tried, setTried] = useState(0);
  const work = useRef<Work | undefined>(undefined);
  // Leaving the page stops the work; made in the effect, so that StrictMode's trial unmount
  // (development) aborts a controller nobody uses.
  const stop = useRef<AbortController | undefined>(undefined);
  useEffect(() => {
    const controller = new AbortController();
    stop.current = controller;
    return () => controller.abort();
  }, []);

  /** A fresh challenge and its solving, begun at once (not awaited). */
  const begin = useCallback((): Promise<Work> => {
    return apiGetFresh<Challenge>('/public/challenge').then((c) => {
      setTried(0);
      const w: Work = {
        token: c.token,
        difficulty: c.difficulty,
        until: Date.now() + Math.max(0, c.expires_in - 30) * 1000,
        nonce: solveChallenge(c.token, c.difficulty, { onProgress: setTried, signal: stop.current?.signal }),
      };
      // Failures surface when the answer is sent; an unobserved rejection is not an error here.
      w.nonce.catch(() => {});
      work.current = w;
      return w;
    });
  }, []);
  const pending = useRef<Promise<Work> | undefined>(undefined);
  const ensureWork = useCallback(
    (fresh = false): Promise<Work> => {
      if (!fresh && work.current && Date.now() < work.current.until) return Promise.resolve(work.current);
      if (!fresh && pending.current) return pending.current;
      const p = begin();
      pending.current = p;
      p.catch(() => (pending.current = undefined));
      return p;
    },
    [begin],
  );

  // The first answer starts the proof of work, so it is usually done by the time of sending.
  const answered = knows !== null || satisfaction !== null;
  useEffect(() => {
    if (answered) ensureWork().catch(() => {});
  }, [answered, ensureWork]);

  async function send(fresh = false) {
    if (!answered) return setMissing(true);
    setMissing(false);
    setPhase({ kind: 'working' });
    try {
      const w = await ensureWork(fresh);
      const nonce = await w.nonce;
      setPhase({ kind: 'sending' });
      // A challenge is accepted once: the next send, if any, needs a new one.
      work.current = undefined;
      pending.current = undefined;
      await apiPost('/public/surveys', {
        area_code: code,
        knows_officer: knows,
        satisfaction,
        token: w.token,
        nonce,
      });
      setPhase({ kind: 'done' });
    } catch (e) {
      setPhase(refusal(e, errorText));
    }
  }
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void send();
  };

  const busy = phase.kind === 'working' || phase.kind === 'sending';
  const difficulty = work.current?.difficulty ?? 14;
  if (place.error?.status === 404 || place.error?.status === 400)
    return (
      <>
        <h1 tabIndex={-1}>{t('survey.title')}</h1>
        <Empty>{t('public.notFound')}</Empty>
        <Link href="/public">{t('public.find.title')}</Link>
      </>
    );
  return (
    <Async {...place}>
      {({ area }) => (
        <>
          <header className="page-head">
            <h1 tabIndex={-1}>{t('survey.title')}</h1>
            <p className="survey-area">
              <strong>{area.name}</strong> <span className="muted small">{area.place}</span>
            </p>
          </header>
          {phase.kind === 'done' ? (
            <section className="panel survey-done" role="status" aria-labelledby="thanks-h">
              <h2 id="thanks-h">{t('survey.thanks')}</h2>
              <p>{t('survey.thanksText')}</p>
              <Link className="button big-button" href={href('/public', { area: area.code })}>
                {t('survey.back')}
              </Link>
            </section>
          ) : (
            <form className="panel survey" onSubmit={submit} noValidate>
              <p className="muted">{t('survey.intro')}</p>
              <fieldset className="choices choices-2" disabled={busy}>
                <legend>{t('survey.q1')}</legend>
                {(['yes', 'no'] as const).map((v) => (
                  <label key={v} className={knows === v ? 'checked' : undefined}>
                    <input
                      type="radio"
                      name="knows_officer"
                      value={v}
                      checked={knows === v}
                      onChange={() => setKnows(v)}
                    />
                    <span className="choice-main">{t(v === 'yes' ? 'survey.q1.yes' : 'survey.q1.no')}</span>
                  </label>
                ))}
              </fieldset>
              <fieldset className="choices choices-5" disabled={busy}>
                <legend>{t('survey.q2')}</legend>
                {[5, 4, 3, 2, 1].map((v) => (
                  <label key={v} className={satisfaction === v ? 'checked' : undefined}>
                    <input
                      type="radio"
                      name="satisfaction"
                      value={v}
                      checked={satisfaction === v}
                      onChange={() => setSatisfaction(v)}
                    />
                    <span className="choice-main" aria-hidden="true">
                      {v}
                    </span>
                    <span className="choice-label">{t(`survey.s${v}` as MessageKey)}</span>
                  </label>
                ))}
              </fieldset>
              {missing && (
                <p className="form-error" role="alert">
                  {t('survey.needOne')}
                </p>
              )}
              <div className="survey-actions">
                <button type="submit" className="primary big-button" disabled={busy}>
                  {phase.kind === 'sending' ? t('survey.sending') : t('survey.submit')}
                </button>
                {phase.kind === 'working' && (
                  <div className="progress" role="status">
                    <label>
                      {t('survey.preparing')}
                      <progress max={1} value={progressOf(tried, difficulty)} lang={lang}>
                        {Math.round(progressOf(tried, difficulty) * 100)}%
                      </progress>
                    </label>
                  </div>
                )}
                {phase.kind === 'refused' && (
                  <div className="form-error" role="alert">
                    <p>{t(phase.message)}</p>
                    {phase.detail && <p className="small">{phase.detail}</p>}
                    {phase.retry && (
                      <button type="button" onClick={() => void send(true)}>
                        {t('survey.retry')}
                      </button>
                    )}
                  </div>
                )}
              </div>
              <p className="muted small">{t('survey.whyWork')}</p>
            </form>
          )}
        </>
      )}
    </Async>
  );
}

function refusal(e: unknown, errorText: I18n['errorText']): Phase {
  if (!(e instanceof ApiError)) return { kind: 'refused', message: 'survey.failed', retry: true, detail: String(e) };
  if (e.status === 0) return { kind: 'refused', message: 'state.network', retry: true };
  if (e.status === 409) return { kind: 'refused', message: 'survey.already', retry: false };
  if (e.status === 429) return { kind: 'refused', message: 'survey.tooMany', retry: false };
  if (e.status === 403) return { kind: 'refused', message: 'survey.challenge', retry: true };
  if (e.status === 404) return { kind: 'refused', message: 'public.notFound', retry: false };
  return { kind: 'refused', message: 'survey.failed', retry: true, detail: errorText(e) };
}
