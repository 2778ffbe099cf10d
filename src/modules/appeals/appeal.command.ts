/**
 * `outpost appeal`: appeals (申诉) from the operator's hand, as the operating-system user,
 * province-wide and audited; the same use cases as the API. The operator may file for any ranked
 * area and decide any appeal it did not file.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Command, Io } from '../../shared/cli/command.ts';
import { parse, requireOption } from '../../shared/cli/args.ts';
import { textTable } from '../../shared/cli/table.ts';
import { withDatabase } from '../../shared/cli/with-db.ts';
import { AppError } from '../../shared/errors.ts';
import { validate } from '../../shared/validate.ts';
import { commandActor } from '../audit/audit.actor.ts';
import {
  appealBody,
  appealDecisionBody,
  appealIdParams,
  appealListQuery,
  type AppealDetail,
} from '#core/contracts/appeals.schema.ts';
import { AppealsService } from './appeals.service.ts';
import { createContext } from '../app-context.ts';

const USAGE = [
  'outpost appeal file --notification ID --area CODE --reason TEXT [--evidence FILE]... [--json]',
  'outpost appeal list [--notification ID] [--area CODE] [--status pending|upheld|rejected] [--json]',
  'outpost appeal show ID [--json]',
  'outpost appeal decide ID --decision upheld|rejected --reason TEXT [--json]',
].join('\n       ');

export const appealCommand: Command = {
  name: 'appeal',
  usage: USAGE,
  summary: 'appeals (申诉) of a ranked area against its score in a notice: file, list, show, uphold or reject',
  async run(argv, io) {
    const [sub, ...rest] = argv;
    if (sub === 'file') return file(rest, io);
    if (sub === 'list') return list(rest, io);
    if (sub === 'show') return show(rest, io);
    if (sub === 'decide') return decide(rest, io);
    throw new AppError('subcommand_missing', {
      command: 'appeal',
      choices: ['file', 'list', 'show', 'decide'],
      usage: USAGE,
    });
  },
};

async function file(argv: string[], io: Io): Promise<number> {
  const { values } = parse(
    argv,
    {
      notification: { type: 'string' },
      area: { type: 'string' },
      reason: { type: 'string' },
      evidence: { type: 'string', multiple: true },
      json: { type: 'boolean' },
    },
    USAGE,
  );
  const body = validate(appealBody, {
    notification: Number(requireOption(values.notification, 'notification', USAGE)),
    area: requireOption(values.area, 'area', USAGE),
    reason: requireOption(values.reason, 'reason', USAGE),
  });
  for (const f of values.evidence ?? [])
    if (!fs.existsSync(f)) throw new AppError('file_missing', { option: 'evidence', path: f });
  return withDatabase(values.db, async (db) => {
    const service = new AppealsService(createContext(db));
    const who = commandActor('appeal file');
    let appeal = await service.file(who, null, body);
    for (const f of values.evidence ?? [])
      appeal = await service.attach(who, null, appeal.id, {
        name: path.basename(f),
        bytes: fs.readFileSync(f),
        content_type: 'application/octet-stream',
      });
    io.stdout.write(values.json ? `${JSON.stringify(appeal)}\n` : describe(appeal));
    return 0;
  });
}

async function list(argv: string[], io: Io): Promise<number> {
  const { values } = parse(
    argv,
    {
      notification: { type: 'string' },
      area: { type: 'string' },
      status: { type: 'string' },
      json: { type: 'boolean' },
    },
    USAGE,
  );
  const q = validate(appealListQuery, {
    notification: values.notification,
    area: values.area,
    status: values.status,
    limit: 500,
  });
  return withDatabase(values.db, async (db) => {
    const page = await new AppealsService(createContext(db)).list(null, q);
    if (values.json) {
      io.stdout.write(`${JSON.stringify(page)}\n`);
      return 0;
    }
    io.stdout.write(
      textTable(
        ['id', 'notice', 'area', 'month', 'status', 'filed', 'correction'],
        page.items.map((a) => [
          String(a.id),
          a.notification.number,
          `${a.area.code} ${a.area.name ?? ''}`.trim(),
          a.month,
          a.status,
          a.filed_at.slice(0, 10),
          a.correction?.number ?? '',
        ]),
      ),
    );
    io.stdout.write(`${page.total} appeals\n`);
    return 0;
  });
}

async function show(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parse(argv, { json: { type: 'boolean' } }, USAGE);
  const { id } = validate(appealIdParams, { id: requireOption(positionals[0], 'ID', USAGE) });
  return withDatabase(values.db, async (db) => {
    const appeal = await new AppealsService(createContext(db)).get(null, id);
    io.stdout.write(values.json ? `${JSON.stringify(appeal)}\n` : describe(appeal));
    return 0;
  });
}

async function decide(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parse(
    argv,
    { decision: { type: 'string' }, reason: { type: 'string' }, json: { type: 'boolean' } },
    USAGE,
  );
  const { id } = validate(appealIdParams, { id: requireOption(positionals[0], 'ID', USAGE) });
  const body = validate(appealDecisionBody, {
    decision: requireOption(values.decision, 'decision', USAGE),
    reason: requireOption(values.reason, 'reason', USAGE),
  });
  return withDatabase(values.db, async (db) => {
    const appeal = await new AppealsService(createContext(db)).decide(
      commandActor('appeal decide'),
      null,
      id,
      body.decision,
      body.reason,
    );
    io.stdout.write(values.json ? `${JSON.stringify(appeal)}\n` : describe(appeal));
    return 0;
  });
}

function describe(a: AppealDetail): string {
  const lines = [
    `appeal ${a.id}: ${a.area.name ?? ''} (${a.area.code}) against ${a.notification.number} (${a.month}); ${a.status}`,
    `filed ${a.filed_at} by ${a.filed_by} (appeals until ${a.appeal_until}): ${a.reason}`,
    ...(a.decided_at ? [`decided ${a.decided_at} by ${a.decided_by}: ${a.decision_reason}`] : []),
    ...a.steps.map((s) => `${s.done ? '[x]' : '[ ]'} ${s.step}: ${s.link}`),
    ...(a.correction ? [`closed by correction ${a.correction.number}`] : []),
    ...a.evidence.map((e) => `evidence ${e.id}: ${e.file_name} (${e.size} bytes, sha256 ${e.sha256})`),
  ];
  return `${lines.join('\n')}\n`;
}
