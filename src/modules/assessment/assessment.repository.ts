/**
 * The queries behind the assessment: for a month, what is placed at each area itself (SPEC §3
 * placement rules), as raw numerators and denominators. Roll-up and scoring are the domain's.
 * Voided rows, and records whose unit, posting or team is voided, count nowhere.
 */
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { Figures } from './domain/index.ts';
import type { Month } from './month.ts';
import { ASPECTS, STANDARD_KIT } from '#core/kinds/kind.ts';
import {
  datedIn,
  frontLine,
  latestPopulation,
  placedByPosting,
  providesInformation,
  roomOpenOn,
  postedOn,
} from '../../db/predicates.ts';

type Own = Map<string, Figures>;

function add(own: Own, code: string, indicator: string, numerator: number, denominator: number): void {
  let f = own.get(code);
  if (!f) own.set(code, (f = {}));
  const cur = f[indicator];
  if (cur) {
    cur.numerator += numerator;
    cur.denominator += denominator;
  } else f[indicator] = { numerator, denominator };
}

/** What the month's queries place records by; loaded once per data version. */
export interface Registry {
  /** Each live patrol team's unit's area. */
  patrolArea: Map<string, string>;
  /** Residents per village-level area for a year (SPEC §3 Residents). */
  residents(year: number): Promise<Map<string, number>>;
}

export async function loadRegistry(db: Kysely<DB>): Promise<Registry> {
  const teams = await db
    .selectFrom('patrols as p')
    .innerJoin('units as u', 'u.code', 'p.unit_code')
    .select(['p.code', 'u.area_code'])
    .where('p.voided_at', 'is', null)
    .where('u.voided_at', 'is', null)
    .execute();
  const byYear = new Map<number, Promise<Map<string, number>>>();
  return {
    patrolArea: new Map(teams.map((t) => [t.code, t.area_code])),
    residents(year) {
      let r = byYear.get(year);
      if (!r) byYear.set(year, (r = residents(db, year)));
      return r;
    },
  };
}

export async function performanceOwn(db: Kysely<DB>, m: Month, registry: Registry): Promise<Own> {
  const own: Own = new Map();
  const { last } = m;

  const surveys = await sql<{ area_code: string; kd: number; kn: number; sd: number; sn: number }>`
    select area_code,
      sum(case when knows_officer is not null then 1 else 0 end) as kd,
      sum(case when knows_officer = 1 then 1 else 0 end) as kn,
      sum(case when satisfaction is not null then 1 else 0 end) as sd,
      sum(case when satisfaction >= 4 then 1 else 0 end) as sn
    from surveys where ${datedIn('date', m)} and voided_at is null
    group by area_code`.execute(db);
  for (const r of surveys.rows) {
    add(own, r.area_code, 'awareness_rate', Number(r.kn), Number(r.kd));
    add(own, r.area_code, 'satisfaction_rate', Number(r.sn), Number(r.sd));
  }

  const checks = await sql<{ area_code: string; correct: number; sampled: number }>`
    select u.area_code, sum(c.correct) as correct, sum(c.sampled) as sampled
    from familiarity_checks c
    join officers o on ${placedByPosting('o', 'c')}
    join units u on u.code = o.unit_code and u.voided_at is null
    where ${datedIn('c.date', m)} and c.voided_at is null
    group by u.area_code`.execute(db);
  for (const r of checks.rows) add(own, r.area_code, 'familiarity_rate', Number(r.correct), Number(r.sampled));

  const info = await sql<{ area_code: string; officers: number; providing: number }>`
    select u.area_code, count(*) as officers, sum(case when ${providesInformation(sql.ref('r.n'))} then 1 else 0 end) as providing
    from officers o
    join units u on u.code = o.unit_code and u.voided_at is null
    left join (
      select badge, count(*) as n from info_reports
      where ${datedIn('date', m)} and voided_at is null group by badge
    ) r on r.badge = o.badge
    where ${frontLine('o')} and ${postedOn('o', last)}
    group by u.area_code`.execute(db);
  for (const r of info.rows) add(own, r.area_code, 'info_provision_rate', Number(r.providing), Number(r.officers));

  const crimes = await sql<{ area_code: string; n: number }>`
    select area_code, count(*) as n from incidents
    where category = 'criminal' and ${datedIn('date', m)} and voided_at is null
    group by area_code`.execute(db);
  for (const r of crimes.rows) add(own, r.area_code, 'crime_rate', Number(r.n), 0);

  // Summed per team, then placed through the registry: the month's scan stays a plain GROUP BY.
  const patrols = await sql<{ patrol_code: string; member_hours: number }>`
    select patrol_code, sum(hours * participants) as member_hours from patrol_logs
    where ${datedIn('date', m)} and voided_at is null
    group by patrol_code`.execute(db);
  for (const r of patrols.rows) {
    const area = registry.patrolArea.get(r.patrol_code);
    if (area !== undefined) add(own, area, 'group_defense', Number(r.member_hours), 0);
  }

  for (const [area, n] of await registry.residents(m.year)) {
    add(own, area, 'crime_rate', 0, n);
    add(own, area, 'group_defense', 0, n);
  }
  return own;
}

/** Each village-level area's residents in its latest population year up to `year`. */
async function residents(db: Kysely<DB>, year: number): Promise<Map<string, number>> {
  const { rows } = await sql<{ area_code: string; residents: number }>`
    select p.area_code, p.residents from ${latestPopulation(year)} p`.execute(db);
  return new Map(rows.map((r) => [r.area_code, Number(r.residents)]));
}

/**
 * The answers of the public form (table public_answers) placed by their area_code as surveys
 * are: how many, and the awareness and satisfaction figures they would add (counted only where
 * the year's scheme says so: assessment.service.ts).
 */
export async function onlineAnswersOwn(db: Kysely<DB>, m: Month): Promise<Own> {
  const own: Own = new Map();
  const { rows } = await sql<{ area_code: string; n: number; kd: number; kn: number; sd: number; sn: number }>`
    select area_code, count(*) as n,
      sum(case when knows_officer is not null then 1 else 0 end) as kd,
      sum(case when knows_officer = 1 then 1 else 0 end) as kn,
      sum(case when satisfaction is not null then 1 else 0 end) as sd,
      sum(case when satisfaction >= 4 then 1 else 0 end) as sn
    from public_answers where ${datedIn('date', m)}
    group by area_code`.execute(db);
  for (const r of rows) {
    add(own, r.area_code, 'online_answers', Number(r.n), 0);
    add(own, r.area_code, 'awareness_rate', Number(r.kn), Number(r.kd));
    add(own, r.area_code, 'satisfaction_rate', Number(r.sn), Number(r.sd));
  }
  return own;
}

/** `more`'s awareness and satisfaction figures added into `own` (a new map; `own` is left alone). */
export function withOnlineAnswers(own: Own, more: ReadonlyMap<string, Figures>): Own {
  const out: Own = new Map([...own].map(([code, f]) => [code, structuredClone(f)]));
  for (const [code, f] of more)
    for (const name of ['awareness_rate', 'satisfaction_rate'])
      if (f[name]) add(out, code, name, f[name].numerator, f[name].denominator);
  return out;
}

export async function constructionOwn(db: Kysely<DB>, m: Month): Promise<Own> {
  const own: Own = new Map();
  const end = m.last;

  const villages = await sql<{ code: string; covered: number }>`
    select a.code, case when exists (
      select 1 from unit_covers c join units u on u.code = c.unit_code
      where c.area_code = a.code and ${roomOpenOn('u', end)}
    ) then 1 else 0 end as covered
    from areas a where a.level = 'village' and a.voided_at is null`.execute(db);
  for (const r of villages.rows) add(own, r.code, 'coverage_rate', Number(r.covered), 1);

  const rooms = await sql<{ code: string; area_code: string; staffed: number }>`
    select u.code, u.area_code, case when exists (
      select 1 from officers o where o.unit_code = u.code and ${frontLine('o')} and ${postedOn('o', end)}
    ) then 1 else 0 end as staffed
    from units u where ${roomOpenOn('u', end)}`.execute(db);

  const kit = await sql<{ unit_code: string; item: string; quantity: number }>`
    select e.unit_code, e.item, e.quantity from equipment e
    join (
      select unit_code, item, max(as_of) as as_of from equipment
      where as_of <= ${end} and voided_at is null group by unit_code, item
    ) latest on latest.unit_code = e.unit_code and latest.item = e.item and latest.as_of = e.as_of
    where e.voided_at is null`.execute(db);
  const held = new Map<string, Set<string>>();
  for (const r of kit.rows) {
    if (Number(r.quantity) < 1) continue;
    let items = held.get(r.unit_code);
    if (!items) held.set(r.unit_code, (items = new Set()));
    items.add(r.item);
  }

  const inspections = await sql<{ unit_code: string; passed: number }>`
    select i.unit_code, case when ${sql.raw(ASPECTS.map((a) => `i.${a} = 'pass'`).join(' and '))} then 1 else 0 end as passed
    from inspections i
    join (
      select unit_code, max(date) as date from inspections
      where date <= ${end} and voided_at is null group by unit_code
    ) latest on latest.unit_code = i.unit_code and latest.date = i.date
    where i.voided_at is null`.execute(db);
  const passed = new Map(inspections.rows.map((r) => [r.unit_code, Number(r.passed) === 1]));

  for (const room of rooms.rows) {
    const items = held.get(room.code);
    const equipped = STANDARD_KIT.every((item) => items?.has(item));
    add(own, room.area_code, 'staffing_rate', Number(room.staffed), 1);
    add(own, room.area_code, 'equipment_rate', equipped ? 1 : 0, 1);
    add(own, room.area_code, 'standardization_rate', passed.get(room.code) ? 1 : 0, 1);
  }

  const funds = await sql<{ recipient_code: string; paid: number; allocated: number }>`
    select recipient_code,
      sum(case when kind = 'disbursement' then amount_fen else 0 end) as paid,
      sum(case when kind = 'allocation' then amount_fen else 0 end) as allocated
    from funds where date <= ${end} and voided_at is null group by recipient_code`.execute(db);
  // Stored in fen; the figures are yuan.
  for (const r of funds.rows) add(own, r.recipient_code, 'funds_rate', Number(r.paid) / 100, Number(r.allocated) / 100);
  return own;
}
