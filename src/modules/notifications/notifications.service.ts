/**
 * Monthly notifications: a draft is computed on demand and never stored; issuing numbers it from
 * the pattern, stores its canonical content with the SHA-256 of that content, opens a supervision
 * task per problem, and from then on it only ever renders from what was stored. An issued notice
 * is superseded only by a correction that references it.
 *
 * @example
 *   const service = new NotificationsService(db, new AssessmentService(db.kysely));
 *   const draft = await service.draft({ area: '220000000000', month: '2019-06', lang: 'zh', date: '2019-07-05' });
 *   const issued = await service.issue(commandActor('notify'), { ...request });
 */
import { createHash } from 'node:crypto';
import type { Database } from '../../db/database.ts';
import { AppError, coded } from '../../shared/errors.ts';
import { today } from '../../shared/clock.ts';
import { appendAudit, type AuditActor } from '../audit/audit.repository.ts';
import { canonicalJson } from '../audit/canonical.ts';
import type { AssessmentService } from '../assessment/assessment.service.ts';
import { carryTasks, openTasks } from '../supervision/tasks.open.ts';
import { endOfMonth } from '#core/calendar/month.ts';
import { composeNotification, type NotificationContent } from './notification.compose.ts';
import { gatherFacts, type NoticeRequest } from './notification.gather.ts';
import { numberOf, uniqueAbbr } from './notification.settings.ts';
import {
  currentNotification,
  getNotification,
  insertNotification,
  issuingAreas,
  listNotifications,
  lockNumbering,
  nextSeq,
  type NotificationEntry,
} from './notifications.repository.ts';
import { loadSettings } from './settings.service.ts';
import type { SchemeRanking } from './notification.facts.ts';
import { insertFigures, type IssuedFigures } from './notification-figures.repository.ts';
import { closeAppeals } from '../appeals/appeals.repository.ts';
import { timestamp } from '../../shared/clock.ts';
import { insertNoticeEvent, insertReceipts } from '../receipts/receipts.repository.ts';
import { announceReceipts } from '../receipts/receipts.events.ts';

export interface IssueRequest extends NoticeRequest {
  /** The number of the standing notice this one corrects, with the reason. */
  corrects?: string;
  reason?: string;
}

export interface IssuedNotification {
  entry: NotificationEntry;
  content: NotificationContent;
  tasks: { opened: number; carried: number; withdrawn: number };
}

/** A notice of month M is dated no earlier than M's last day: today, or that day when M is not over. */
export function defaultDate(month: string): string {
  const end = endOfMonth(month);
  const now = today();
  return now > end ? now : end;
}

/** SHA-256 (hex) of content's canonical JSON: what an issued notice's `content_hash` holds. */
export function contentHash(canonical: string): string {
  return createHash('sha256').update(canonical, 'utf8').digest('hex');
}

export class NotificationsService {
  constructor(
    private readonly db: Database,
    private readonly assessment: AssessmentService,
  ) {}

  async draft(q: NoticeRequest): Promise<NotificationContent> {
    const settings = await loadSettings(this.db.kysely);
    return composeNotification(await gatherFacts(this.db, this.assessment, settings, q));
  }

  async issue(who: AuditActor, q: IssueRequest): Promise<IssuedNotification> {
    const settings = await loadSettings(this.db.kysely);
    const facts = await gatherFacts(this.db, this.assessment, settings, q);
    const area = await this.assessment.areas.area(q.area);
    const abbr = uniqueAbbr(settings, area, await issuingAreas(this.db.kysely));
    const year = Number(q.date.slice(0, 4));
    const figures = await this.figuresAtIssue(q.area, q.month, facts.rankings);
    return this.db.transaction(async (tx) => {
      await lockNumbering(tx);
      const standing = await currentNotification(tx.kysely, q.area, q.month);
      if (standing && !q.corrects)
        throw new AppError('notification_already_issued', {
          area: q.area,
          month: q.month,
          number: standing.number,
          issued_on: standing.issued_on,
        });
      if (q.corrects) {
        if (!standing || standing.number !== q.corrects)
          throw new AppError('correction_not_standing', {
            corrects: q.corrects,
            area: q.area,
            month: q.month,
            standing: standing?.number ?? null,
          });
        if (!q.reason)
          throw new AppError('invalid_input', {
            issues: [{ at: 'reason', ...coded('correction_reason_required', {}) }],
          });
        facts.correction = { number: standing.number, reason: q.reason };
      }
      const seq = await nextSeq(tx.kysely, q.area, year);
      facts.number = numberOf(settings, abbr, year, seq);
      const content = composeNotification(facts);
      const canonical = canonicalJson(content);
      const now = timestamp();
      const id = await insertNotification(tx.kysely, {
        area_code: q.area,
        month: q.month,
        lang: q.lang,
        number: facts.number,
        year,
        seq,
        title: content.document.title,
        issued_on: q.date,
        issued_at: now,
        issued_by: who.actor,
        corrects_id: standing ? Number(standing.id) : null,
        correction_reason: standing ? q.reason! : null,
        content: canonical,
        content_hash: contentHash(canonical),
      });
      await insertFigures(tx.kysely, id, figures);
      const ranked = new Map(facts.rankings.flatMap((r) => r.rows.map((row) => [row.code, row.name] as const)));
      const receivers = [...ranked.keys()].sort();
      await insertReceipts(tx.kysely, id, receivers);
      await insertNoticeEvent(tx.kysely, {
        notification_id: id,
        action: 'issue',
        areas: receivers,
        actor: who.actor,
        at: now,
      });
      await announceReceipts(
        tx,
        { id, number: facts.number, month: q.month, issued_on: q.date },
        receivers.map((code) => ({ code, name: ranked.get(code) ?? code })),
        today(),
      );
      const notice = { id, number: facts.number, month: q.month, issued_on: q.date, deadline: facts.deadline };
      const tasks = standing
        ? await carryTasks(tx, who, Number(standing.id), notice, content.problems, now)
        : { opened: await openTasks(tx, who, notice, content.problems, now), carried: 0, withdrawn: 0 };
      // The upheld appeals against the corrected notice are closed by this correction.
      const appeals = standing ? await closeAppeals(tx.kysely, Number(standing.id), id) : [];
      await appendAudit(tx, who, {
        action: standing ? 'notification.correct' : 'notification.issue',
        target: facts.number,
        detail: {
          area: q.area,
          month: q.month,
          content_hash: contentHash(canonical),
          corrects: standing?.number ?? null,
          tasks,
          ...(appeals.length ? { appeals } : {}),
        },
      });
      const entry = (await listNotifications(tx.kysely, { number: facts.number }))[0];
      return { entry, content, tasks };
    });
  }

  /**
   * What a notice keeps of its figures beside its document: the rankings it was issued with and
   * which of its areas (its own and those ranked) had their period locked then, so that its
   * archive can say when the figures were revised since (issue 18).
   */
  private async figuresAtIssue(area: string, month: string, rankings: SchemeRanking[]): Promise<IssuedFigures> {
    const tree = await this.assessment.areas.tree();
    const locks = await this.assessment.locks(month);
    const codes = [area, ...tree.children.childrenOf(area)];
    return {
      locked: codes.filter((c) => locks.rootOf(c) !== null),
      rankings: Object.fromEntries(
        rankings.map((r) => [
          r.scheme,
          r.rows.map(({ rank, code, name, composite, lagging, problems }) => ({
            rank,
            code,
            name,
            composite,
            lagging,
            problems,
          })),
        ]),
      ),
    };
  }

  list(f: { area?: string; month?: string }): Promise<NotificationEntry[]> {
    return listNotifications(this.db.kysely, f);
  }

  /** An issued notice with its stored content, checked against its hash. */
  async get(id: number): Promise<{ entry: NotificationEntry; content: NotificationContent }> {
    const row = await getNotification(this.db.kysely, id);
    if (!row) throw new AppError('notification_not_found', { id });
    const { content, ...entry } = row;
    if (contentHash(content) !== row.content_hash) throw new AppError('notification_corrupt', { number: row.number });
    return { entry, content: JSON.parse(content) as NotificationContent };
  }

  async byNumber(number: string): Promise<{ entry: NotificationEntry; content: NotificationContent }> {
    const entry = (await listNotifications(this.db.kysely, { number }))[0];
    if (!entry) throw new AppError('notification_not_found', { id: number });
    return this.get(Number(entry.id));
  }
}
