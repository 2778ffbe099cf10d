/**
 * Everything the dashboard shows for an area, month and scheme, loaded in parallel: the area,
 * the standing figures at the month's end, the scheme's indicators for the 12 months ending
 * with the month (cards, sparklines, trend), the other scheme's composite, the children's ranking.
 */
import { useMemo } from 'react';
import { query } from '../api/client.ts';
import type {
  AreaDetail,
  AreaPage,
  CompletenessArea,
  Indicators,
  Overview,
  RankingRow,
  Schemes,
} from '../api/types.ts';
import { useApi, useApiAll } from '../api/use-api.ts';
import { metaOf, SCHEMES, type IndicatorMeta, type SchemeName } from '../domain/indicators.ts';
import { endOfMonth, monthsEnding } from '../domain/month.ts';

/**
 * `root` is the area to show when the URL names none (from the server's meta): `undefined` when
 * the server could not say (the first province is asked for), null while it is being asked.
 * A null `month` waits too.
 */
export function useDashboard(
  areaParam: string | null,
  root: string | null | undefined,
  month: string | null,
  scheme: SchemeName,
) {
  const roots = useApi<AreaPage>(areaParam || root !== undefined ? null : '/areas?level=province&limit=50');
  const found = areaParam ?? root ?? roots.data?.items[0]?.code ?? null;
  const code = month === null ? null : found;
  const months = useMemo(() => monthsEnding(month ?? '2000-01', 12), [month]);
  const other: SchemeName = scheme === 'performance' ? 'construction' : 'performance';
  const keep = { keep: true };
  const indicators = (m: string, sc: SchemeName) => `/indicators${query({ month: m, area: code, scheme: sc })}`;
  // Asked in order of what shows first; the month's own indicators are also the last of the 12
  // (the same request, shared by the client's cache), so the cards need not wait for the trend.
  const area = useApi<AreaDetail>(code ? `/areas/${encodeURIComponent(code)}` : null, keep);
  const current = useApi<Indicators>(code ? indicators(month!, scheme) : null, keep);
  const otherScheme = useApi<Indicators>(code ? indicators(month!, other) : null, keep);
  const rankings = useApi<RankingRow[]>(code ? `/rankings${query({ month, within: code, scheme })}` : null, keep);
  const overview = useApi<Overview>(code ? `/overview${query({ area: code, date: endOfMonth(month!) })}` : null, keep);
  const series = useApiAll<Indicators>(code ? months.map((m) => indicators(m, scheme)) : null, keep);
  const schemes = useApi<Schemes>(code ? `/schemes${query({ year: month!.slice(0, 4) })}` : null, keep);
  // Where the area stands among its parent's children (a manager may read its parent's ranking),
  // and how much of the month has been reported: neither stops the page when it fails.
  const parent = area.data?.code === code ? (area.data?.path.at(-1) ?? null) : null;
  const standing = useApi<RankingRow[]>(
    parent ? `/rankings${query({ month, within: parent.code, scheme })}` : null,
    keep,
  );
  const completeness = useApi<CompletenessArea>(
    code ? `/completeness/area${query({ month, area: code })}` : null,
    keep,
  );
  const parts = [roots, area, current, overview, series, otherScheme, rankings];
  return {
    code,
    roots,
    months,
    area,
    /** The scheme's indicators as in force for the month's year (the defaults until known). */
    indicators: schemeIndicators(schemes.data, scheme),
    current,
    overview,
    series,
    otherScheme,
    rankings,
    /** The parent whose ranking `standing` is, and the area's own row in it. */
    parent,
    standing: standing.data?.find((r) => r.code === code),
    standingOf: standing.data?.length,
    completeness,
    /** Every part loaded, without error, for the current view (what the e2e settle time waits for). */
    ready: code !== null && parts.every((p) => !p.loading && !p.error) && !standing.loading && !completeness.loading,
    error: parts.find((p) => p.error && p.error.status !== 401)?.error,
    reload: () => parts.forEach((p) => p.reload()),
  };
}

/** Whether a month holds any work records (surveys, checks, reports, patrols), not just standing counts. */
export function hasWorkData(ind: Indicators | undefined): boolean {
  if (!ind) return false;
  const i = ind.indicators;
  return (
    (i.awareness_rate?.denominator ?? 0) > 0 ||
    (i.familiarity_rate?.denominator ?? 0) > 0 ||
    (i.satisfaction_rate?.denominator ?? 0) > 0 ||
    (i.info_provision_rate?.numerator ?? 0) > 0 ||
    (i.group_defense?.numerator ?? 0) > 0
  );
}

/**
 * Whether a month is worth drawing: construction indicators stand every month; a performance
 * month without any work record is a month before records began (or not yet reported), and its
 * composite (standing figures alone, e.g. no crime recorded) would mislead on a trend.
 */
export function hasReported(ind: Indicators | undefined): boolean {
  if (!ind) return false;
  if (ind.scheme === 'performance') return hasWorkData(ind);
  return Object.values(ind.indicators).some((r) => !r.no_data);
}

/** The composite of a month for a trend, or null when nothing was reported. */
export function compositeOrNull(ind: Indicators | undefined): number | null {
  return ind && hasReported(ind) ? ind.composite : null;
}

export function schemeIndicators(schemes: Schemes | undefined, scheme: SchemeName): IndicatorMeta[] {
  const found = schemes?.schemes.find((s) => s.name === scheme);
  return found ? found.indicators.map(metaOf) : SCHEMES[scheme];
}
