/**
 * Completeness and timeliness of an area for a month (SPEC §5): its own figure with what on time
 * means, each child's share of open rooms reporting, and the open rooms that have not reported,
 * grouped by the area under the one shown. Area, month and page live in the URL.
 */
import { query } from '../api/client.ts';
import type { CompletenessArea, CompletenessRooms, CompletenessRow } from '../api/types.ts';
import { useApi } from '../api/use-api.ts';
import { CompletenessNote } from '../dashboard/standing.tsx';
import { useI18n } from '../i18n/i18n.tsx';
import { href, Link, navigate, useLocation, withQuery } from '../router/router.tsx';
import { AreaSearch } from '../ui/area-search.tsx';
import { MonthPicker } from '../ui/month-picker.tsx';
import { Pager } from '../ui/pager.tsx';
import { Async, Loading } from '../ui/states.tsx';
import { useAreaMonth } from '../ui/view-defaults.ts';
import { AssessmentTabs } from './tabs.tsx';

const LIMIT = 50;

export function CompletenessPage() {
  const { t, fmt } = useI18n();
  const location = useLocation();
  const { area, month } = useAreaMonth();
  const offset = Number(location.query.get('offset')) || 0;
  const set = (changes: Record<string, string | undefined>) =>
    navigate(withQuery(location, { offset: undefined, ...changes }), { replace: true });
  const ready = area !== null && month !== null;
  const figure = useApi<CompletenessArea>(ready ? `/completeness/area${query({ month, area })}` : null, { keep: true });
  const children = useApi<CompletenessRow[]>(ready ? `/completeness${query({ month, within: area })}` : null, {
    keep: true,
  });
  const rooms = useApi<CompletenessRooms>(
    ready ? `/completeness/rooms${query({ month, area, reporting: 'no', limit: LIMIT, offset })}` : null,
    { keep: true },
  );
  const name = figure.data?.name ?? '…';
  return (
    <div className="page completeness-page">
      <AssessmentTabs />
      <header className="page-head">
        <h1 tabIndex={-1}>{t('cmp.title', { area: name, month: month ? fmt.month(month) : '…' })}</h1>
        <p className="muted">{t('cmp.intro')}</p>
        <div className="controls">
          {month && <MonthPicker value={month} onChange={(m) => set({ month: m })} />}
          <AreaSearch label={t('ctl.area')} placeholder={figure.data?.name} onPick={(a) => set({ area: a.code })} />
        </div>
      </header>
      {!ready ? (
        <Loading />
      ) : (
        <>
          <Async {...figure}>{(f) => <CompletenessNote figure={f} always />}</Async>
          <section className="panel" aria-labelledby="cmp-children">
            <h2 id="cmp-children">{t('cmp.children', { area: name })}</h2>
            <Async {...children}>{(rows) => <ChildTable rows={rows} month={month} />}</Async>
          </section>
          <section className="panel" aria-labelledby="cmp-rooms">
            <h2 id="cmp-rooms">{t('dash.roomsNotReporting')}</h2>
            <Async {...rooms}>
              {(page) => (
                <>
                  <RoomList page={page} />
                  <Pager
                    total={page.total}
                    limit={page.limit}
                    offset={page.offset}
                    onOffset={(o) => set({ offset: String(o) })}
                  />
                </>
              )}
            </Async>
          </section>
        </>
      )}
    </div>
  );
}

function ChildTable({ rows, month }: { rows: CompletenessRow[]; month: string }) {
  const { t, fmt } = useI18n();
  if (rows.length === 0) return <p className="state state-empty">{t('dash.noChildren')}</p>;
  const share = (v: number | null) => (v === null ? '–' : fmt.percent(v, 0));
  return (
    <div className="table-wrap">
      <table>
        <thead>
          <tr>
            <th scope="col">{t('dash.area')}</th>
            <th scope="col" className="num">
              {t('cmp.reporting')}
            </th>
            <th scope="col" className="num">
              {t('cmp.rate')}
            </th>
            <th scope="col" className="num">
              {t('cmp.onTimeRate')}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.code}>
              <th scope="row">
                <Link href={href('/assessment/completeness', { area: r.code, month })}>{r.name}</Link>
              </th>
              <td className="num">
                {fmt.count(r.reporting)}/{fmt.count(r.rooms)}
              </td>
              <td className="num">{share(r.rate)}</td>
              <td className="num">{share(r.on_time_rate)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The rooms not reporting, under a heading for each area that holds them. */
function RoomList({ page }: { page: CompletenessRooms }) {
  const { t } = useI18n();
  if (page.total === 0) return <p className="pass-mark">{t('cmp.allReported')}</p>;
  const groups = new Map<string, CompletenessRooms['items']>();
  for (const room of page.items) {
    const where = room.areas.map((a) => a.name).join(' / ') || page.area;
    groups.set(where, [...(groups.get(where) ?? []), room]);
  }
  return (
    <div className="room-groups" data-testid="rooms-not-reporting">
      {[...groups].map(([where, items]) => (
        <section key={where}>
          <h3 className="small-heading">{where}</h3>
          <ul>
            {items.map((r) => (
              <li key={r.code}>
                <Link href={`/units/${encodeURIComponent(r.code)}`}>{r.name}</Link>{' '}
                <small className="muted">{r.code}</small>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
