/**
 * The five problems of an area on a day, for the area and each of its children.
 *
 * @example const view = await fiveProblemsOf(db.kysely, assessment, '220000000000', '2019-12-31');
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { AssessmentService } from '../assessment/assessment.service.ts';
import type { AppContext } from '../app-context.ts';
import { requireAccess, type Actor } from '../accounts/access.ts';
import { today } from '../../shared/clock.ts';
import { addDays, addMonths } from '../notifications/document/dates.ts';
import { endOfMonth } from '#core/calendar/month.ts';
import { emptyTally, fiveOf, serviceStart, type FiveProblems, type Tally } from './five-problems.ts';
import {
  endedPostings,
  frontLineHistory,
  frontLineOn,
  roomsOn,
  unitsWithRecords,
  villagesOn,
} from './five-problems.repository.ts';

export interface FiveProblemsView {
  area: { code: string; name: string };
  date: string;
  /** The month to the day in which a room's records count for `assessment`. */
  records_window: { from: string; to: string };
  /** The twelve months in which ended postings count as turnover. */
  turnover_window: { from: string; to: string };
  problems: FiveProblems;
  children: { code: string; name: string; problems: FiveProblems }[];
}

/** The five problems as an actor asks for them: the area's figures and its children's, so visible where both are (its own subtree). */
export async function fiveProblemsFor(
  ctx: Pick<AppContext, 'db' | 'areas' | 'assessment'>,
  actor: Actor,
  q: { area: string; date?: string },
): Promise<FiveProblemsView> {
  await requireAccess(ctx.areas, actor.scope, 'area.figures', q.area);
  await requireAccess(ctx.areas, actor.scope, 'area.ranking', q.area);
  return fiveProblemsOf(ctx.db.kysely, ctx.assessment, q.area, q.date ?? today());
}

export async function fiveProblemsOf(
  db: Kysely<DB>,
  assessment: AssessmentService,
  area: string,
  day: string,
): Promise<FiveProblemsView> {
  const root = await assessment.areas.area(area);
  const tree = await assessment.areas.tree();
  const children = tree.children.childrenOf(area);
  const records = { from: recordsFrom(day), to: day };
  const turnover = { from: addDays(addMonths(day, -12), 1), to: day };
  const twoYearsBefore = addMonths(day, -24);

  const [rooms, reporting, villages, officers, history, ended] = await Promise.all([
    roomsOn(db, area, day),
    unitsWithRecords(db, records.from, records.to),
    villagesOn(db, area, day),
    frontLineOn(db, area, day),
    frontLineHistory(db, area, day),
    endedPostings(db, area, turnover.from, turnover.to),
  ]);

  const total = emptyTally();
  const byChild = new Map<string, Tally>(children.map((c) => [c, emptyTally()]));
  const childOf = childFinder(area, (code) => tree.areas.get(code)?.parent_code ?? null);
  const add = (code: string, fn: (t: Tally) => void) => {
    fn(total);
    const child = childOf(code);
    if (child) fn(byChild.get(child)!);
  };

  for (const r of rooms)
    add(r.area_code, (t) => {
      t.rooms++;
      t.staffed += r.staffed;
      t.standard += r.standard;
      t.reporting += reporting.has(r.code) ? 1 : 0;
    });
  for (const v of villages)
    add(v.code, (t) => {
      t.villages++;
      t.covered += v.covered;
    });
  const postings = new Map<string, { start_date: string; end_date: string | null }[]>();
  for (const h of history) postings.set(h.badge, [...(postings.get(h.badge) ?? []), h]);
  for (const o of officers) {
    const long = serviceStart(postings.get(o.badge) ?? [], o.start_date) <= twoYearsBefore;
    add(o.area_code, (t) => {
      t.officers++;
      t.long_serving += long ? 1 : 0;
    });
  }
  for (const e of ended) add(e.area_code, (t) => t.ended++);

  return {
    area: { code: root.code, name: root.name },
    date: day,
    records_window: records,
    turnover_window: turnover,
    problems: fiveOf(total),
    children: children.map((c) => ({ code: c, name: tree.areas.get(c)!.name, problems: fiveOf(byChild.get(c)!) })),
  };
}

/** Which child of `root` holds `code` (null for the root itself or outside it), remembered per code. */
function childFinder(root: string, parentOf: (code: string) => string | null): (code: string) => string | null {
  const memo = new Map<string, string | null>();
  const find = (code: string): string | null => {
    if (memo.has(code)) return memo.get(code)!;
    const parent = parentOf(code);
    const child = code === root || parent === null ? null : parent === root ? code : find(parent);
    memo.set(code, child);
    return child;
  };
  return find;
}

/** The month to the day ending on `day`: the calendar month when `day` is its last day, else from the day after the same day a month before. */
export function recordsFrom(day: string): string {
  return day === endOfMonth(day.slice(0, 7)) ? `${day.slice(0, 7)}-01` : addDays(addMonths(day, -1), 1);
}
