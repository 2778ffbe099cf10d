/**
 * The tabs of a section of the app (supervision, assessment): each a page with its own URL,
 * offered only to accounts that may use it. The area and month travel from tab to tab.
 */
import { useCan, type Permission } from '../auth/can.ts';
import { useI18n, type MessageKey } from '../i18n/i18n.tsx';
import { href, Link, useLocation } from '../router/router.tsx';

export interface SectionTab {
  key: MessageKey;
  to: string;
  /** Also current on paths starting with this. */
  prefix?: string;
  needs?: Permission;
}

export function SectionTabs({ label, tabs }: { label: MessageKey; tabs: SectionTab[] }) {
  const { t } = useI18n();
  const can = useCan();
  const location = useLocation();
  const keep = { area: location.query.get('area'), month: location.query.get('month') };
  return (
    <nav className="tabs section-tabs" aria-label={t(label)}>
      {tabs
        .filter((tab) => !tab.needs || can(tab.needs))
        .map((tab) => {
          const current = location.path === tab.to || (!!tab.prefix && location.path.startsWith(tab.prefix));
          return (
            <Link key={tab.to} href={href(tab.to, keep)} aria-current={current ? 'page' : undefined}>
              {t(tab.key)}
            </Link>
          );
        })}
    </nav>
  );
}
