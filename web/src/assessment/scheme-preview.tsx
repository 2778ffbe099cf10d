/**
 * The live preview of a scheme being edited: the ranking as it stands and as it would be under
 * the edited settings (`POST rankings/preview`, nothing saved), side by side.
 */
import { useEffect, useMemo, useState } from 'react';
import { ApiError, apiQuery, query } from '../api/client.ts';
import type { AreaDetail, RankingRow } from '../api/types.ts';
import { useApi } from '../api/use-api.ts';
import { RankMove } from '../dashboard/ranking-table.tsx';
import { useI18n } from '../i18n/i18n.tsx';
import { navigate, useLocation, withQuery } from '../router/router.tsx';
import { AreaSearch } from '../ui/area-search.tsx';
import { MonthPicker } from '../ui/month-picker.tsx';
import { Async, Empty, Loading, WriteError } from '../ui/states.tsx';
import type { Settings } from './scheme-draft.ts';
import type { SchemeView } from './types.ts';

/** Rows of a preview shown before "show all" (a province has thousands of officers). */
const FIRST_ROWS = 50;

/**
 * The ranking as it stands and as it would be, side by side, asked again as the settings change:
 * of the area's children under an area scheme, of its front-line officers under the officer one.
 */
export function Preview({
  scheme,
  settings,
  valid,
  dirty,
  area,
  month,
}: {
  scheme: SchemeView['name'];
  settings: Settings;
  valid: boolean;
  dirty: boolean;
  area: string | null;
  month: string | null;
}) {
  const { t } = useI18n();
  const location = useLocation();
  const set = (changes: Record<string, string | undefined>) =>
    navigate(withQuery(location, changes), { replace: true });
  const ready = area !== null && month !== null;
  const detail = useApi<AreaDetail>(area ? `/areas/${encodeURIComponent(area)}` : null, { keep: true });
  const officers = scheme === 'officer';
  const current = useApi<RankingRow[]>(
    !ready
      ? null
      : officers
        ? `/rankings/officers${query({ month, within: area })}`
        : `/rankings${query({ month, within: area, scheme })}`,
    { keep: true },
  );
  const [preview, setPreview] = useState<{ key: string; rows?: RankingRow[]; error?: ApiError }>();
  const key =
    ready && valid && dirty
      ? JSON.stringify([area, month, settings.indicators, settings.exempt_small_samples, settings.count_online_answers])
      : null;
  useEffect(() => {
    if (key === null) return;
    let live = true;
    const timer = setTimeout(() => {
      apiQuery<RankingRow[]>(`/rankings/preview${query({ month, within: area })}`, {
        scheme,
        indicators: settings.indicators,
        ...(settings.exempt_small_samples ? { exempt_small_samples: true } : {}),
        ...(scheme === 'performance' && settings.count_online_answers ? { count_online_answers: true } : {}),
      }).then(
        (rows) => live && setPreview({ key, rows }),
        (e: unknown) =>
          live && setPreview({ key, error: e instanceof ApiError ? e : new ApiError(0, 'client', String(e)) }),
      );
    }, 350);
    return () => {
      live = false;
      clearTimeout(timer);
    };
    // settings.indicators is in `key`.
  }, [key]);
  const shown = key !== null && preview?.key === key ? preview : undefined;
  const rows = !dirty ? current.data : shown?.rows;

  return (
    <section className="panel" aria-labelledby="scheme-preview-h" aria-busy={key !== null && !shown}>
      <div className="panel-head">
        <h2 id="scheme-preview-h">
          {t(officers ? 'scheme.previewOfficers' : 'scheme.preview', { area: detail.data?.name ?? '…' })}
        </h2>
      </div>
      <div className="controls">
        {month && <MonthPicker value={month} onChange={(m) => set({ month: m })} />}
        <AreaSearch
          label={t('subjects.within')}
          placeholder={detail.data?.name}
          onPick={(a) => set({ area: a.code })}
        />
      </div>
      <p className="muted small" role="status">
        {!valid
          ? t('scheme.fixFirst')
          : !dirty
            ? t('scheme.previewSame')
            : shown
              ? t('scheme.previewShown')
              : t('scheme.previewing')}
      </p>
      {shown?.error && <WriteError error={shown.error} />}
      <Async {...current}>
        {(now) =>
          now.length === 0 ? (
            <Empty>{t(officers ? 'subjects.none' : 'dash.noChildren')}</Empty>
          ) : !rows ? (
            <Loading />
          ) : (
            <PreviewTable now={now} rows={rows} nameLabel={t(officers ? 'officer.name' : 'dash.area')} />
          )
        }
      </Async>
    </section>
  );
}

/** Each row's rank and composite now and as it would be; the first rows until "show all". */
function PreviewTable({ now, rows, nameLabel }: { now: RankingRow[]; rows: RankingRow[]; nameLabel: string }) {
  const { t, fmt } = useI18n();
  const [all, setAll] = useState(false);
  const byCode = useMemo(() => new Map(now.map((r) => [r.code, r])), [now]);
  const shown = all ? rows : rows.slice(0, FIRST_ROWS);
  return (
    <>
      <div className="table-wrap">
        <table className="stack preview-table">
          <thead>
            <tr>
              <th scope="col">{nameLabel}</th>
              <th scope="col" className="num">
                {t('scheme.rankNow')}
              </th>
              <th scope="col" className="num">
                {t('scheme.rankThen')}
              </th>
              <th scope="col" className="num">
                {t('scheme.compositeNow')}
              </th>
              <th scope="col" className="num">
                {t('scheme.compositeThen')}
              </th>
              <th scope="col">{t('dash.problems')}</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((r) => {
              const before = byCode.get(r.code);
              const move = before ? before.rank - r.rank : null;
              const delta = before ? r.composite - before.composite : null;
              return (
                <tr key={r.code} className={move ? 'is-moved' : undefined}>
                  <th scope="row">
                    {r.name}
                    {r.lagging && <span className="badge badge-lagging">{t('dash.lagging')}</span>}
                  </th>
                  <td className="num" data-label={t('scheme.rankNow')}>
                    {before?.rank ?? '—'}
                  </td>
                  <td className="num rank-cell" data-label={t('scheme.rankThen')}>
                    <span>
                      <span className="rank">{r.rank}</span>
                      <RankMove change={move} />
                    </span>
                  </td>
                  <td className="num" data-label={t('scheme.compositeNow')}>
                    {before ? fmt.decimal(before.composite, 1) : '—'}
                  </td>
                  <td className="num" data-label={t('scheme.compositeThen')}>
                    <span>
                      <strong>{fmt.decimal(r.composite, 1)}</strong>{' '}
                      {delta !== null && Math.abs(delta) >= 0.05 && (
                        <small className={delta > 0 ? 'up' : 'down'}>{fmt.signed(delta)}</small>
                      )}
                    </span>
                  </td>
                  <td data-label={t('dash.problems')}>
                    <ProblemList problems={r.problems} />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {rows.length > FIRST_ROWS && (
        <button type="button" className="link-button" aria-expanded={all} onClick={() => setAll(!all)}>
          {all ? t('scheme.showFirst', { n: FIRST_ROWS }) : t('quality.all', { n: fmt.count(rows.length) })}
        </button>
      )}
    </>
  );
}

function ProblemList({ problems }: { problems: string[] }) {
  const { t, tr } = useI18n();
  if (problems.length === 0) return <span className="muted">—</span>;
  return <span className="small">{problems.map((p) => tr('ind', p)).join(t('sep.list'))}</span>;
}
