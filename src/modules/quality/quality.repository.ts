/**
 * The queries behind the data-quality report of an area's subtree for a month. Each returns the
 * rows it finds; the service caps and shapes them. Voided rows are left out.
 */
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { subtree } from '../areas/subtree.ts';
import { datedIn, placedByPosting, unitOpenOn } from '../../db/predicates.ts';
import type { Month } from '../assessment/month.ts';

export interface UnplacedRow {
  kind: 'info_reports' | 'familiarity_checks' | 'visits';
  key: string;
  date: string;
  badge: string;
}

/**
 * Officers' records dated in the month outside every posting of their officer: counted nowhere.
 * A report or check belongs to the subtree when its officer was ever posted in it (or, at the
 * root of the tree, always: a badge whose postings were all voided is posted nowhere); a visit by
 * its area_code.
 */
export async function unplacedRecords(db: Kysely<DB>, area: string, m: Month, isRoot: boolean): Promise<UnplacedRow[]> {
  const everPosted = (badge: string) =>
    isRoot
      ? sql`1 = 1`
      : sql`exists (select 1 from officers p join units u on u.code = p.unit_code
          where p.badge = ${sql.ref(badge)} and p.voided_at is null and u.area_code in (select code from sub))`;
  const { rows } = await sql<UnplacedRow>`${subtree(area)}
    select 'info_reports' as kind, r.ref as key, r.date, r.badge from info_reports r
    where ${datedIn('r.date', m)} and r.voided_at is null
      and not exists (select 1 from officers o where ${placedByPosting('o', 'r')})
      and ${everPosted('r.badge')}
    union all
    select 'familiarity_checks' as kind, c.ref as key, c.date, c.badge from familiarity_checks c
    where ${datedIn('c.date', m)} and c.voided_at is null
      and not exists (select 1 from officers o where ${placedByPosting('o', 'c')})
      and ${everPosted('c.badge')}
    union all
    select 'visits' as kind, v.badge || ' ' || v.date || ' ' || v.household_ref as key, v.date, v.badge from visits v
    where ${datedIn('v.date', m)} and v.voided_at is null and v.area_code in (select code from sub)
      and not exists (select 1 from officers o where ${placedByPosting('o', 'v')})
    order by kind, date, key`.execute(db);
  return rows;
}

export interface EmptySurveyRow {
  ref: string;
  date: string;
  area_code: string;
  channel: string | null;
}

/** Surveys of the month that answer neither question. */
export async function emptySurveys(db: Kysely<DB>, area: string, m: Month): Promise<EmptySurveyRow[]> {
  const { rows } = await sql<EmptySurveyRow>`${subtree(area)}
    select ref, date, area_code, channel from surveys
    where ${datedIn('date', m)} and voided_at is null and area_code in (select code from sub)
      and knows_officer is null and satisfaction is null
    order by date, ref`.execute(db);
  return rows;
}

/** Village-level areas of the subtree without a single answered survey in the month. */
export async function villagesWithoutSurveys(
  db: Kysely<DB>,
  area: string,
  m: Month,
): Promise<{ code: string; name: string }[]> {
  // One pass over the month's surveys (by the date index), not one search per village.
  const { rows } = await sql<{ code: string; name: string }>`${subtree(area)}
    select a.code, a.name from areas a
    where a.level = 'village' and a.voided_at is null and a.code in (select code from sub)
      and a.code not in (
        select area_code from surveys where ${datedIn('date', m)} and voided_at is null
          and (knows_officer is not null or satisfaction is not null)
      )
    order by a.code`.execute(db);
  return rows;
}

export interface ChannelRow {
  online: number;
  surveys: number;
  knows_answered: number;
  knows_yes: number;
  satisfaction_answered: number;
  satisfied: number;
}

/**
 * The month's answers of the public form (`online`: 1, table public_answers) beside the survey
 * records of every channel (`online`: 0; an imported row marked `online` is a record like any).
 */
export async function surveysByChannel(db: Kysely<DB>, area: string, m: Month): Promise<ChannelRow[]> {
  const figures = (online: number) => sql`
    select ${sql.lit(online)} as online, count(*) as surveys,
      sum(case when knows_officer is not null then 1 else 0 end) as knows_answered,
      sum(case when knows_officer = 1 then 1 else 0 end) as knows_yes,
      sum(case when satisfaction is not null then 1 else 0 end) as satisfaction_answered,
      sum(case when satisfaction >= 4 then 1 else 0 end) as satisfied`;
  const { rows } = await sql<ChannelRow>`${subtree(area)}
    ${figures(1)} from public_answers
    where ${datedIn('date', m)} and area_code in (select code from sub)
    union all
    ${figures(0)} from surveys
    where ${datedIn('date', m)} and voided_at is null and area_code in (select code from sub)`.execute(db);
  return rows.map((r) => ({
    online: Number(r.online),
    surveys: Number(r.surveys),
    knows_answered: Number(r.knows_answered ?? 0),
    knows_yes: Number(r.knows_yes ?? 0),
    satisfaction_answered: Number(r.satisfaction_answered ?? 0),
    satisfied: Number(r.satisfied ?? 0),
  }));
}

/** The month's answers of the public form in the subtree taken past their community's daily cap (public.service.ts). */
export async function onlinePastCap(db: Kysely<DB>, area: string, m: Month): Promise<number> {
  const { rows } = await sql<{ n: number }>`${subtree(area)}
    select count(*) as n from public_answers a join public_flagged f on f.ref = a.ref
    where ${datedIn('a.date', m)} and a.area_code in (select code from sub)`.execute(db);
  return Number(rows[0]?.n ?? 0);
}

export interface AnswerSpreadRow {
  unit_code: string;
  name: string;
  answers: number;
  distinct_answers: number;
  /** One of the answers, `knows/satisfaction` (`-` for no answer). */
  sample: string;
}

/** Per room of the subtree: the month's surveys in the villages it covers (open on the day), and how many different answers they give. */
export async function answerSpread(db: Kysely<DB>, area: string, m: Month): Promise<AnswerSpreadRow[]> {
  const answer = sql`coalesce(cast(s.knows_officer as text), '-') || '/' || coalesce(cast(s.satisfaction as text), '-')`;
  const { rows } = await sql<AnswerSpreadRow>`${subtree(area)}
    select u.code as unit_code, u.name, count(*) as answers, count(distinct ${answer}) as distinct_answers, min(${answer}) as sample
    from surveys s
    join unit_covers c on c.area_code = s.area_code
    join units u on u.code = c.unit_code and ${unitOpenOn('u', sql.ref('s.date'))}
    where ${datedIn('s.date', m)} and s.voided_at is null and u.area_code in (select code from sub)
    group by u.code, u.name
    order by u.code`.execute(db);
  return rows.map((r) => ({ ...r, answers: Number(r.answers), distinct_answers: Number(r.distinct_answers) }));
}

/** Officers' days with more than `max` household visits in the subtree. */
export async function busyDays(
  db: Kysely<DB>,
  area: string,
  m: Month,
  max: number,
): Promise<{ badge: string; date: string; visits: number }[]> {
  const { rows } = await sql<{ badge: string; date: string; visits: number }>`${subtree(area)}
    select badge, date, count(*) as visits from visits
    where ${datedIn('date', m)} and voided_at is null and area_code in (select code from sub)
    group by badge, date having count(*) > ${max}
    order by count(*) desc, badge, date`.execute(db);
  return rows.map((r) => ({ ...r, visits: Number(r.visits) }));
}
