import fs from 'node:fs';
import path from 'node:path';
import type { Command, Io } from '../../shared/cli/command.ts';
import { parse, requireOption } from '../../shared/cli/args.ts';
import { textTable } from '../../shared/cli/table.ts';
import { withDatabase } from '../../shared/cli/with-db.ts';
import { AppError } from '../../shared/errors.ts';
import { validate } from '../../shared/validate.ts';
import { commandActor } from '../audit/audit.actor.ts';
import { AssessmentService } from '../assessment/assessment.service.ts';
import { formatOfFile, renderDocument } from './document/render.ts';
import type { DocumentFormat } from '#core/documents/document.ts';
import { pdfFont } from './document/pdf-font.ts';
import { archiveQuery, issueBody, noticeFormatSchema, presentEntry } from '#core/contracts/notifications.schema.ts';
import { defaultDate, NotificationsService } from './notifications.service.ts';
import { loadSettings, updateSettings } from './settings.service.ts';
import { settingsCommand } from '../../shared/cli/settings-command.ts';
import { RECEIPT_USAGE, receiptCommand } from '../receipts/receipts.command.ts';

const USAGE = [
  'outpost notify --month YYYY-MM --area CODE --out FILE [--format docx|pdf|xlsx|html|md] [--lang zh|en] [--date YYYY-MM-DD] [--deadline YYYY-MM-DD] [--signer NAME] [--issue [--corrects NUMBER --reason TEXT]]',
  'outpost notify list [--area CODE] [--month YYYY-MM] [--json]',
  'outpost notify show --number NUMBER --out FILE [--format docx|pdf|xlsx|html|md]',
  'outpost notify settings [--set FILE.json]',
  ...RECEIPT_USAGE,
].join('\n       ');

export const notifyCommand: Command = {
  name: 'notify',
  usage: USAGE,
  summary:
    "the monthly notification of an area's children (a draft, or issued with --issue: numbered, archived, tasks opened); its receipts (签收) and reminders (催办)",
  async run(argv, io) {
    const [sub, ...rest] = argv;
    if (sub === 'list') return list(rest, io);
    if (sub === 'show') return show(rest, io);
    if (sub === 'settings') return settings(rest, io);
    if (sub === 'sign' || sub === 'remind' || sub === 'receipts') return receiptCommand(sub, rest, io, USAGE);
    return write(argv, io);
  },
};

async function write(argv: string[], io: Io): Promise<number> {
  const { values } = parse(
    argv,
    {
      month: { type: 'string' },
      area: { type: 'string' },
      format: { type: 'string' },
      out: { type: 'string' },
      lang: { type: 'string' },
      date: { type: 'string' },
      deadline: { type: 'string' },
      signer: { type: 'string' },
      issue: { type: 'boolean' },
      corrects: { type: 'string' },
      reason: { type: 'string' },
    },
    USAGE,
  );
  const out = requireOption(values.out, 'out', USAGE);
  const format = formatOf(values.format, out);
  const month = requireOption(values.month, 'month', USAGE);
  const q = validate(issueBody, {
    area: requireOption(values.area, 'area', USAGE),
    month,
    lang: values.lang ?? 'zh',
    date: values.date,
    deadline: values.deadline,
    signer: values.signer,
    corrects: values.corrects,
    reason: values.reason,
  });
  if (q.corrects && !values.issue)
    throw new AppError('option_needs', { command: 'notify', option: 'corrects', needs: 'issue', usage: USAGE });
  return withDatabase(values.db, async (db) => {
    const service = new NotificationsService(db, new AssessmentService(db.kysely));
    const request = { ...q, date: q.date ?? defaultDate(q.month) };
    if (!values.issue) {
      const draft = await service.draft(request);
      writeFile(out, await renderDocument(draft.document, format));
      io.stdout.write(
        `draft of ${q.area} for ${q.month}: ${draft.problems.length} problems named; wrote ${path.resolve(out)}\n`,
      );
      return 0;
    }
    // A PDF needs a CJK font: find out before the notice is numbered and stored, not after.
    if (format === 'pdf') pdfFont();
    const issued = await service.issue(commandActor('notify'), request);
    writeFile(out, await renderDocument(issued.content.document, format));
    const t = issued.tasks;
    io.stdout.write(
      `issued ${issued.entry.number} (sha256 ${issued.entry.content_hash})${issued.entry.corrects ? `, correcting ${issued.entry.corrects}` : ''}; ` +
        `supervision tasks: ${t.opened} opened, ${t.carried} carried, ${t.withdrawn} withdrawn; wrote ${path.resolve(out)}\n`,
    );
    return 0;
  });
}

async function list(argv: string[], io: Io): Promise<number> {
  const { values } = parse(
    argv,
    { area: { type: 'string' }, month: { type: 'string' }, json: { type: 'boolean' } },
    USAGE,
  );
  const q = validate(archiveQuery, { area: values.area, month: values.month });
  return withDatabase(values.db, async (db) => {
    const entries = (await new NotificationsService(db, new AssessmentService(db.kysely)).list(q)).map(presentEntry);
    if (values.json) {
      io.stdout.write(`${JSON.stringify(entries)}\n`);
      return 0;
    }
    if (entries.length === 0) {
      io.stdout.write('no notification was issued\n');
      return 0;
    }
    io.stdout.write(
      textTable(
        ['month', 'area', 'number', 'issued on', 'by', 'status', 'sha256'],
        entries.map((e) => [
          e.month,
          `${e.area_name ?? ''} ${e.area_code}`.trim(),
          e.number,
          e.issued_on,
          e.issued_by_name,
          e.superseded_by ? `superseded by ${e.superseded_by}` : e.corrects ? `corrects ${e.corrects}` : 'standing',
          e.content_hash.slice(0, 12),
        ]),
      ),
    );
    return 0;
  });
}

async function show(argv: string[], io: Io): Promise<number> {
  const { values } = parse(
    argv,
    { number: { type: 'string' }, out: { type: 'string' }, format: { type: 'string' } },
    USAGE,
  );
  const number = requireOption(values.number, 'number', USAGE);
  const out = requireOption(values.out, 'out', USAGE);
  const format = formatOf(values.format, out);
  return withDatabase(values.db, async (db) => {
    const notice = await new NotificationsService(db, new AssessmentService(db.kysely)).byNumber(number);
    writeFile(out, await renderDocument(notice.content.document, format));
    io.stdout.write(
      `${notice.entry.number} as issued on ${notice.entry.issued_on} (sha256 ${notice.entry.content_hash}); wrote ${path.resolve(out)}\n`,
    );
    return 0;
  });
}

function settings(argv: string[], io: Io): Promise<number> {
  return settingsCommand(argv, io, USAGE, {
    load: (db) => loadSettings(db.kysely),
    update: (db, patch) => updateSettings(db, commandActor('notify settings'), patch),
  });
}

function formatOf(flag: string | undefined, out: string): DocumentFormat {
  if (flag) return validate(noticeFormatSchema, flag);
  const byName = formatOfFile(out);
  if (!byName) throw new AppError('notify_format_unknown', { out });
  return byName;
}

function writeFile(file: string, bytes: Buffer): void {
  fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  fs.writeFileSync(file, bytes);
}
