/**
 * The queries an annual summary needs beyond the overview and the assessment: funds by
 * recipient in a span, rooms holding each kit item on a day, postings started in a span by
 * origin, and the notifications an area issued with their tasks.
 */
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { subtree } from '../areas/subtree.ts';
import { roomOpenOn } from '../../db/predicates.ts';

/** Allocated and disbursed amounts (fen) per recipient in the subtree, dated from `from` to `to`. */
export async function fundsByRecipient(db: Kysely<DB>, area: string, from: string, to: string) {
  const { rows } = await sql<{
    recipient_code: string;
    level: string;
    allocated: number;
    paid: number;
  }>`${subtree(area)}
    select f.recipient_code, a.level,
      sum(case when f.kind = 'allocation' then f.amount_fen else 0 end) as allocated,
      sum(case when f.kind = 'disbursement' then f.amount_fen else 0 end) as paid
    from funds f join areas a on a.code = f.recipient_code
    where f.recipient_code in (select code from sub) and f.date >= ${from} and f.date <= ${to} and f.voided_at is null
    group by f.recipient_code, a.level`.execute(db);
  return rows.map((r) => ({
    recipient_code: r.recipient_code,
    level: r.level,
    allocated_fen: Number(r.allocated),
    paid_fen: Number(r.paid),
  }));
}

/** For each kit item, the open rooms of the subtree whose latest holding on `day` is at least one. */
export async function roomsHolding(db: Kysely<DB>, area: string, day: string): Promise<Map<string, number>> {
  const { rows } = await sql<{ item: string; rooms: number }>`${subtree(area)}
    select e.item, count(distinct e.unit_code) as rooms from equipment e
    join units u on u.code = e.unit_code
    join (
      select unit_code, item, max(as_of) as as_of from equipment where as_of <= ${day} and voided_at is null group by unit_code, item
    ) latest on latest.unit_code = e.unit_code and latest.item = e.item and latest.as_of = e.as_of
    where e.voided_at is null and e.quantity >= 1 and u.area_code in (select code from sub)
      and ${roomOpenOn('u', day)}
    group by e.item`.execute(db);
  return new Map(rows.map((r) => [r.item, Number(r.rooms)]));
}

/** Postings (of any role) in the subtree that started from `from` to `to`, by origin. */
export async function postingsStarted(
  db: Kysely<DB>,
  area: string,
  from: string,
  to: string,
): Promise<Map<string, number>> {
  const { rows } = await sql<{ origin: string; n: number }>`${subtree(area)}
    select o.origin, count(*) as n from officers o join units u on u.code = o.unit_code and u.voided_at is null
    where u.area_code in (select code from sub) and o.start_date >= ${from} and o.start_date <= ${to} and o.voided_at is null
    group by o.origin`.execute(db);
  return new Map(rows.map((r) => [r.origin, Number(r.n)]));
}

/** The standing (not superseded) notifications an area issued for months of a year, and their tasks by status. */
export async function noticesOfYear(db: Kysely<DB>, area: string, year: number) {
  const notices = await db
    .selectFrom('notifications as n')
    .leftJoin('notifications as c', 'c.corrects_id', 'n.id')
    .select(['n.id', 'n.month', 'n.number'])
    .where('n.area_code', '=', area)
    .where('n.month', 'like', `${year}-%`)
    .where('c.id', 'is', null)
    .orderBy('n.month')
    .execute();
  const tasks = notices.length
    ? await db
        .selectFrom('tasks')
        .select(['status', 'deadline'])
        .where(
          'notification_id',
          'in',
          notices.map((n) => n.id),
        )
        .where('status', '!=', 'withdrawn')
        .execute()
    : [];
  return { notices, tasks };
}
