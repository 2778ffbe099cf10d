/**
 * The area and month a page shows when its URL names none: the account's own area for an
 * account scoped to one (else the top area the server names), and the month pages open on
 * (meta's default_month, SPEC §5). `null` while still being found out.
 */
import type { AreaPage } from '../api/types.ts';
import { useApi } from '../api/use-api.ts';
import { useAuth } from '../auth/auth.tsx';
import { useCan } from '../auth/can.ts';
import { isMonth } from '../domain/month.ts';
import { useLocation } from '../router/router.tsx';
import { defaultMonthOf, homeAreaOf, useMeta } from './meta.tsx';

export function useViewDefaults(): { area: string | null; month: string | null } {
  const meta = useMeta();
  const { session } = useAuth();
  const fromMeta = homeAreaOf(meta) ?? undefined;
  // An account that reads no registry (an auditor) is not sent to ask for the top area.
  const can = useCan();
  const ask = !session?.area && meta.status !== 'loading' && fromMeta === undefined && can('registry:read');
  const roots = useApi<AreaPage>(ask ? '/areas?level=province&limit=1' : null);
  const area = session?.area ?? fromMeta ?? roots.data?.items[0]?.code ?? null;
  return { area, month: defaultMonthOf(meta) };
}

/** `area` and `month` from the URL, else the defaults above. */
export function useAreaMonth(): { area: string | null; month: string | null } {
  const { query } = useLocation();
  const defaults = useViewDefaults();
  const monthParam = query.get('month');
  return {
    area: query.get('area') || defaults.area,
    month: isMonth(monthParam) ? monthParam : defaults.month,
  };
}
