/**
 * What the server says about itself (`GET /api/v1/meta`): whether the data is the demonstration,
 * the top areas, the latest month with records. Asked once per visit; a server without the
 * route, or any failure, leaves it `absent` and the app falls back on its own defaults.
 */
import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import { apiGet } from '../api/client.ts';
import { isRole, roleHolds } from '#core/accounts/permissions.ts';
import type { Meta } from '../api/types.ts';
import { useAuth } from '../auth/auth.tsx';
import { translate, useI18n } from '../i18n/i18n.tsx';
import { DEFAULT_MONTH, today as deviceToday } from '../domain/month.ts';

export type MetaState = { status: 'loading' } | { status: 'ready'; meta: Meta } | { status: 'absent' };

const MetaContext = createContext<MetaState>({ status: 'absent' });

export function MetaProvider({ children, value }: { children: ReactNode; value?: MetaState }) {
  const { epoch, session } = useAuth();
  const [state, setState] = useState<MetaState>(value ?? { status: 'loading' });
  // An account that reads no figures (an auditor) is not sent to ask for them.
  const role = session?.role;
  const reads = role === undefined || (isRole(role) && roleHolds(role, 'aggregate:read'));
  useEffect(() => {
    if (value) return;
    if (!reads) return void setState({ status: 'absent' });
    let live = true;
    apiGet<Meta>('/meta').then(
      (meta) => live && setState({ status: 'ready', meta }),
      (e: { status?: number }) => live && e.status !== 401 && setState({ status: 'absent' }),
    );
    return () => {
      live = false;
    };
  }, [value, epoch, reads]);
  return <MetaContext.Provider value={value ?? state}>{children}</MetaContext.Provider>;
}

export function useMeta(): MetaState {
  return useContext(MetaContext);
}

/**
 * The month a page opens on when its URL names none (SPEC §5 `default_month`: the latest month
 * complete enough over the account's own areas); the latest month with records from a server
 * that cannot say; `DEFAULT_MONTH` without meta; null while it is being asked.
 */
export function defaultMonthOf(meta: MetaState): string | null {
  if (meta.status === 'loading') return null;
  if (meta.status === 'absent') return DEFAULT_MONTH;
  return meta.meta.default_month ?? meta.meta.latest_month ?? DEFAULT_MONTH;
}

/**
 * The area a page opens on when its URL names none: the first the account sees first (its
 * scope's root), else the first top area; undefined when the server cannot say, null while asked.
 */
export function homeAreaOf(meta: MetaState): string | null | undefined {
  if (meta.status === 'loading') return null;
  if (meta.status === 'absent') return undefined;
  return meta.meta.home_areas?.[0]?.code ?? meta.meta.root_areas[0]?.code ?? undefined;
}

/**
 * Today as the server counts it (the province's time zone, whatever the device's), for the
 * default day of a page; the device's own until the server has answered, or when it cannot.
 */
export function useToday(): string {
  const meta = useMeta();
  return (meta.status === 'ready' && meta.meta.today) || deviceToday();
}

/** The "demonstration data" banner, shown while the server says its data is the demo. */
export function DemoBanner({ show }: { show?: boolean }) {
  const { t, lang } = useI18n();
  const meta = useMeta();
  const demo = meta.status === 'ready' ? meta.meta.demo : null;
  if (!(show ?? !!demo)) return null;
  return (
    <div className="demo-banner" role="note">
      <strong>
        {t('app.demo')} / {translate(lang === 'zh' ? 'en' : 'zh', 'app.demo')}
      </strong>
      <span>
        {demo?.label && ![translate('zh', 'app.demo'), translate('en', 'app.demo')].includes(demo.label[lang])
          ? demo.label[lang]
          : t('app.demoNote')}
      </span>
    </div>
  );
}
