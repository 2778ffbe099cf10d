/** The figures the map colours by, as a table: rank, area, the metric's value, lagging. */
import { useI18n } from '../i18n/i18n.tsx';
import { Link } from '../router/router.tsx';
import type { FiguresRow } from './map-types.ts';
import type { Metric } from './metrics.ts';

export function MapTable({
  rows,
  metric,
  hrefOf,
}: {
  rows: FiguresRow[];
  metric: Metric;
  hrefOf(code: string): string;
}) {
  const { t } = useI18n();
  if (rows.length === 0) return <p className="state state-empty">{t('dash.noChildren')}</p>;
  return (
    <div className="table-wrap">
      <table className="ranking">
        <thead>
          <tr>
            <th scope="col" className="num">
              {t('dash.rank')}
            </th>
            <th scope="col">{t('dash.area')}</th>
            <th scope="col" className="num">
              {metric.label}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => {
            const v = metric.value(r);
            return (
              <tr key={r.code} className={r.lagging ? 'is-lagging' : undefined}>
                <td className="num">{r.rank}</td>
                <th scope="row">
                  <Link href={hrefOf(r.code)} className="area-link" aria-label={t('dash.drill', { area: r.name })}>
                    {r.name}
                  </Link>
                  {r.lagging && <span className="badge badge-lagging">{t('dash.lagging')}</span>}
                </th>
                <td className="num">
                  {v === null ? <span className="muted">{t('dash.noData')}</span> : metric.format(v)}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
