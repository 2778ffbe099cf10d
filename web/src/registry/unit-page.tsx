/**
 * A unit on a day: what it is and whether it is open, the villages it covers, the officers
 * posted, its equipment against the standard kit, its inspections by the seven aspects and its
 * patrol teams.
 */
import { useId, type ReactNode } from 'react';
import { query } from '../api/client.ts';
import type { UnitDetail } from '../api/types.ts';
import { useApi } from '../api/use-api.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { href, Link, navigate, useLocation, withQuery } from '../router/router.tsx';
import { Async } from '../ui/states.tsx';
import { useToday } from '../ui/meta.tsx';
import { UnitLocation } from './unit-location.tsx';
import { ExportLinks } from '../ui/export-links.tsx';

const ASPECTS = ['premises', 'signage', 'equipment', 'staffing', 'work_system', 'duties', 'records'] as const;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

export function UnitPage({ code }: { code: string }) {
  const { t } = useI18n();
  const location = useLocation();
  const dateParam = location.query.get('date');
  const today = useToday();
  const date = dateParam && DATE.test(dateParam) ? dateParam : today;
  const unit = useApi<UnitDetail>(`/units/${encodeURIComponent(code)}${query({ date })}`, { keep: true });
  const dateId = useId();
  return (
    <div className="page unit-page">
      <Async {...unit}>
        {(u) => (
          <>
            <header className="page-head">
              <nav className="breadcrumb" aria-label={t('areas.tree')}>
                <ol>
                  <li>
                    <Link href={href('/areas', { area: u.area_code })}>{u.area_name ?? u.area_code}</Link>
                  </li>
                </ol>
              </nav>
              <h1 tabIndex={-1}>{u.name}</h1>
              <div className="controls">
                <div className="field-inline">
                  <label htmlFor={dateId}>{t('unit.date')}</label>
                  <input
                    id={dateId}
                    type="date"
                    value={date}
                    onChange={(e) =>
                      DATE.test(e.target.value) &&
                      navigate(withQuery(location, { date: e.target.value }), { replace: true })
                    }
                  />
                </div>
              </div>
            </header>
            <UnitFacts unit={u} />
            <UnitLocation key={u.code} unit={u} onSaved={unit.reload} />
            <div className="grid-2">
              <Covered unit={u} />
              <Officers unit={u} />
            </div>
            <Equipment unit={u} />
            <Inspections unit={u} />
            <Patrols unit={u} />
          </>
        )}
      </Async>
    </div>
  );
}

function UnitFacts({ unit: u }: { unit: UnitDetail }) {
  const { t, tr, fmt } = useI18n();
  return (
    <section className="panel">
      <p className="unit-state">
        <span className={`badge ${u.open ? 'badge-ok' : 'badge-muted'}`}>
          {t(u.open ? 'unit.openOn' : 'unit.closedOn', { date: fmt.date(u.date) })}
        </span>
      </p>
      <dl className="facts">
        <Fact label={t('unit.type')}>{tr('unitType', u.type)}</Fact>
        <Fact label={t('unit.status')}>{tr('status', u.status)}</Fact>
        <Fact label={t('areas.code')}>
          <span className="mono">{u.code}</span>
        </Fact>
        <Fact label={t('unit.area')}>
          <Link href={href('/areas', { area: u.area_code })}>{u.area_name ?? u.area_code}</Link>
        </Fact>
        {u.station_code && (
          <Fact label={t('unit.station')}>
            <Link href={`/units/${encodeURIComponent(u.station_code)}`}>{u.station_code}</Link>
          </Fact>
        )}
        {u.opened_on && <Fact label={t('unit.opened')}>{fmt.date(u.opened_on)}</Fact>}
        {u.closed_on && <Fact label={t('unit.closed')}>{fmt.date(u.closed_on)}</Fact>}
        {u.phone && (
          <Fact label={t('unit.phone')}>
            <a href={`tel:${u.phone}`}>{u.phone}</a>
          </Fact>
        )}
        {u.hours && <Fact label={t('unit.hours')}>{u.hours}</Fact>}
        {u.address && <Fact label={t('unit.address')}>{u.address}</Fact>}
        {u.longitude !== null && u.latitude !== null && (
          <Fact label={t('unit.location')}>
            <span className="mono">
              {u.longitude}, {u.latitude}
            </span>
          </Fact>
        )}
      </dl>
    </section>
  );
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

function Covered({ unit: u }: { unit: UnitDetail }) {
  const { t } = useI18n();
  return (
    <section className="panel" aria-labelledby="covers-h">
      <h2 id="covers-h">{t('unit.covers')}</h2>
      {u.covered_areas.length === 0 ? (
        <p className="state state-empty">{t('unit.noCovers')}</p>
      ) : (
        <ul className="plain-list">
          {u.covered_areas.map((a) => (
            <li key={a.code}>
              <Link href={href('/areas', { area: a.code })}>{a.name ?? a.code}</Link>{' '}
              <small className="muted mono">{a.code}</small>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function Officers({ unit: u }: { unit: UnitDetail }) {
  const { t, tr, fmt } = useI18n();
  return (
    <section className="panel" aria-labelledby="unit-officers-h">
      <h2 id="unit-officers-h">{t('unit.officers')}</h2>
      {u.officers.length === 0 ? (
        <p className="state state-empty">{t('unit.noOfficers')}</p>
      ) : (
        <ul className="plain-list">
          {u.officers.map((o) => (
            <li key={`${o.badge}-${o.start_date}`}>
              <Link href={`/officers/${encodeURIComponent(o.badge)}`}>{o.name}</Link>{' '}
              <span className="muted">{tr('role', o.role)}</span>
              <br />
              <small className="muted">
                {t('officer.badge')} <span className="mono">{o.badge}</span> · {tr('origin', o.origin)} ·{' '}
                {fmt.date(o.start_date)}–{o.end_date ? fmt.date(o.end_date) : t('officer.current')}
              </small>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function Equipment({ unit: u }: { unit: UnitDetail }) {
  const { t, tr, fmt } = useI18n();
  const rows = [
    ...u.equipment.map((e) => ({ ...e, missing: false })),
    ...u.missing_kit.map((item) => ({ item, quantity: 0, as_of: '', standard: true, missing: true })),
  ].sort((a, b) => Number(b.standard) - Number(a.standard) || a.item.localeCompare(b.item));
  const room = u.type === 'community_room' || u.type === 'rural_office';
  return (
    <section className="panel" aria-labelledby="equipment-h">
      <h2 id="equipment-h">{t('unit.equipment')}</h2>
      {room && (
        <p className={`badge ${u.missing_kit.length ? 'badge-alert' : 'badge-ok'}`}>
          {u.missing_kit.length
            ? t('unit.missing', { items: u.missing_kit.map((k) => tr('kit', k)).join(t('sep.list')) })
            : t('unit.kitComplete')}
        </p>
      )}
      {rows.length === 0 ? (
        <p className="state state-empty">{t('unit.noEquipment')}</p>
      ) : (
        <table className="stack">
          <thead>
            <tr>
              <th scope="col">{t('unit.item')}</th>
              <th scope="col">{t('unit.standard')}</th>
              <th scope="col" className="num">
                {t('unit.quantity')}
              </th>
              <th scope="col">{t('unit.asOf')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((e) => (
              <tr key={e.item} className={e.missing ? 'is-missing' : undefined}>
                <th scope="row" data-label={t('unit.item')}>
                  {tr('kit', e.item)}
                </th>
                <td data-label={t('unit.standard')}>{e.standard ? t('yes') : t('no')}</td>
                <td data-label={t('unit.quantity')} className="num">
                  {e.missing ? <span className="fail-mark">0</span> : fmt.count(e.quantity)}
                </td>
                <td data-label={t('unit.asOf')}>{e.as_of ? fmt.date(e.as_of) : '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function Inspections({ unit: u }: { unit: UnitDetail }) {
  const { t, tr, fmt } = useI18n();
  const list = [...u.inspections].sort((a, b) => b.date.localeCompare(a.date));
  return (
    <section className="panel" aria-labelledby="inspections-h">
      <h2 id="inspections-h">{t('unit.inspections')}</h2>
      {list.length === 0 ? (
        <p className="state state-empty">{t('unit.noInspections')}</p>
      ) : (
        <ul className="inspections">
          {list.map((i) => {
            const failed = ASPECTS.filter((a) => i[a] !== 'pass');
            return (
              <li key={i.date}>
                <span className="inspection-date">{fmt.date(i.date)}</span>
                <span className="aspects">
                  {ASPECTS.map((a) => (
                    <span
                      key={a}
                      className={`aspect ${i[a] === 'pass' ? 'pass' : 'fail'}`}
                      title={`${tr('aspect', a)}: ${i[a] === 'pass' ? t('pass') : t('fail')}`}
                    >
                      <span aria-hidden="true">{i[a] === 'pass' ? '✓' : '✗'}</span> {tr('aspect', a)}
                      <span className="visually-hidden"> {i[a] === 'pass' ? t('pass') : t('fail')}</span>
                    </span>
                  ))}
                </span>
                <span className={failed.length ? 'fail-mark' : 'pass-mark'}>
                  {failed.length
                    ? t('unit.failed', { aspects: failed.map((a) => tr('aspect', a)).join(t('sep.list')) })
                    : t('unit.allPass')}
                </span>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}

function Patrols({ unit: u }: { unit: UnitDetail }) {
  const { t, tr, fmt } = useI18n();
  return (
    <section className="panel" aria-labelledby="patrols-h">
      <div className="panel-head">
        <h2 id="patrols-h">{t('unit.patrols')}</h2>
        {u.patrols.length > 0 && <ExportLinks path="/patrols" params={{ unit: u.code }} what={t('unit.patrols')} />}
      </div>
      {u.patrols.length === 0 ? (
        <p className="state state-empty">{t('unit.noPatrols')}</p>
      ) : (
        <table className="stack">
          <thead>
            <tr>
              <th scope="col">{t('officer.name')}</th>
              <th scope="col">{t('unit.kind')}</th>
              <th scope="col" className="num">
                {t('unit.members')}
              </th>
              <th scope="col">{t('areas.code')}</th>
            </tr>
          </thead>
          <tbody>
            {u.patrols.map((p) => (
              <tr key={p.code}>
                <th scope="row" data-label={t('officer.name')}>
                  {p.name}
                </th>
                <td data-label={t('unit.kind')}>{tr('patrol', p.kind)}</td>
                <td data-label={t('unit.members')} className="num">
                  {fmt.count(p.members)}
                </td>
                <td data-label={t('areas.code')} className="mono">
                  {p.code}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
