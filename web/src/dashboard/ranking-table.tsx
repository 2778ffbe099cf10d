/**
 * The ranking of an area's children for a month: rank with its move since last month,
 * composite with its change, lagging mark, problem indicators, and the share of its open rooms
 * that reported in the month (SPEC §5) when the server gives it; a child's name drills down.
 */
import type { RankingRow } from '../api/types.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { Link } from '../router/router.tsx';

export function RankingTable({
  rows,
  caption,
  hrefOf,
  nameLabel,
}: {
  rows: RankingRow[];
  caption: string;
  hrefOf(code: string): string;
  /** The heading of the name column (default: area). */
  nameLabel?: string;
}) {
  const { t, tr, fmt } = useI18n();
  const withCompleteness = rows.some((r) => r.completeness);
  return (
    <div className="table-wrap">
      <table className="ranking">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col" className="num">
              {t('dash.rank')}
            </th>
            <th scope="col">{nameLabel ?? t('dash.area')}</th>
            <th scope="col" className="num">
              {t('dash.composite')}
              <small className="muted hide-sm"> / {t('dash.monthChange')}</small>
            </th>
            {withCompleteness && (
              <th scope="col" className="num">
                {t('col.reporting')}
              </th>
            )}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.code} className={r.lagging ? 'is-lagging' : undefined}>
              <td className="num rank-cell">
                <span className="rank">{r.rank}</span>
                <RankMove change={r.rank_change} />
              </td>
              <th scope="row">
                <Link href={hrefOf(r.code)} className="area-link" aria-label={t('dash.drill', { area: r.name })}>
                  {r.name}
                </Link>
                {r.lagging && <span className="badge badge-lagging">{t('dash.lagging')}</span>}
                {r.indicators && <Samples figures={r.indicators} />}
                {r.problems.length > 0 && (
                  <span className="problems">
                    <span className="visually-hidden">{t('dash.problems')}: </span>
                    {r.problems.map((p) => tr('ind', p)).join(t('sep.list'))}
                  </span>
                )}
              </th>
              <td className="num composite-cell">
                <strong>{fmt.decimal(r.composite, 1)}</strong>
                {r.composite_change !== null && (
                  <small className={r.composite_change > 0 ? 'up' : r.composite_change < 0 ? 'down' : 'muted'}>
                    <span className="visually-hidden">{t('dash.monthChange')} </span>
                    {fmt.signed(r.composite_change)}
                  </small>
                )}
              </td>
              {withCompleteness && (
                <td className="num">
                  {r.completeness && r.completeness.rate !== null ? (
                    <>
                      {fmt.percent(r.completeness.rate, 0)}
                      <small className="muted">
                        {' '}
                        {r.completeness.reporting}/{r.completeness.rooms}
                      </small>
                    </>
                  ) : (
                    '–'
                  )}
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** ▲2 (up two places), ▼1, – unchanged; nothing when last month had no ranking. */
export function RankMove({ change }: { change: number | null }) {
  const { t } = useI18n();
  if (change === null) return <span className="move" title={t('dash.new')} />;
  const label =
    change === 0 ? t('dash.same') : change > 0 ? t('dash.up', { n: change }) : t('dash.down', { n: -change });
  const mark = change === 0 ? '–' : `${change > 0 ? '▲' : '▼'}${Math.abs(change)}`;
  return (
    <span className={`move ${change === 0 ? 'same' : change > 0 ? 'up' : 'down'}`} title={label}>
      <span aria-hidden="true">{mark}</span>
      <span className="visually-hidden">{label}</span>
    </span>
  );
}

/** Each figure's sample (its denominator), a small one marked: what a unit's or officer's figure rests on. */
function Samples({ figures }: { figures: NonNullable<RankingRow['indicators']> }) {
  const { t, tr, fmt } = useI18n();
  const n = (v: number) => (Number.isInteger(v) ? fmt.count(v) : fmt.decimal(v, 1));
  return (
    <span className="samples muted small">
      {Object.entries(figures).map(([name, f], i) => (
        <span key={name} className={f.small_sample ? 'is-small' : undefined}>
          {i > 0 && t('sep.list')}
          {tr('ind', name)} {t('sample.of', { n: n(f.denominator) })}
          {f.small_sample && <span className="badge badge-small">{t('sample.small')}</span>}
        </span>
      ))}
    </span>
  );
}
