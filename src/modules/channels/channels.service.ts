/**
 * Channel use cases for admins (the API) and the operator (the CLI): add, list, enable or disable,
 * remove and test a channel; read the delivery log and send a given-up delivery again. Every
 * change is audited without its secrets: the audit names the channel, its kind and format and
 * the host it sends to, never an address's key, token or password.
 *
 * @example
 *   await new ChannelsService(db).add(who, { name: 'ops', kind: 'webhook', format: 'wecom', url });
 */
import { randomUUID } from 'node:crypto';
import type { Database } from '../../db/database.ts';
import { now as clockNow, today } from '../../shared/clock.ts';
import { AppError, coded } from '../../shared/errors.ts';
import { validate } from '../../shared/validate.ts';
import { areaExists } from '../accounts/accounts.repository.ts';
import { appendAudit, type AuditActor } from '../audit/audit.repository.ts';
import {
  channelStats,
  deleteChannel,
  findChannel,
  insertChannel,
  listChannels,
  setChannelDisabled,
  type ChannelRow,
  type ChannelStats,
} from './channels.repository.ts';
import {
  channelInput,
  type ChannelInput,
  type ChannelView,
  type DeliveryView,
} from '#core/contracts/channels.schema.ts';
import {
  getDelivery,
  insertDeliveries,
  insertEvent,
  listDeliveries,
  requeue,
  type DeliveryListRow,
} from './deliveries.repository.ts';
import { dispatch } from './dispatcher.ts';
import { eventId, TEST_EVENT } from './events.ts';
import { maskUrl } from './mask.ts';
import { smtpOf } from './transports.ts';

const NO_STATS: ChannelStats = { pending: 0, sent: 0, failed: 0, last_sent_at: null, last_error: null };

/** A channel as every answer shows it: secrets masked. */
export function presentChannel(
  row: ChannelRow,
  stats: ChannelStats = NO_STATS,
  areaName: string | null = null,
): ChannelView {
  return {
    id: Number(row.id),
    name: row.name,
    kind: row.kind as ChannelView['kind'],
    format: row.format as ChannelView['format'],
    url: maskUrl(row.url),
    smtp: maskUrl(row.smtp_url),
    has_secret: row.secret !== null,
    from: row.mail_from,
    to: JSON.parse(row.recipients ?? '[]') as string[],
    events: row.events === null ? null : (JSON.parse(row.events) as string[]),
    area: row.area_code,
    area_name: areaName,
    lang: row.lang === 'en' ? 'en' : 'zh',
    personal: row.personal === 1,
    per_minute: row.per_minute,
    enabled: row.disabled_at === null,
    created_at: row.created_at,
    created_by: row.created_by,
    deliveries: stats,
  };
}

export function presentDelivery(row: DeliveryListRow, lang: 'zh' | 'en' = 'zh'): DeliveryView {
  const payload = JSON.parse(row.payload) as { title?: Record<string, string> };
  return {
    id: Number(row.id),
    event_id: row.event_id,
    event: row.event_name,
    area: row.area_code,
    month: row.month,
    title: payload.title?.[lang] ?? row.event_name,
    channel: row.channel_name,
    recipient: row.recipient,
    status: row.status as DeliveryView['status'],
    attempts: row.attempts,
    next_at: row.status === 'pending' ? row.next_at : null,
    last_error: row.last_error,
    created_at: row.created_at,
    sent_at: row.sent_at,
  };
}

/** Where a channel sends, for the audit: a host, never a key. */
function hostOf(url: string | null): string | null {
  if (!url) return null;
  try {
    return new URL(url).host;
  } catch {
    return null;
  }
}

export class ChannelsService {
  constructor(private readonly db: Database) {}

  async add(who: AuditActor, input: ChannelInput): Promise<ChannelView> {
    const c = validate(channelInput, input);
    if (c.area && !(await areaExists(this.db.kysely, c.area)))
      throw new AppError('invalid_input', {
        issues: [{ at: 'area', ...coded('unknown_reference', { target: 'area', value: c.area }) }],
      });
    if (c.kind === 'email' && !smtpOf({ smtp_url: c.smtp ?? null })) throw new AppError('smtp_required', {});
    const robot = c.format === 'wecom' || c.format === 'dingtalk';
    const now = clockNow().toISOString();
    return this.db.transaction(async (tx) => {
      if (await findChannel(tx.kysely, c.name)) throw new AppError('channel_exists', { name: c.name });
      const row = {
        name: c.name,
        kind: c.kind,
        format: c.format ?? null,
        url: c.url ?? null,
        smtp_url: c.smtp ?? null,
        secret: c.secret ?? null,
        mail_from: c.from ?? null,
        recipients: c.to?.length ? JSON.stringify(c.to) : null,
        events: c.events ? JSON.stringify([...new Set(c.events)].sort()) : null,
        area_code: c.area ?? null,
        lang: c.lang,
        personal: c.personal ? 1 : 0,
        per_minute: c.per_minute ?? (robot ? 20 : 60),
        disabled_at: null,
        created_at: now,
        created_by: who.actor,
        updated_at: now,
      };
      const id = await insertChannel(tx.kysely, row);
      await appendAudit(tx, who, {
        action: 'channel.add',
        target: c.name,
        detail: {
          kind: c.kind,
          format: c.format ?? null,
          host: hostOf(c.url ?? c.smtp ?? null),
          signed: c.secret !== undefined,
          events: c.events ?? null,
          area: c.area ?? null,
          personal: c.personal,
        },
      });
      return presentChannel({ ...row, id });
    });
  }

  async list(): Promise<ChannelView[]> {
    const [rows, stats] = await Promise.all([listChannels(this.db.kysely), channelStats(this.db.kysely)]);
    const areas = new Map(
      (
        await this.db.kysely
          .selectFrom('areas')
          .select(['code', 'name'])
          .where('code', 'in', [...rows.map((r) => r.area_code ?? ''), ''])
          .execute()
      ).map((a) => [a.code, a.name]),
    );
    return rows.map((r) =>
      presentChannel(r, stats.get(Number(r.id)), r.area_code ? (areas.get(r.area_code) ?? null) : null),
    );
  }

  async setEnabled(who: AuditActor, name: string, enabled: boolean): Promise<ChannelView> {
    await this.db.transaction(async (tx) => {
      const row = await this.found(name, tx.kysely);
      await setChannelDisabled(tx.kysely, Number(row.id), enabled ? null : clockNow().toISOString());
      await appendAudit(tx, who, { action: enabled ? 'channel.enable' : 'channel.disable', target: name });
    });
    return (await this.list()).find((c) => c.name === name)!;
  }

  async remove(who: AuditActor, name: string): Promise<void> {
    await this.db.transaction(async (tx) => {
      const row = await this.found(name, tx.kysely);
      await deleteChannel(tx.kysely, Number(row.id));
      await appendAudit(tx, who, { action: 'channel.remove', target: name, detail: { kind: row.kind } });
    });
  }

  /** Sends a test message over the channel now and says how it went (it is retried like any other when it fails). */
  async test(who: AuditActor, name: string): Promise<{ delivery: DeliveryView; ok: boolean; error: string | null }> {
    const now = clockNow();
    const deliveryId = await this.db.transaction(async (tx) => {
      const row = await this.found(name, tx.kysely);
      const own = row.kind === 'webhook' || JSON.parse(row.recipients ?? '[]').length > 0;
      if (!own) throw new AppError('channel_no_address', { name });
      const id = eventId(TEST_EVENT, name, randomUUID());
      await insertEvent(tx.kysely, {
        id,
        name: TEST_EVENT,
        area_code: null,
        month: null,
        day: today(),
        job_run_id: null,
        payload: JSON.stringify({
          title: { zh: 'Outpost 测试消息', en: 'Outpost test message' },
          text: {
            zh: `这是发往渠道“${name}”的测试消息，收到即表示配置正确。`,
            en: `A test message to the channel "${name}": receiving it means the channel works.`,
          },
          link: null,
          data: { channel: name },
        }),
        created_at: now.toISOString(),
      });
      await insertDeliveries(tx.kysely, [
        {
          event_id: id,
          channel_id: Number(row.id),
          recipient: '',
          status: 'pending',
          attempts: 0,
          next_at: now.toISOString(),
          created_at: now.toISOString(),
        },
      ]);
      await appendAudit(tx, who, { action: 'channel.test', target: name });
      const made = await tx.kysely
        .selectFrom('deliveries')
        .select('id')
        .where('event_id', '=', id)
        .executeTakeFirstOrThrow();
      return Number(made.id);
    });
    await dispatch(this.db, { only: [deliveryId] });
    const delivery = await this.delivery(deliveryId);
    return { delivery, ok: delivery.status === 'sent', error: delivery.last_error };
  }

  async deliveries(f: { channel?: string; status?: string; event?: string; limit: number; offset: number }) {
    const channel = f.channel ? await this.found(f.channel) : undefined;
    const { items, total } = await listDeliveries(this.db.kysely, {
      channel_id: channel ? Number(channel.id) : undefined,
      status: f.status,
      event: f.event,
      limit: f.limit,
      offset: f.offset,
    });
    return { items: items.map((r) => presentDelivery(r)), total, limit: f.limit, offset: f.offset };
  }

  /** Sends a given-up or cancelled delivery again, from now. */
  async retry(who: AuditActor, id: number): Promise<DeliveryView> {
    await this.db.transaction(async (tx) => {
      const row = await getDelivery(tx.kysely, id);
      if (!row) throw new AppError('delivery_not_found', { id });
      if (row.status === 'sent') throw new AppError('delivery_already_sent', { id, at: String(row.sent_at) });
      await requeue(tx.kysely, id, clockNow().toISOString());
      await appendAudit(tx, who, { action: 'delivery.retry', target: String(id), detail: { event: row.event_id } });
    });
    return this.delivery(id);
  }

  private async delivery(id: number): Promise<DeliveryView> {
    const row = (await listDeliveries(this.db.kysely, { id, limit: 1, offset: 0 })).items[0];
    if (!row) throw new AppError('delivery_not_found', { id });
    return presentDelivery(row);
  }

  private async found(name: string, db = this.db.kysely): Promise<ChannelRow> {
    const row = await findChannel(db, name);
    if (!row) throw new AppError('channel_not_found', { name });
    return row;
  }
}
