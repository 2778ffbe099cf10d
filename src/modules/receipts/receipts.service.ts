/**
 * Receipts (签收) and reminders (催办) of an issued notice (issue 19). Each area the notice ranks
 * gets a receipt when it is issued; an account of that area signs for it, once; the issuing level
 * sees who has and has not and chases those that have not, by hand or by the scheduled job
 * `receipt-reminders`. Every step is in the notice's history and the audit trail.
 */
import type { AppContext } from '../app-context.ts';
import type { Tx } from '../../db/database.ts';
import { AppError } from '../../shared/errors.ts';
import { now, timestamp, today } from '../../shared/clock.ts';
import { appendAudit, type AuditActor } from '../audit/audit.repository.ts';
import type { Actor } from '../accounts/access.ts';
import { shownNames } from '../accounts/shown-names.ts';
import { isWithin } from '../supervision/leaders.repository.ts';
import { noticeFor } from '../notifications/notifications.use-cases.ts';
import { announce } from '../channels/announce.ts';
import { eventId, type AnnouncedEvent } from '../channels/events.ts';
import type { ReceiptsView } from '#core/contracts/receipts.schema.ts';
import {
  insertNoticeEvent,
  markReminded,
  noticeEvents,
  receiptsOf,
  signReceipt,
  type ReceiptRow,
} from './receipts.repository.ts';

type Services = Pick<AppContext, 'db' | 'areas' | 'assessment'>;

/** What a reminder needs to know of its notice. */
export interface ChasedNotice {
  id: number;
  number: string;
  area: string;
  month: string;
  issued_on: string;
}

async function standingNotice(ctx: Services, actor: Actor, id: number) {
  const notice = await noticeFor(ctx, actor, id);
  return { notice, chased: chasedOf(notice.entry) };
}

function chasedOf(e: { id: number; number: string; area_code: string; month: string; issued_on: string }) {
  return { id: Number(e.id), number: e.number, area: e.area_code, month: e.month, issued_on: e.issued_on };
}

function refuseSuperseded(e: { number: string; superseded_by: string | null }): void {
  if (e.superseded_by)
    throw new AppError('notification_superseded', { number: e.number, superseded_by: e.superseded_by });
}

/** Whether the actor issues at the notice's level or above (who may chase its receipts). */
async function isIssuer(ctx: Services, actor: Actor, area: string): Promise<boolean> {
  return actor.scope === null || (await isWithin(ctx.db.kysely, actor.scope.area, area));
}

/** A notice's receipts and history as the actor sees them. */
export async function receiptsFor(ctx: Services, actor: Actor, id: number): Promise<ReceiptsView> {
  const { notice, chased } = await standingNotice(ctx, actor, id);
  const rows = await receiptsOf(ctx.db.kysely, id);
  const events = await noticeEvents(ctx.db.kysely, id);
  const show = await shownNames(ctx.db.kysely, [...rows.map((r) => r.signed_by), ...events.map((e) => e.actor)]);
  const superseded = notice.entry.superseded_by !== null;
  const own = actor.scope?.area ?? null;
  const signable = superseded ? undefined : rows.find((r) => r.area_code === own && r.signed_at === null);
  return {
    id,
    number: chased.number,
    area: chased.area,
    month: chased.month,
    superseded,
    receipts: rows.map((r) => ({
      area: r.area_code,
      area_name: r.area_name,
      signed: r.signed_at !== null,
      signed_by: r.signed_by === null ? null : show(r.signed_by),
      signed_at: r.signed_at,
      reminders: Number(r.reminders),
      reminded_on: r.reminded_on,
    })),
    can_sign: signable?.area_code ?? null,
    can_remind: !superseded && (await isIssuer(ctx, actor, chased.area)),
    history: events.map((e) => ({
      action: e.action as 'issue' | 'sign' | 'remind',
      areas: JSON.parse(e.areas) as string[],
      by: show(e.actor),
      at: e.at,
    })),
  };
}

/**
 * Signs for `area`'s receipt: only an account of that very area (a province-wide account or the
 * CLI's operator on its behalf), once, and only on the standing notice.
 */
export async function signFor(ctx: Services, actor: Actor, id: number, area: string): Promise<ReceiptsView> {
  const { notice, chased } = await standingNotice(ctx, actor, id);
  const receipt = (await receiptsOf(ctx.db.kysely, id)).find((r) => r.area_code === area);
  if (!receipt) throw new AppError('receipt_not_receiver', { number: chased.number, area });
  if (actor.scope && actor.scope.area !== area)
    throw new AppError('receipt_not_yours', { number: chased.number, area, own: actor.scope.area });
  refuseSuperseded(notice.entry);
  const refuseSigned = async (r: ReceiptRow) => {
    const show = await shownNames(ctx.db.kysely, [r.signed_by]);
    throw new AppError('receipt_already_signed', {
      number: chased.number,
      area,
      signed_by: show(r.signed_by ?? ''),
      signed_at: r.signed_at ?? '',
    });
  };
  if (receipt.signed_at !== null) await refuseSigned(receipt);
  const at = timestamp();
  const signed = await ctx.db.transaction(async (tx) => {
    if (!(await signReceipt(tx.kysely, id, area, actor.who.actor, at))) return false;
    await insertNoticeEvent(tx.kysely, {
      notification_id: id,
      action: 'sign',
      areas: [area],
      actor: actor.who.actor,
      at,
    });
    await appendAudit(tx, actor.who, { action: 'notification.sign', target: chased.number, detail: { area } });
    return true;
  });
  if (!signed) await refuseSigned((await receiptsOf(ctx.db.kysely, id)).find((r) => r.area_code === area)!);
  return receiptsFor(ctx, actor, id);
}

/** The issuing level chases unsigned receipts: every area named must receive the notice and not have signed. */
export async function remindFor(
  ctx: Services,
  actor: Actor,
  id: number,
  areas: string[],
): Promise<{ reminded: string[]; events: number }> {
  const { notice, chased } = await standingNotice(ctx, actor, id);
  if (!(await isIssuer(ctx, actor, chased.area)))
    throw new AppError('notification_outside_scope', { area: chased.area, scope: actor.scope?.area ?? '' });
  refuseSuperseded(notice.entry);
  const rows = await receiptsOf(ctx.db.kysely, id);
  const named = [...new Set(areas)];
  const unknown = named.find((a) => !rows.some((r) => r.area_code === a));
  if (unknown) throw new AppError('receipt_not_receiver', { number: chased.number, area: unknown });
  const signed = named.filter((a) => rows.some((r) => r.area_code === a && r.signed_at !== null));
  if (signed.length) throw new AppError('reminder_already_signed', { number: chased.number, areas: signed });
  const chasedRows = rows.filter((r) => named.includes(r.area_code));
  const day = today();
  return ctx.db.transaction(async (tx) => {
    const events = await recordReminders(tx, actor.who, chased, chasedRows, day, timestamp());
    const announced = await announce(tx, events, { day, now: now(), runId: null });
    return { reminded: named, events: announced.events };
  });
}

/**
 * Records a reminder to each receipt (its count, the day, the notice's history, the audit trail)
 * and answers the `receipt.reminder` events, one per area, each id naming the reminder's count
 * so that a retry announces nothing new.
 */
export async function recordReminders(
  tx: Tx,
  who: AuditActor,
  notice: ChasedNotice,
  receipts: Pick<ReceiptRow, 'area_code' | 'area_name' | 'reminders'>[],
  day: string,
  at: string,
): Promise<AnnouncedEvent[]> {
  const areas = receipts.map((r) => r.area_code);
  await markReminded(tx.kysely, notice.id, areas, day);
  await insertNoticeEvent(tx.kysely, { notification_id: notice.id, action: 'remind', areas, actor: who.actor, at });
  await appendAudit(tx, who, { action: 'notification.remind', target: notice.number, detail: { areas } });
  return receipts.map((r) => {
    const name = r.area_name ?? r.area_code;
    return {
      id: eventId('receipt.reminder', notice.id, r.area_code, Number(r.reminders) + 1),
      name: 'receipt.reminder',
      area: r.area_code,
      month: notice.month,
      title: { zh: `通报签收催办：${name}`, en: `Please sign for notification ${notice.number}: ${name}` },
      text: {
        zh: `${name}尚未签收${notice.issued_on}印发的通报${notice.number}，请及时签收。`,
        en: `${name} has not yet signed for notification ${notice.number}, issued on ${notice.issued_on}; please sign for it.`,
      },
      link: `/notifications/${notice.id}`,
      data: { notification: notice.id, number: notice.number, area: r.area_code, reminder: Number(r.reminders) + 1 },
    };
  });
}
