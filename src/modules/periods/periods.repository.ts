/** Periods' rows and their events: queries only. */
import type { Kysely, Selectable } from 'kysely';
import type { DB, PeriodTable } from '../../db/schema.ts';
import type { Tx } from '../../db/database.ts';
import type { PeriodAction, PeriodStatus } from '#core/periods/period-chain.ts';

export type PeriodEntry = Selectable<PeriodTable>;

/** Every stored period of a month (the areas that ever left `open`), by area. */
export async function periodsOfMonth(db: Kysely<DB>, month: string): Promise<Map<string, PeriodEntry>> {
  const rows = await db.selectFrom('periods').selectAll().where('month', '=', month).execute();
  return new Map(rows.map((r) => [r.area_code, r]));
}

/** The stored periods of `codes` in a month. */
export async function periodsOf(db: Kysely<DB>, month: string, codes: string[]): Promise<Map<string, PeriodEntry>> {
  if (codes.length === 0) return new Map();
  const rows = await db
    .selectFrom('periods')
    .selectAll()
    .where('month', '=', month)
    .where('area_code', 'in', codes)
    .execute();
  return new Map(rows.map((r) => [r.area_code, r]));
}

/** Who moves a period and when; the columns of the step taken. */
export interface PeriodStep {
  action: PeriodAction;
  from: PeriodStatus;
  to: PeriodStatus;
  actor: string;
  at: string;
  reason: string | null;
}

/**
 * Writes a step: the period's new status with who took the step and when (an unlock starts the
 * month's round again, so the earlier steps' names go from the row; the events keep them), and
 * the event.
 */
export async function recordStep(tx: Tx, area: string, month: string, step: PeriodStep): Promise<void> {
  const by = { actor: step.actor, at: step.at };
  const columns =
    step.action === 'submit'
      ? { submitted_by: by.actor, submitted_at: by.at }
      : step.action === 'approve'
        ? { approved_by: by.actor, approved_at: by.at }
        : step.action === 'lock'
          ? { locked_by: by.actor, locked_at: by.at }
          : {
              submitted_by: null,
              submitted_at: null,
              approved_by: null,
              approved_at: null,
              locked_by: null,
              locked_at: null,
            };
  const updated = await tx.kysely
    .updateTable('periods')
    .set({ status: step.to, updated_at: step.at, ...columns })
    .where('area_code', '=', area)
    .where('month', '=', month)
    .executeTakeFirst();
  if (Number(updated.numUpdatedRows) === 0)
    await tx.kysely
      .insertInto('periods')
      .values({
        area_code: area,
        month,
        status: step.to,
        submitted_by: null,
        submitted_at: null,
        approved_by: null,
        approved_at: null,
        locked_by: null,
        locked_at: null,
        updated_at: step.at,
        ...columns,
      })
      .execute();
  await tx.kysely
    .insertInto('period_events')
    .values({
      area_code: area,
      month,
      action: step.action,
      from_status: step.from,
      to_status: step.to,
      actor: step.actor,
      reason: step.reason,
      at: step.at,
    })
    .execute();
}

/** The steps of a month's periods in `codes` (all of the month when null), oldest first. */
export function periodEvents(db: Kysely<DB>, month: string, codes: string[] | null) {
  let q = db.selectFrom('period_events').selectAll().where('month', '=', month);
  if (codes) q = q.where('area_code', 'in', codes.length ? codes : ['']);
  return q.orderBy('id').execute();
}
