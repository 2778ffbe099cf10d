import { describe, expect, it } from 'vitest';
import { demoSources, loadJilinAreas, type DemoRow } from './generate.ts';

// Every row at scale 0.05 checked against SPEC §2/§3, as the importer will check them, plus the
// demo's own promises (rooms cover their township's villages, records inside a posting).
const areas = loadJilinAreas();
const sources = new Map(demoSources(areas, { seed: 11, scale: 0.05 }).map((s) => [s.kind, s]));
const rows = (kind: string): Iterable<DemoRow> => sources.get(kind)?.rows() ?? [];

const CODE = /^[A-Za-z0-9_./-]{1,64}$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const validDate = (s: string): boolean => DATE.test(s) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s);
const in2019 = (s: string): boolean => validDate(s) && s.startsWith('2019-');

const errors: string[] = [];
function check(ok: boolean, kind: string, row: DemoRow, why: string): void {
  if (!ok && errors.length < 50) errors.push(`${kind}: ${why}: ${JSON.stringify(row)}`);
}
function unique(kind: string, seen: Set<string>, key: string, row: DemoRow): void {
  check(!seen.has(key), kind, row, `duplicate key ${key}`);
  seen.add(key);
}

const area = new Map(areas.map((a) => [a.code, a]));
const parentOf = (code: string): string => area.get(code)?.parent_code ?? '';
const isVillage = (code: string): boolean => area.get(code)?.level === 'village';

describe('demo rows at scale 0.05', () => {
  const units = new Map<string, DemoRow>();
  const postings = new Map<string, DemoRow[]>();
  const patrols = new Map<string, DemoRow>();

  it('has valid areas and population', () => {
    const seen = new Set<string>();
    for (const a of rows('areas')) {
      unique('areas', seen, a.code, a);
      check(CODE.test(a.code) && (a.parent_code === '' || area.has(a.parent_code)), 'areas', a, 'code or parent');
    }
    const keys = new Set<string>();
    for (const p of rows('population')) {
      unique('population', keys, `${p.area_code}|${p.year}`, p);
      check(isVillage(p.area_code), 'population', p, 'not village level');
      check(/^[1-9]\d*$/.test(p.residents) && /^[1-9]\d*$/.test(p.households), 'population', p, 'counts');
    }
    expect(errors).toEqual([]);
  });

  it('has units whose status agrees with their dates, rooms covering their own township', () => {
    for (const u of rows('units')) {
      check(!units.has(u.code) && CODE.test(u.code), 'units', u, 'code');
      units.set(u.code, u);
    }
    for (const u of units.values()) {
      const { status, opened_on: opened, closed_on: closed } = u;
      for (const d of [opened, closed]) check(d === '' || validDate(d), 'units', u, 'date');
      check(
        !((status === 'open' || status === 'closed') && opened === ''),
        'units',
        u,
        'open/closed without opened_on',
      );
      check(!(status === 'closed' && closed === ''), 'units', u, 'closed without closed_on');
      check(
        !((status === 'planned' || status === 'building') && closed !== ''),
        'units',
        u,
        'planned/building with closed_on',
      );
      check(closed === '' || (opened !== '' && closed >= opened), 'units', u, 'closed before opened');
      const level = area.get(u.area_code)?.level;
      if (u.type === 'bureau') check(level === 'county', 'units', u, 'bureau not in a county');
      else if (u.type === 'station') check(level === 'township', 'units', u, 'station not in a township');
      else {
        check(level === 'township', 'units', u, 'room not in a township');
        check(units.get(u.station_code)?.type === 'station', 'units', u, 'no such station');
        const covers = u.covers.split(';');
        const urban = u.type === 'community_room' ? 'urban' : 'rural';
        check(covers.length >= 1 && covers.length <= 4, 'units', u, 'covers count');
        check(new Set(covers).size === covers.length, 'units', u, 'an area listed twice in covers');
        for (const c of covers)
          check(
            isVillage(c) && area.get(c)?.urban_rural === urban && parentOf(c) === u.area_code,
            'units',
            u,
            `covers ${c}`,
          );
      }
    }
    expect(errors).toEqual([]);
  });

  it('has postings that never overlap, inside open units, with consistent roles', () => {
    const seen = new Set<string>();
    for (const o of rows('officers')) {
      unique('officers', seen, `${o.badge}|${o.start_date}`, o);
      check(
        /^\d{6,7}$/.test(o.badge) && validDate(o.start_date) && (o.end_date === '' || o.end_date >= o.start_date),
        'officers',
        o,
        'badge or dates',
      );
      const unit = units.get(o.unit_code);
      check(unit !== undefined, 'officers', o, 'no such unit');
      if (!unit) continue;
      check(unit.opened_on !== '' && unit.opened_on <= o.start_date, 'officers', o, 'posted before the unit opened');
      check(
        unit.closed_on === '' || (o.end_date !== '' && o.end_date < unit.closed_on),
        'officers',
        o,
        'posted after the unit closed',
      );
      const type = { community: 'community_room', resident: 'rural_office', station: 'station' }[o.role as 'community'];
      check(o.role === 'civilian' || unit.type === type, 'officers', o, 'role does not fit the unit');
      check((o.role === 'civilian') === (o.origin === 'civilian_hire'), 'officers', o, 'civilian origin');
      postings.set(o.badge, [...(postings.get(o.badge) ?? []), o]);
    }
    for (const list of postings.values()) {
      const sorted = [...list].sort((a, b) => (a.start_date < b.start_date ? -1 : 1));
      for (let i = 1; i < sorted.length; i++)
        check(
          sorted[i - 1].end_date !== '' && sorted[i - 1].end_date < sorted[i].start_date,
          'officers',
          sorted[i],
          'overlap',
        );
      check(new Set(list.map((p) => `${p.name}|${p.origin}`)).size === 1, 'officers', list[0], 'one person per badge');
    }
    expect(postings.size).toBeGreaterThan(100);
    expect([...postings.values()].some((list) => list.length > 1)).toBe(true);
    expect(errors).toEqual([]);
  });

  it('has valid patrols, equipment, inspections and funds', () => {
    for (const p of rows('patrols')) {
      check(!patrols.has(p.code) && CODE.test(p.code) && units.has(p.unit_code), 'patrols', p, 'code or unit');
      check(
        /^[1-9]\d*$/.test(p.members) && (p.kind === 'full_time' || p.kind === 'volunteer'),
        'patrols',
        p,
        'members or kind',
      );
      patrols.set(p.code, p);
    }
    const seen = new Set<string>();
    for (const e of rows('equipment')) {
      unique('equipment', seen, `${e.unit_code}|${e.item}|${e.as_of}`, e);
      check(
        units.has(e.unit_code) && ['computer', 'motorcycle', 'work_kit'].includes(e.item),
        'equipment',
        e,
        'unit or item',
      );
      check(/^\d+$/.test(e.quantity) && validDate(e.as_of), 'equipment', e, 'quantity or date');
    }
    for (const i of rows('inspections')) {
      unique('inspections', seen, `${i.unit_code}|${i.date}`, i);
      check(units.has(i.unit_code) && validDate(i.date), 'inspections', i, 'unit or date');
      for (const aspect of ['premises', 'signage', 'equipment', 'staffing', 'work_system', 'duties', 'records'])
        check(i[aspect] === 'pass' || i[aspect] === 'fail', 'inspections', i, aspect);
    }
    const balance = new Map<string, number>();
    for (const f of rows('funds')) {
      unique('funds', seen, `fund|${f.ref}`, f);
      check(
        CODE.test(f.ref) && area.has(f.recipient_code) && in2019(f.date) && /^\d+\.\d{2}$/.test(f.amount),
        'funds',
        f,
        'ref, recipient, date or amount',
      );
      const cents =
        Math.round(Number(f.amount) * 100) * (f.kind === 'allocation' ? 1 : f.kind === 'disbursement' ? -1 : NaN);
      balance.set(f.recipient_code, (balance.get(f.recipient_code) ?? 0) + cents);
    }
    for (const [code, left] of balance) check(left >= 0, 'funds', { code }, 'more paid than allocated');
    expect(errors).toEqual([]);
  });

  it('has records that refer to what exists, officers’ records inside a posting', () => {
    const posting = (badge: string, date: string): DemoRow | undefined =>
      postings.get(badge)?.find((p) => p.start_date <= date && (p.end_date === '' || p.end_date >= date));
    const visitKeys = new Set<string>();
    let n = 0;
    for (const v of rows('visits')) {
      n++;
      unique('visits', visitKeys, `${v.badge}|${v.date}|${v.household_ref}`, v);
      const p = posting(v.badge, v.date);
      check(in2019(v.date) && CODE.test(v.household_ref), 'visits', v, 'date or household');
      check(
        p !== undefined && units.get(p.unit_code)?.covers.split(';').includes(v.area_code) === true,
        'visits',
        v,
        'not in its room’s villages',
      );
    }
    expect(n).toBeGreaterThan(100_000);
    visitKeys.clear();
    const refs = new Set<string>();
    for (const r of rows('info_reports')) {
      unique('info_reports', refs, r.ref, r);
      check(
        CODE.test(r.ref) &&
          in2019(r.date) &&
          posting(r.badge, r.date) !== undefined &&
          (r.adopted === 'yes' || r.adopted === 'no'),
        'info_reports',
        r,
        'row',
      );
    }
    for (const c of rows('familiarity_checks')) {
      unique('familiarity_checks', refs, c.ref, c);
      const sampled = Number(c.sampled);
      const correct = Number(c.correct);
      check(
        /^\d+$/.test(c.sampled) && /^\d+$/.test(c.correct) && correct <= sampled && sampled >= 10 && sampled <= 20,
        'familiarity_checks',
        c,
        'correct > sampled',
      );
      check(
        CODE.test(c.ref) && in2019(c.date) && posting(c.badge, c.date) !== undefined,
        'familiarity_checks',
        c,
        'outside every posting',
      );
    }
    for (const x of rows('incidents')) {
      unique('incidents', refs, x.ref, x);
      check(
        CODE.test(x.ref) &&
          in2019(x.date) &&
          isVillage(x.area_code) &&
          (x.category === 'criminal' || x.category === 'public_order'),
        'incidents',
        x,
        'row',
      );
    }
    for (const s of rows('surveys')) {
      unique('surveys', refs, s.ref, s);
      check(CODE.test(s.ref) && in2019(s.date) && isVillage(s.area_code), 'surveys', s, 'ref, date or area');
      check(
        ['yes', 'no', ''].includes(s.knows_officer) &&
          /^[1-5]?$/.test(s.satisfaction) &&
          ['door', 'phone', 'online'].includes(s.channel),
        'surveys',
        s,
        'answers',
      );
    }
    const logKeys = new Set<string>();
    for (const l of rows('patrol_logs')) {
      unique('patrol_logs', logKeys, `${l.patrol_code}|${l.date}`, l);
      const team = patrols.get(l.patrol_code);
      const unit = team && units.get(team.unit_code);
      check(
        unit !== undefined &&
          in2019(l.date) &&
          unit.opened_on !== '' &&
          unit.opened_on <= l.date &&
          (unit.closed_on === '' || l.date < unit.closed_on),
        'patrol_logs',
        l,
        'team or date',
      );
      check(
        /^\d+(\.\d+)?$/.test(l.hours) &&
          Number(l.hours) > 0 &&
          /^\d+$/.test(l.participants) &&
          Number(l.participants) <= Number(team?.members) + 3,
        'patrol_logs',
        l,
        'hours or participants',
      );
    }
    expect(errors).toEqual([]);
  });
});
