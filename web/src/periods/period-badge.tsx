/**
 * The locked badge of an area's month, beside the dashboard's, the rankings' and an
 * explanation's heading: shown when the period is locked (itself or by an area above), it opens
 * the period board. Nothing is shown to an account that may not read periods.
 */
import { query } from '../api/client.ts';
import { useApi } from '../api/use-api.ts';
import { useCan } from '../auth/can.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { href, Link } from '../router/router.tsx';
import type { PeriodRow } from './types.ts';

export function LockedBadge({ area, month }: { area: string | null | undefined; month: string | null | undefined }) {
  const { t, fmt } = useI18n();
  const can = useCan();
  const rows = useApi<PeriodRow[]>(
    can('periods:read') && area && month ? `/periods${query({ month, within: area })}` : null,
  );
  const own = rows.data?.find((r) => r.area === area);
  if (!area || !month || own?.status !== 'locked') return null;
  return (
    <Link
      className="badge badge-alert period-badge"
      href={href('/periods', { area, month })}
      title={t('period.lockedTitle', { month: fmt.month(month) })}
    >
      {t('period.locked')}
    </Link>
  );
}
