/**
 * The period use cases: the board of a month (`GET periods`), a period's steps, and the four
 * actions. Each checks access first; an action is decided again inside its transaction on the
 * statuses stored there, so two people acting at once cannot both move the same period. A lock
 * stores its subtree's figures (frozen-figures.ts) taken at a data version that must still
 * stand when the lock is written: on PostgreSQL the lock waits for imports under way and holds
 * off new ones (IMPORT_LOCK), on SQLite the single writer serialises the two.
 *
 * @example
 *   await actOnPeriod(ctx, operatorActor('period'), 'lock', { month: '2019-06', area: '220000000000' });
 */
import { sql } from 'kysely';
import type { AppContext } from '../app-context.ts';
import type { Tx } from '../../db/database.ts';
import { bumpDataVersion, dataVersion } from '../../db/data-version.ts';
import { timestamp, today } from '../../shared/clock.ts';
import { AppError } from '../../shared/errors.ts';
import { requireAccess, type Actor } from '../accounts/access.ts';
import { ancestorsOf } from '../areas/area-tree.ts';
import { appendAudit } from '../audit/audit.repository.ts';
import { IMPORT_LOCK } from '../imports/import-lock.ts';
import { deleteSnapshots, writeSnapshot } from '../assessment/snapshots.repository.ts';
import type { SnapshotData } from '../assessment/frozen-figures.ts';
import { withCompleteness } from '../assessment/assessment.use-cases.ts';
import type { PeriodActionBody, PeriodEventView, PeriodRow } from '#core/contracts/periods.schema.ts';
import { transition, type PeriodAction, type PeriodStatus } from '#core/periods/period-chain.ts';
import { refusal, type RuleContext } from './period-rules.ts';
import { periodRow } from './periods.board.ts';
import { periodEvents, periodsOf, periodsOfMonth, recordStep } from './periods.repository.ts';
import { loadPeriodSettings } from './periods.settings.ts';
import { shownNames } from '../accounts/shown-names.ts';

type Services = Pick<AppContext, 'db' | 'areas' | 'assessment'>;

/** Tries a lock this many times when the figures keep changing under it. */
const LOCK_ATTEMPTS = 3;

/** What the period rules read for a month: the tree, its stored periods, the settings, today. */
export async function ruleContext(ctx: Services, month: string): Promise<RuleContext> {
  const entries = await periodsOfMonth(ctx.db.kysely, month);
  const actors = [...entries.values()].flatMap((e) => [e.submitted_by, e.approved_by, e.locked_by]);
  return {
    tree: await ctx.areas.tree(),
    entries,
    settings: await loadPeriodSettings(ctx.db.kysely),
    today: today(),
    show: await shownNames(ctx.db.kysely, actors),
  };
}

/** `within` and its children for a month (SPEC §5's `GET periods`), as the board shows them. */
export async function periodsFor(
  ctx: Services,
  actor: Actor,
  q: { month: string; within: string },
): Promise<PeriodRow[]> {
  await requireAccess(ctx.areas, actor.scope, 'area.ranking', q.within);
  await ctx.areas.area(q.within);
  const c = await ruleContext(ctx, q.month);
  return [q.within, ...c.tree.children.childrenOf(q.within)].map((code) => periodRow(actor, q.month, code, c));
}

/** The steps taken on an area's period and on those of the areas above it (whose lock holds it). */
export async function periodHistory(
  ctx: Services,
  actor: Actor,
  q: { month: string; area: string },
): Promise<PeriodEventView[]> {
  await requireAccess(ctx.areas, actor.scope, 'area.ranking', q.area);
  await ctx.areas.area(q.area);
  const tree = await ctx.areas.tree();
  const codes = [q.area, ...ancestorsOf(tree, q.area).map((a) => a.code)];
  const events = await periodEvents(ctx.db.kysely, q.month, codes);
  const show = await shownNames(
    ctx.db.kysely,
    events.map((e) => e.actor),
  );
  return events.map((e) => ({
    id: Number(e.id),
    area: e.area_code,
    month: e.month,
    action: e.action as PeriodAction,
    from_status: e.from_status as PeriodStatus,
    to_status: e.to_status as PeriodStatus,
    actor: e.actor,
    actor_name: show(e.actor),
    reason: e.reason,
    at: e.at,
  }));
}

/** Submits, approves, locks or unlocks a period; answers its board row after the step. */
export async function actOnPeriod(
  ctx: Services,
  actor: Actor,
  action: PeriodAction,
  body: PeriodActionBody,
): Promise<PeriodRow> {
  const { area, month } = body;
  const reason = body.reason?.trim() || null;
  await requireAccess(ctx.areas, actor.scope, 'area.records', area);
  await ctx.areas.area(area);
  const before = await ruleContext(ctx, month);
  const refused = refusal(actor, action, area, month, reason, before);
  if (refused) throw refused;
  if (action === 'lock') await lock(ctx, actor, area, month, before);
  else await ctx.db.transaction(async (tx) => step(tx, actor, action, area, month, reason, before));
  return periodRow(actor, month, area, await ruleContext(ctx, month));
}

/**
 * Decides the step again on the statuses stored inside the transaction, then writes it, its
 * event and its audit entry. Answers the status it came from.
 */
async function step(
  tx: Tx,
  actor: Actor,
  action: PeriodAction,
  area: string,
  month: string,
  reason: string | null,
  c: RuleContext,
): Promise<PeriodStatus> {
  const codes = [area, ...ancestorsOf(c.tree, area).map((a) => a.code)];
  const entries = new Map(c.entries);
  const fresh = await periodsOf(tx.kysely, month, codes);
  for (const code of codes) {
    const entry = fresh.get(code);
    if (entry) entries.set(code, entry);
    else entries.delete(code);
  }
  const now: RuleContext = { ...c, entries };
  const refused = refusal(actor, action, area, month, reason, now);
  if (refused) throw refused;
  const from = (entries.get(area)?.status ?? 'open') as PeriodStatus;
  const to = transition(action, from, c.settings)!;
  const at = timestamp();
  await recordStep(tx, area, month, { action, from, to, actor: actor.who.actor, at, reason });
  if (action === 'unlock') {
    await deleteSnapshots(tx.kysely, area, month);
    await bumpDataVersion(tx);
  }
  await appendAudit(tx, actor.who, {
    action: `period.${action}`,
    target: `${area} ${month}`,
    detail: { area, month, from, to, reason },
  });
  return from;
}

/**
 * Locks with the figures as answered now: taken at one data version, written only if that is
 * still the version inside the transaction (else taken again).
 */
async function lock(ctx: Services, actor: Actor, area: string, month: string, c: RuleContext): Promise<void> {
  for (let attempt = 0; attempt < LOCK_ATTEMPTS; attempt++) {
    const version = await dataVersion(ctx.db.kysely);
    const snapshots: SnapshotData[] = await ctx.assessment.snapshot(area, month);
    // The rankings' completeness is frozen with them: a room closed later must not change it.
    for (const data of snapshots)
      for (const [within, rows] of Object.entries(data.rankings))
        data.rankings[within] = await withCompleteness(ctx, within, month, rows);
    if ((await dataVersion(ctx.db.kysely)) !== version) continue;
    const written = await ctx.db.transaction(async (tx) => {
      if (tx.engine === 'postgres') await sql`select pg_advisory_xact_lock(${IMPORT_LOCK})`.execute(tx.kysely);
      if ((await dataVersion(tx.kysely)) !== version) return false;
      await step(tx, actor, 'lock', area, month, null, c);
      const at = timestamp();
      for (const data of snapshots) await writeSnapshot(tx.kysely, area, month, data, at);
      await bumpDataVersion(tx);
      return true;
    });
    if (written) return;
  }
  throw new AppError('period_figures_moving', { area, month });
}
