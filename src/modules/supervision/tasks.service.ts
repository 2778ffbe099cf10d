/**
 * Supervision use cases: list and read tasks within a jurisdiction, move a task along its life,
 * comment, attach and read evidence, and the supervision state a notification reports. Every
 * write is audited in its own transaction. A jurisdiction (`scope`) of null is province-wide.
 */
import { eventBody, eventParts } from './task-event-body.ts';
import type { Database } from '../../db/database.ts';
import { AppError, coded } from '../../shared/errors.ts';
import { unsafeCharIn } from '#core/text/names.ts';
import { appendAudit, type AuditActor } from '../audit/audit.repository.ts';
import { areasInScope, type Scope } from '../accounts/scope.ts';
import { isWithin } from './leaders.repository.ts';
import type { SchemeName } from '../assessment/domain/index.ts';
import { daysBetween } from '../notifications/document/dates.ts';
import type { SupervisionState } from '../notifications/notification.facts.ts';
import { loadSettings } from '../notifications/settings.service.ts';
import { evidenceDir, readEvidence, storeEvidence } from './evidence.store.ts';
import { presentEvidence, presentTask } from './tasks.presenter.ts';
import { shownNames } from '../accounts/shown-names.ts';
import type { Backdate, TaskDetail, TaskView } from '#core/contracts/supervision.schema.ts';
import { isOverdue, needsComment, type TaskStatus } from '#core/supervision/task-status.ts';
import { assertMove } from './task-moves.ts';
import {
  eventsOf,
  evidenceOf,
  getEvidence,
  getTask,
  indicatorsOf,
  insertEvent,
  insertEvidence,
  listTasks,
  tasksIssuedBy,
  updateTask,
  type TaskFilter,
} from './tasks.repository.ts';
import { dayOf, timestamp } from '../../shared/clock.ts';

export interface TaskQuery {
  area?: string;
  issuing_area?: string;
  status?: string;
  notification?: number;
  month?: string;
  overdue?: boolean;
  date: string;
  limit: number;
  offset: number;
}

export class TasksService {
  constructor(private readonly db: Database) {}

  async list(
    scope: Scope | null,
    q: TaskQuery,
  ): Promise<{ items: TaskView[]; total: number; limit: number; offset: number }> {
    const filter: TaskFilter = {
      area: q.area,
      issuing_area: q.issuing_area,
      status: q.status,
      notification_id: q.notification,
      month: q.month,
      overdue_on: q.overdue ? q.date : undefined,
      within: scope ? areasInScope(scope) : undefined,
      limit: q.limit,
      offset: q.offset,
    };
    const { items, total } = await listTasks(this.db.kysely, filter);
    const indicators = await indicatorsOf(
      this.db.kysely,
      items.map((r) => Number(r.id)),
    );
    return {
      items: items.map((r) => presentTask(r, q.date, indicators.get(Number(r.id)) ?? [])),
      total,
      limit: q.limit,
      offset: q.offset,
    };
  }

  async get(scope: Scope | null, id: number, day: string): Promise<TaskDetail> {
    const row = await this.found(scope, id);
    const [events, evidence, indicators] = await Promise.all([
      eventsOf(this.db.kysely, id),
      evidenceOf(this.db.kysely, id),
      indicatorsOf(this.db.kysely, [id]),
    ]);
    const name = await shownNames(this.db.kysely, [
      ...events.map((e) => e.actor),
      ...evidence.map((e) => e.uploaded_by),
    ]);
    return {
      ...presentTask(row, day, indicators.get(id) ?? []),
      rectified_by: rectifiedBy(events),
      events: events.map((e) => ({
        at: e.at,
        actor: e.actor,
        actor_name: name(e.actor),
        kind: e.kind,
        from_status: e.from_status,
        to_status: e.to_status,
        body: e.body,
        ...eventParts(e.kind, e.body),
      })),
      evidence: evidence.map((e) => presentEvidence(e, name)),
    };
  }

  /**
   * Moves a task to `to` when its life allows it, dated today by the server's clock. Verifying
   * needs a jurisdiction over the notifying area (the area that rectifies does not verify
   * itself) and another account than the one that marked it rectified (four eyes); sending a rectification back needs a comment saying why. Setting the status it
   * already has, without a comment, changes nothing. A `backdate` (a province-wide account
   * only, with a reason, kept in the audit log) dates the move on an earlier day since the
   * task was opened.
   */
  async changeStatus(
    who: AuditActor,
    scope: Scope | null,
    id: number,
    to: TaskStatus,
    comment: string | undefined,
    backdate?: Backdate,
  ): Promise<TaskDetail> {
    const now = timestamp();
    const day = backdate?.date ?? dayOf(now);
    await this.db.transaction(async (tx) => {
      const row = await this.found(scope, id, tx.kysely);
      if (backdate) assertBackdate(scope, backdate.date, dayOf(row.created_at), dayOf(now));
      const from = row.status as TaskStatus;
      // Setting the status a task already has changes nothing (PUT is idempotent).
      if (from === to && !comment) return;
      assertMove(from, to);
      if (needsComment(from, to) && !comment) throw new AppError('send_back_needs_comment', {});
      if (to === 'verified' && scope && !(await isWithin(tx.kysely, scope.area, row.issuing_area)))
        throw new AppError('verify_outside_scope', { issuing: row.issuing_area, scope: scope.area });
      if (to === 'verified' && rectifiedBy(await eventsOf(tx.kysely, id)) === who.actor)
        throw new AppError('verify_own_rectification', { id, actor: who.actor });
      await updateTask(tx.kysely, id, { status: to, updated_at: now });
      await insertEvent(tx.kysely, {
        task_id: id,
        at: now,
        actor: who.actor,
        kind: 'status',
        from_status: from,
        to_status: to,
        body: comment ?? null,
      });
      await appendAudit(tx, who, {
        action: 'task.status',
        target: String(id),
        detail: {
          from,
          to,
          late: to === 'rectified' && isOverdue(from, row.deadline, day),
          ...(backdate ? { backdated: backdate.date, reason: backdate.reason } : {}),
        },
      });
    });
    return this.get(scope, id, day);
  }

  async comment(who: AuditActor, scope: Scope | null, id: number, body: string, day: string): Promise<TaskDetail> {
    await this.db.transaction(async (tx) => {
      const row = await this.found(scope, id, tx.kysely);
      if (row.status === 'withdrawn') throw new AppError('task_withdrawn', { id });
      const now = timestamp();
      await insertEvent(tx.kysely, {
        task_id: id,
        at: now,
        actor: who.actor,
        kind: 'comment',
        from_status: null,
        to_status: null,
        body,
      });
      await updateTask(tx.kysely, id, { updated_at: now });
      await appendAudit(tx, who, { action: 'task.comment', target: String(id), detail: { length: body.length } });
    });
    return this.get(scope, id, day);
  }

  /** Stores a file as evidence of rectification, refusing it over the configured size. */
  async attach(
    who: AuditActor,
    scope: Scope | null,
    id: number,
    file: { name: string; bytes: Buffer; content_type: string },
    day: string,
  ): Promise<TaskDetail> {
    const unsafe = unsafeCharIn(file.name);
    if (unsafe)
      throw new AppError('invalid_input', {
        issues: [{ at: 'name', ...coded(unsafe === 'U+0000' ? 'contains_nul' : 'reorders_text', { char: unsafe }) }],
      });
    const limit = (await loadSettings(this.db.kysely)).evidence_max_bytes;
    if (file.bytes.length === 0) throw new AppError('evidence_empty', { name: file.name });
    if (file.bytes.length > limit)
      throw new AppError('evidence_too_large', { name: file.name, bytes: file.bytes.length, limit });
    const row = await this.found(scope, id);
    if (row.status === 'verified' || row.status === 'withdrawn')
      throw new AppError('task_closed', { id, status: row.status });
    const stored = storeEvidence(evidenceDir(this.db), file.bytes);
    await this.db.transaction(async (tx) => {
      const now = timestamp();
      const name = file.name.replace(/[/\\]/g, '_');
      const evidence = await insertEvidence(tx.kysely, {
        task_id: id,
        file_name: name,
        ...stored,
        content_type: file.content_type,
        uploaded_at: now,
        uploaded_by: who.actor,
      });
      await insertEvent(tx.kysely, {
        task_id: id,
        at: now,
        actor: who.actor,
        kind: 'evidence',
        from_status: null,
        to_status: null,
        body: eventBody.evidence({ name, size: stored.size, sha256: stored.sha256 }),
      });
      await updateTask(tx.kysely, id, { updated_at: now });
      await appendAudit(tx, who, {
        action: 'task.evidence',
        target: String(id),
        detail: { evidence, file: name, sha256: stored.sha256, size: stored.size },
      });
    });
    return this.get(scope, id, day);
  }

  async evidence(
    scope: Scope | null,
    taskId: number,
    evidenceId: number,
  ): Promise<{ file_name: string; content_type: string; bytes: Buffer }> {
    await this.found(scope, taskId);
    const row = await getEvidence(this.db.kysely, taskId, evidenceId);
    if (!row) throw new AppError('evidence_not_found', { task: taskId, evidence: evidenceId });
    return { file_name: row.file_name, content_type: row.content_type, bytes: readEvidence(evidenceDir(this.db), row) };
  }

  private async found(scope: Scope | null, id: number, db = this.db.kysely) {
    const row = await getTask(db, id, scope ? areasInScope(scope) : undefined);
    if (!row) throw new AppError('task_not_found', { id, scoped: !!scope });
    return row;
  }
}

/** The account that last marked the task rectified, from its events (oldest first). */
function rectifiedBy(events: { kind: string; to_status: string | null; actor: string }[]): string | null {
  return events.findLast((e) => e.kind === 'status' && e.to_status === 'rectified')?.actor ?? null;
}

/** What the next notification of `area` reports about the tasks of its earlier ones, on `day`; null when it issued none. */
export async function supervisionState(db: Database, area: string, day: string): Promise<SupervisionState | null> {
  const rows = await tasksIssuedBy(db.kysely, area, day);
  if (rows.length === 0) return null;
  const late = rows.filter((r) => isOverdue(r.status, r.deadline, day));
  const problems = await indicatorsOf(
    db.kysely,
    late.map((r) => Number(r.id)),
  );
  const count = (s: string) => rows.filter((r) => r.status === s).length;
  return {
    total: rows.length,
    open: count('open'),
    in_progress: count('in_progress'),
    rectified: count('rectified'),
    verified: count('verified'),
    overdue: late.map((r) => ({
      id: Number(r.id),
      area_code: r.area_code,
      area_name: r.area_name ?? r.area_code,
      scheme: r.scheme as SchemeName,
      indicator: r.indicator,
      problems: (problems.get(Number(r.id)) ?? []).map((i) => ({
        scheme: i.scheme as SchemeName,
        indicator: i.indicator,
      })),
      notification_number: r.notification_number,
      deadline: r.deadline,
      days_overdue: daysBetween(r.deadline, day),
      leader: r.leader_name ? `${r.leader_name}${r.leader_title ? `（${r.leader_title}）` : ''}` : null,
    })),
  };
}

/** A backdate is a province-wide account's, on a day from the task's opening to today. */
function assertBackdate(scope: Scope | null, date: string, opened: string, today: string): void {
  if (scope) throw new AppError('backdate_needs_province', { scope: scope.area });
  if (date > today) throw new AppError('backdate_in_future', { date, today });
  if (date < opened) throw new AppError('backdate_before_task', { date, opened });
}
