import type { Command, Io } from '../../shared/cli/command.ts';
import { parse } from '../../shared/cli/args.ts';
import { textTable } from '../../shared/cli/table.ts';
import { withDatabase } from '../../shared/cli/with-db.ts';
import { AppError } from '../../shared/errors.ts';
import { validate } from '../../shared/validate.ts';
import { commandActor } from '../audit/audit.actor.ts';
import { channelNameSchema, deliveryListQuery, type ChannelView } from '#core/contracts/channels.schema.ts';
import { ChannelsService } from './channels.service.ts';
import { dispatch } from './dispatcher.ts';

const USAGE = [
  'outpost channel add --name N --kind webhook --url URL --format json|wecom|dingtalk [--secret SEC…] [--events E,...] [--area CODE] [--lang zh|en] [--per-minute N]',
  'outpost channel add --name N --kind email [--to ADDR,...] [--smtp smtp://user:pass@host:port] [--from ADDR] [--personal] [--events E,...] [--area CODE] [--lang zh|en]',
  'outpost channel add --name N --kind sms --url GATEWAY [--to PHONE,...] [--personal] [--events E,...] [--area CODE]',
  'outpost channel list [--json]',
  'outpost channel remove|enable|disable|test NAME',
  'outpost channel deliveries [--channel N] [--status pending|sent|failed|cancelled] [--limit N] [--offset N] [--json]',
  'outpost channel send     (send what is due now; the server does this by itself)',
  'outpost channel retry DELIVERY_ID',
].join('\n       ');

export const channelCommand: Command = {
  name: 'channel',
  usage: USAGE,
  summary:
    'channels that carry events: email over SMTP, webhooks (json, WeCom, DingTalk robots), an SMS gateway; their deliveries',
  async run(argv, io) {
    const [sub, ...rest] = argv;
    if (sub === 'add') return add(rest, io);
    if (sub === 'list') return list(rest, io);
    if (sub === 'deliveries') return deliveries(rest, io);
    if (sub === 'send') return send(rest, io);
    if (sub === 'remove' || sub === 'enable' || sub === 'disable' || sub === 'test' || sub === 'retry')
      return one(sub, rest, io);
    throw new AppError('subcommand_missing', {
      command: 'channel',
      choices: ['add', 'list', 'remove', 'enable', 'disable', 'test', 'deliveries', 'send', 'retry'],
      usage: USAGE,
    });
  },
};

const list_ = (v: string | undefined) =>
  v === undefined
    ? undefined
    : v
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean);

async function add(argv: string[], io: Io): Promise<number> {
  const { values } = parse(
    argv,
    {
      name: { type: 'string' },
      kind: { type: 'string' },
      format: { type: 'string' },
      url: { type: 'string' },
      secret: { type: 'string' },
      to: { type: 'string' },
      smtp: { type: 'string' },
      from: { type: 'string' },
      events: { type: 'string' },
      area: { type: 'string' },
      lang: { type: 'string' },
      personal: { type: 'boolean' },
      'per-minute': { type: 'string' },
    },
    USAGE,
  );
  return withDatabase(values.db, async (db) => {
    const channel = await new ChannelsService(db).add(commandActor('channel add'), {
      name: values.name as string,
      kind: values.kind as 'email',
      format: values.format as 'json' | undefined,
      url: values.url,
      secret: values.secret,
      to: list_(values.to),
      smtp: values.smtp,
      from: values.from,
      events: list_(values.events),
      area: values.area,
      lang: values.lang as 'zh' | undefined,
      personal: values.personal ?? false,
      per_minute: values['per-minute'] === undefined ? undefined : Number(values['per-minute']),
    });
    io.stdout.write(`added channel ${channel.name}: ${describe(channel)}\n`);
    return 0;
  });
}

function describe(c: ChannelView): string {
  const where =
    c.kind === 'email'
      ? `email to ${c.to.join(', ') || '(subscribers only)'} via ${c.smtp ?? 'OUTPOST_SMTP_URL'}`
      : c.kind === 'sms'
        ? `SMS to ${c.to.join(', ') || '(subscribers only)'} via ${c.url}`
        : `${c.format} webhook ${c.url}${c.has_secret ? ' (signed)' : ''}`;
  return `${where}; events: ${c.events?.join(', ') ?? 'all'}${c.area ? `; area ${c.area}` : ''}${c.personal ? '; accounts may subscribe' : ''}`;
}

async function list(argv: string[], io: Io): Promise<number> {
  const { values } = parse(argv, { json: { type: 'boolean' } }, USAGE);
  return withDatabase(values.db, async (db) => {
    const channels = await new ChannelsService(db).list();
    if (values.json) io.stdout.write(`${JSON.stringify(channels)}\n`);
    else
      io.stdout.write(
        textTable(
          ['name', 'kind', 'sends to', 'events', 'area', 'enabled', 'sent', 'waiting', 'given up', 'last error'],
          channels.map((c) => [
            c.name,
            c.format ? `${c.kind} (${c.format})` : c.kind,
            c.kind === 'webhook' ? c.url : [...c.to, ...(c.personal ? ['subscribers'] : [])].join(', '),
            c.events?.join(', ') ?? 'all',
            c.area,
            c.enabled ? 'yes' : 'no',
            c.deliveries.sent,
            c.deliveries.pending,
            c.deliveries.failed,
            c.deliveries.last_error,
          ]),
        ),
      );
    return 0;
  });
}

async function one(sub: 'remove' | 'enable' | 'disable' | 'test' | 'retry', argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parse(argv, {}, USAGE);
  const target = positionals[0];
  if (!target)
    throw new AppError('channel_unnamed', { command: `channel ${sub}`, delivery: sub === 'retry', usage: USAGE });
  return withDatabase(values.db, async (db) => {
    const service = new ChannelsService(db);
    const who = commandActor(`channel ${sub}`);
    if (sub === 'retry') {
      const id = Number(target);
      if (!Number.isInteger(id) || id < 1) throw new AppError('delivery_id_invalid', { value: target });
      const d = await service.retry(who, id);
      const sent = await dispatch(db, { only: [id] });
      io.stdout.write(`delivery ${d.id}: ${sent.sent ? 'sent' : 'not sent yet; the server tries again'}\n`);
      return sent.sent ? 0 : 1;
    }
    const name = validate(channelNameSchema, target);
    if (sub === 'remove') {
      await service.remove(who, name);
      io.stdout.write(`removed channel ${name}\n`);
      return 0;
    }
    if (sub === 'test') {
      const r = await service.test(who, name);
      io.stdout.write(
        r.ok
          ? `sent a test message over ${name}\n`
          : `the test message over ${name} failed: ${r.error}; it is retried like any other (delivery ${r.delivery.id})\n`,
      );
      return r.ok ? 0 : 1;
    }
    const c = await service.setEnabled(who, name, sub === 'enable');
    io.stdout.write(`channel ${c.name} ${c.enabled ? 'enabled' : 'disabled'}\n`);
    return 0;
  });
}

async function deliveries(argv: string[], io: Io): Promise<number> {
  const { values } = parse(
    argv,
    {
      channel: { type: 'string' },
      status: { type: 'string' },
      event: { type: 'string' },
      limit: { type: 'string' },
      offset: { type: 'string' },
      json: { type: 'boolean' },
    },
    USAGE,
  );
  const q = validate(deliveryListQuery, {
    channel: values.channel,
    status: values.status,
    event: values.event,
    limit: values.limit,
    offset: values.offset,
  });
  return withDatabase(values.db, async (db) => {
    const page = await new ChannelsService(db).deliveries(q);
    if (values.json) io.stdout.write(`${JSON.stringify(page)}\n`);
    else {
      io.stdout.write(
        textTable(
          ['id', 'event', 'channel', 'to', 'status', 'attempts', 'next', 'sent', 'error'],
          page.items.map((d) => [
            d.id,
            d.event_id,
            d.channel ?? '(removed)',
            d.recipient || '(channel)',
            d.status,
            d.attempts,
            d.next_at,
            d.sent_at,
            d.last_error,
          ]),
        ),
      );
      io.stdout.write(`${page.items.length} of ${page.total} deliveries\n`);
    }
    return 0;
  });
}

async function send(argv: string[], io: Io): Promise<number> {
  const { values } = parse(argv, {}, USAGE);
  return withDatabase(values.db, async (db) => {
    const r = await dispatch(db);
    io.stdout.write(
      `${r.sent} sent, ${r.retrying} failed and waiting to be retried, ${r.failed} given up, ${r.postponed} waiting (quiet hours or pace)\n`,
    );
    return 0;
  });
}
