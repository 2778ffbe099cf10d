/** One area: where it sits, links to its assessment and funds, its units and officers posted. */
import { useState } from 'react';
import { query } from '../api/client.ts';
import type { AreaDetail, PostingPage, UnitPage } from '../api/types.ts';
import { useApi } from '../api/use-api.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { href, Link } from '../router/router.tsx';
import { Pager } from '../ui/pager.tsx';
import { Async } from '../ui/states.tsx';
import { useToday } from '../ui/meta.tsx';
import { ExportLinks } from '../ui/export-links.tsx';

const UNIT_TYPES = ['bureau', 'station', 'community_room', 'rural_office'] as const;
const PAGE = 20;

export function AreaPanel({ area }: { area: AreaDetail }) {
  const { t, tr, fmt } = useI18n();
  return (
    <div className="stack-gap">
      <div className="panel">
        <nav className="breadcrumb" aria-label={t('areas.tree')}>
          <ol>
            {area.path.map((p) => (
              <li key={p.code}>
                <Link href={href('/areas', { area: p.code })}>{p.name}</Link>
              </li>
            ))}
          </ol>
        </nav>
        <h2 className="area-title">{area.name}</h2>
        <dl className="facts">
          <div>
            <dt>{t('areas.code')}</dt>
            <dd>{area.code}</dd>
          </div>
          <div>
            <dt>{t('areas.level')}</dt>
            <dd>
              {tr('level', area.level)}
              {area.urban_rural && ` · ${tr('urban', area.urban_rural)}`}
            </dd>
          </div>
          <div>
            <dt>{t('areas.children')}</dt>
            <dd>{t('areas.childrenCount', { n: fmt.count(area.children) })}</dd>
          </div>
        </dl>
        <p className="actions">
          <Link className="button" href={href('/', { area: area.code })}>
            {t('areas.toDashboard')}
          </Link>
          <Link className="button" href={href('/funds', { area: area.code })}>
            {t('areas.toFunds')}
          </Link>
        </p>
      </div>
      <UnitsOfArea key={`u-${area.code}`} code={area.code} />
      <OfficersOfArea key={`o-${area.code}`} code={area.code} />
    </div>
  );
}

function UnitsOfArea({ code }: { code: string }) {
  const { t, tr } = useI18n();
  const [type, setType] = useState('');
  const [offset, setOffset] = useState(0);
  const units = useApi<UnitPage>(`/units${query({ area: code, type, limit: PAGE, offset })}`, { keep: true });
  return (
    <section className="panel" aria-labelledby="units-h">
      <div className="panel-head">
        <h2 id="units-h">{t('areas.units')}</h2>
        <ExportLinks path="/units" params={{ area: code, type }} what={t('areas.units')} />
        <label className="inline-field">
          <span>{t('areas.unitFilter')}</span>
          <select
            value={type}
            onChange={(e) => {
              setType(e.target.value);
              setOffset(0);
            }}
          >
            <option value="">{t('areas.allTypes')}</option>
            {UNIT_TYPES.map((u) => (
              <option key={u} value={u}>
                {tr('unitType', u)}
              </option>
            ))}
          </select>
        </label>
      </div>
      <Async {...units}>
        {(page) =>
          page.items.length === 0 ? (
            <p className="state state-empty">{t('state.empty')}</p>
          ) : (
            <>
              <table className="stack">
                <thead>
                  <tr>
                    <th scope="col">{t('unit.title')}</th>
                    <th scope="col">{t('unit.type')}</th>
                    <th scope="col">{t('unit.status')}</th>
                    <th scope="col">{t('areas.code')}</th>
                  </tr>
                </thead>
                <tbody>
                  {page.items.map((u) => (
                    <tr key={u.code}>
                      <th scope="row" data-label={t('unit.title')}>
                        <Link href={`/units/${encodeURIComponent(u.code)}`}>{u.name}</Link>
                      </th>
                      <td data-label={t('unit.type')}>{tr('unitType', u.type)}</td>
                      <td data-label={t('unit.status')}>
                        <span className={`status status-${u.status}`}>{tr('status', u.status)}</span>
                      </td>
                      <td data-label={t('areas.code')} className="mono">
                        {u.code}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
              <Pager total={page.total} limit={page.limit} offset={page.offset} onOffset={setOffset} />
            </>
          )
        }
      </Async>
    </section>
  );
}

function OfficersOfArea({ code }: { code: string }) {
  const { t, tr, fmt } = useI18n();
  const [offset, setOffset] = useState(0);
  const day = useToday();
  const officers = useApi<PostingPage>(`/officers${query({ area: code, on: day, limit: PAGE, offset })}`, {
    keep: true,
  });
  return (
    <section className="panel" aria-labelledby="officers-h">
      <div className="panel-head">
        <h2 id="officers-h">
          {t('areas.officers')} <small className="muted">{t('dash.asOf', { date: fmt.date(day) })}</small>
        </h2>
        <ExportLinks path="/officers" params={{ area: code, on: day }} what={t('areas.officers')} />
      </div>
      <Async {...officers}>
        {(page) =>
          page.items.length === 0 ? (
            <p className="state state-empty">{t('state.empty')}</p>
          ) : (
            <>
              <table className="stack">
                <thead>
                  <tr>
                    <th scope="col">{t('officer.name')}</th>
                    <th scope="col">{t('officer.badge')}</th>
                    <th scope="col">{t('officer.role')}</th>
                    <th scope="col">{t('officer.unit')}</th>
                  </tr>
                </thead>
                <tbody>
                  {page.items.map((o) => (
                    <tr key={`${o.badge}-${o.start_date}`}>
                      <th scope="row" data-label={t('officer.name')}>
                        <Link href={`/officers/${encodeURIComponent(o.badge)}`}>{o.name}</Link>
                      </th>
                      <td data-label={t('officer.badge')} className="mono">
                        {o.badge}
                      </td>
                      <td data-label={t('officer.role')}>{tr('role', o.role)}</td>
                      <td data-label={t('officer.unit')}>
                        <Link href={`/units/${encodeURIComponent(o.unit_code)}`}>{o.unit_name ?? o.unit_code}</Link>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
              <Pager total={page.total} limit={page.limit} offset={page.offset} onOffset={setOffset} />
            </>
          )
        }
      </Async>
    </section>
  );
}
