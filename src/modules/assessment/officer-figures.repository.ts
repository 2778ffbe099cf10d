/**
 * A front-line officer's own figures for a month (domain/officer-scheme.ts): its checks, reports
 * and visits by badge, wherever they were placed, and the days it was posted front-line. Voided
 * rows count nowhere.
 */
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { daysWithin } from './domain/posting-days.ts';
import type { Figures } from './domain/index.ts';
import { providesInformation } from '#core/assessment/placement.ts';
import { datedIn, frontLine, postedOn } from '../../db/predicates.ts';
import type { Month } from './month.ts';

export interface OfficerAtEnd {
  badge: string;
  name: string;
  role: string;
  unit_code: string;
  area_code: string;
}

/** The front-line officers posted at the end of the month, with their unit and its area. */
export async function frontLineAtEnd(db: Kysely<DB>, m: Month): Promise<OfficerAtEnd[]> {
  const { rows } = await sql<OfficerAtEnd>`
    select o.badge, o.name, o.role, o.unit_code, u.area_code from officers o
    join units u on u.code = o.unit_code and u.voided_at is null
    where ${frontLine('o')} and ${postedOn('o', m.last)}`.execute(db);
  return rows;
}

/** Each officer's figures: every badge with a front-line posting in the month or a record in it. */
export async function officerFigures(db: Kysely<DB>, m: Month): Promise<Map<string, Figures>> {
  const { first, last } = m;
  const out = new Map<string, Figures>();
  const of = (badge: string) => {
    let f = out.get(badge);
    if (!f) {
      f = {
        familiarity_rate: { numerator: 0, denominator: 0 },
        info_provision_rate: { numerator: 0, denominator: 0 },
        visits_per_week: { numerator: 0, denominator: 0 },
      };
      out.set(badge, f);
    }
    return f;
  };

  const postings = await sql<{ badge: string; start_date: string; end_date: string | null }>`
    select badge, start_date, end_date from officers
    where ${frontLine('')} and voided_at is null and start_date <= ${last} and (end_date is null or end_date >= ${first})`.execute(
    db,
  );
  const spans = new Map<string, { start: string; end: string | null }[]>();
  for (const p of postings.rows) {
    const list = spans.get(p.badge) ?? [];
    list.push({ start: p.start_date, end: p.end_date });
    spans.set(p.badge, list);
  }
  for (const [badge, list] of spans) of(badge).visits_per_week.denominator = daysWithin(list, first, last) / 7;

  const checks = await sql<{ badge: string; correct: number; sampled: number }>`
    select badge, sum(correct) as correct, sum(sampled) as sampled from familiarity_checks
    where ${datedIn('date', m)} and voided_at is null group by badge`.execute(db);
  for (const r of checks.rows)
    of(r.badge).familiarity_rate = { numerator: Number(r.correct), denominator: Number(r.sampled) };

  const atEnd = new Set((await frontLineAtEnd(db, m)).map((o) => o.badge));
  const reports = await sql<{ badge: string; n: number }>`
    select badge, count(*) as n from info_reports where ${datedIn('date', m)} and voided_at is null group by badge`.execute(
    db,
  );
  const filed = new Map(reports.rows.map((r) => [r.badge, Number(r.n)]));
  for (const badge of atEnd)
    of(badge).info_provision_rate = {
      numerator: providesInformation(filed.get(badge) ?? 0) ? 1 : 0,
      denominator: 1,
    };

  const visits = await sql<{ badge: string; n: number }>`
    select badge, count(*) as n from visits where ${datedIn('date', m)} and voided_at is null group by badge`.execute(
    db,
  );
  for (const r of visits.rows) of(r.badge).visits_per_week.numerator = Number(r.n);
  return out;
}
