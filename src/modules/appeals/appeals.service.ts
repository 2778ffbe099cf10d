/**
 * Appeals (申诉): a ranked area's manager appeals its score in an issued notice within the set
 * number of days of the notice's issue date, with reasons and evidence files (kept like a task's);
 * the issuing level (a manager of the notice's area or above, or an admin) upholds or rejects it
 * with a reason, never its own appeal and only once. An upheld appeal goes through unlock →
 * correction → relock of the area's month to a correction notice, which closes it. Every write
 * is audited; refusals write nothing.
 */
import type { Database } from '../../db/database.ts';
import type { AppContext } from '../app-context.ts';
import { hasAccess } from '../accounts/access.ts';
import { AppError } from '../../shared/errors.ts';
import { dayOf, timestamp } from '../../shared/clock.ts';
import { appendAudit, type AuditActor } from '../audit/audit.repository.ts';
import { areasInScope, type Scope } from '../accounts/scope.ts';
import { isWithin } from '../supervision/leaders.repository.ts';
import { getNotification } from '../notifications/notifications.repository.ts';
import { issuedFigures } from '../notifications/notification-figures.repository.ts';
import { loadSettings } from '../notifications/settings.service.ts';
import { addDays } from '../notifications/document/dates.ts';
import { evidenceDir, readEvidence, storeEvidence } from '../supervision/evidence.store.ts';
import { presentEvidence } from '../supervision/tasks.presenter.ts';
import { shownNames } from '../accounts/shown-names.ts';
import type { AppealDetail, AppealView } from '#core/contracts/appeals.schema.ts';
import {
  appealEvidenceOf,
  decideAppeal,
  getAppeal,
  insertAppeal,
  insertAppealEvidence,
  listAppeals,
  pendingAppealOf,
  periodStepsSince,
  type AppealRow,
} from './appeals.repository.ts';
import { appealSteps } from './appeal-steps.ts';

export interface AppealQuery {
  notification?: number;
  area?: string;
  status?: string;
  limit: number;
  offset: number;
}

export class AppealsService {
  private readonly db: Database;
  constructor(private readonly ctx: Pick<AppContext, 'db' | 'areas'>) {
    this.db = ctx.db;
  }

  async list(scope: Scope | null, q: AppealQuery) {
    const { items, total } = await listAppeals(this.db.kysely, {
      notification_id: q.notification,
      area: q.area,
      status: q.status,
      within: scope ? areasInScope(scope) : undefined,
      limit: q.limit,
      offset: q.offset,
    });
    const name = await shownNames(
      this.db.kysely,
      items.flatMap((r) => [r.filed_by, r.decided_by]),
    );
    return { items: items.map((r) => present(r, name)), total, limit: q.limit, offset: q.offset };
  }

  async get(scope: Scope | null, id: number): Promise<AppealDetail> {
    const row = await this.found(scope, id);
    const settings = await loadSettings(this.db.kysely);
    // The month is locked at the lock level: the appealing area's or the notifying area's period.
    const periodSteps = row.decided_at
      ? await periodStepsSince(this.db.kysely, [row.area_code, row.notification_area], row.month, row.decided_at)
      : [];
    const evidence = await appealEvidenceOf(this.db.kysely, id);
    const name = await shownNames(this.db.kysely, [
      row.filed_by,
      row.decided_by,
      ...evidence.map((e) => e.uploaded_by),
    ]);
    return {
      ...present(row, name),
      appeal_until: addDays(row.issued_on, settings.appeal_days),
      steps: appealSteps(row, periodSteps),
      evidence: evidence.map((e) => presentEvidence(e, name)),
    };
  }

  /** Files an appeal of `area`'s score in notice `notification`, dated today by the server's clock. */
  async file(
    who: AuditActor,
    scope: Scope | null,
    input: { notification: number; area: string; reason: string },
  ): Promise<AppealDetail> {
    const now = timestamp();
    const id = await this.db.transaction(async (tx) => {
      const notice = await getNotification(tx.kysely, input.notification);
      // A notice the account may not read answers as one never issued (notifications.use-cases.ts).
      if (!notice || (scope && !hasAccess(await this.ctx.areas.tree(), scope, 'area.ranking', notice.area_code)))
        throw new AppError('notification_not_found', { id: input.notification });
      // A manager appeals its own area's score only.
      if (scope && scope.area !== input.area)
        throw new AppError('appeal_other_area', { area: input.area, scope: scope.area });
      // A corrected notice no longer stands: its figures are the correction's to appeal.
      if (notice.superseded_by)
        throw new AppError('appeal_superseded', { number: notice.number, superseded_by: notice.superseded_by });
      const figures = await issuedFigures(tx.kysely, input.notification);
      const ranked = new Set(Object.values(figures?.rankings ?? {}).flatMap((rows) => rows.map((r) => r.code)));
      if (!ranked.has(input.area)) throw new AppError('appeal_not_ranked', { area: input.area, number: notice.number });
      const until = addDays(notice.issued_on, (await loadSettings(tx.kysely)).appeal_days);
      if (dayOf(now) > until)
        throw new AppError('appeal_out_of_time', { number: notice.number, until, today: dayOf(now) });
      const pending = await pendingAppealOf(tx.kysely, input.notification, input.area);
      if (pending !== null) throw new AppError('appeal_pending', { id: pending, number: notice.number });
      const appeal = await insertAppeal(tx.kysely, {
        notification_id: input.notification,
        area_code: input.area,
        month: notice.month,
        reason: input.reason,
        status: 'pending',
        filed_at: now,
        filed_by: who.actor,
        decided_at: null,
        decided_by: null,
        decision_reason: null,
        correction_id: null,
      });
      await appendAudit(tx, who, {
        action: 'appeal.file',
        target: String(appeal),
        detail: { notification: notice.number, area: input.area },
      });
      return appeal;
    });
    return this.get(scope, id);
  }

  /** Upholds or rejects a pending appeal, at the issuing level, not one's own. */
  async decide(
    who: AuditActor,
    scope: Scope | null,
    id: number,
    decision: 'upheld' | 'rejected',
    reason: string,
  ): Promise<AppealDetail> {
    await this.db.transaction(async (tx) => {
      const row = await this.found(scope, id, tx.kysely);
      if (scope && !(await isWithin(tx.kysely, scope.area, row.notification_area)))
        throw new AppError('appeal_decide_not_issuer', { issuing: row.notification_area, scope: scope.area });
      if (row.filed_by === who.actor) throw new AppError('appeal_own_decision', { id });
      if (row.status !== 'pending')
        throw new AppError('appeal_decided', { id, status: row.status, by: row.decided_by ?? '' });
      await decideAppeal(tx.kysely, id, {
        status: decision,
        decided_at: timestamp(),
        decided_by: who.actor,
        decision_reason: reason,
      });
      await appendAudit(tx, who, { action: 'appeal.decide', target: String(id), detail: { decision } });
    });
    return this.get(scope, id);
  }

  /** Stores a file as evidence of a pending appeal (the task evidence limit and store). */
  async attach(
    who: AuditActor,
    scope: Scope | null,
    id: number,
    file: { name: string; bytes: Buffer; content_type: string },
  ): Promise<AppealDetail> {
    const limit = (await loadSettings(this.db.kysely)).evidence_max_bytes;
    if (file.bytes.length === 0) throw new AppError('evidence_empty', { name: file.name });
    if (file.bytes.length > limit)
      throw new AppError('evidence_too_large', { name: file.name, bytes: file.bytes.length, limit });
    const row = await this.found(scope, id);
    if (row.status !== 'pending')
      throw new AppError('appeal_decided', { id, status: row.status, by: row.decided_by ?? '' });
    const stored = storeEvidence(evidenceDir(this.db), file.bytes);
    await this.db.transaction(async (tx) => {
      const name = file.name.replace(/[/\\]/g, '_');
      const evidence = await insertAppealEvidence(tx.kysely, {
        appeal_id: id,
        file_name: name,
        ...stored,
        content_type: file.content_type,
        uploaded_at: timestamp(),
        uploaded_by: who.actor,
      });
      await appendAudit(tx, who, {
        action: 'appeal.evidence',
        target: String(id),
        detail: { evidence, file: name, sha256: stored.sha256, size: stored.size },
      });
    });
    return this.get(scope, id);
  }

  async evidence(
    scope: Scope | null,
    id: number,
    evidenceId: number,
  ): Promise<{ file_name: string; content_type: string; bytes: Buffer }> {
    await this.found(scope, id);
    const row = (await appealEvidenceOf(this.db.kysely, id)).find((e) => Number(e.id) === evidenceId);
    if (!row) throw new AppError('evidence_not_found', { task: id, evidence: evidenceId });
    return { file_name: row.file_name, content_type: row.content_type, bytes: readEvidence(evidenceDir(this.db), row) };
  }

  private async found(scope: Scope | null, id: number, db = this.db.kysely): Promise<AppealRow> {
    const row = await getAppeal(db, id, scope ? areasInScope(scope) : undefined);
    if (!row) throw new AppError('appeal_not_found', { id, scoped: !!scope });
    return row;
  }
}

function present(row: AppealRow, name: (actor: string) => string): AppealView {
  return {
    id: Number(row.id),
    notification: {
      id: Number(row.notification_id),
      number: row.notification_number,
      area: row.notification_area,
      issued_on: row.issued_on,
    },
    area: { code: row.area_code, name: row.area_name },
    month: row.month,
    reason: row.reason,
    status: row.status as AppealView['status'],
    filed_at: row.filed_at,
    filed_by: row.filed_by,
    filed_by_name: name(row.filed_by),
    decided_at: row.decided_at,
    decided_by: row.decided_by,
    decided_by_name: row.decided_by === null ? null : name(row.decided_by),
    decision_reason: row.decision_reason,
    correction:
      row.correction_id !== null && row.correction_number !== null
        ? { id: Number(row.correction_id), number: row.correction_number }
        : null,
  };
}
