import fs from 'node:fs';
import path from 'node:path';
import type { Command, Io } from '../../shared/cli/command.ts';
import { parse, requireOption } from '../../shared/cli/args.ts';
import { textTable } from '../../shared/cli/table.ts';
import { withDatabase } from '../../shared/cli/with-db.ts';
import { AppError } from '../../shared/errors.ts';
import { PAGE_MAX } from '#core/contracts/common.ts';
import { today } from '../../shared/clock.ts';
import { validate } from '../../shared/validate.ts';
import { commandActor } from '../audit/audit.actor.ts';
import { indicatorLabel, indicatorValue } from '../notifications/indicator-labels.ts';
import {
  assignBody,
  statusBody,
  taskDetailQuery,
  taskIdParams,
  taskListQuery,
  type TaskDetail,
  type TaskPage,
  type TaskView,
} from '#core/contracts/supervision.schema.ts';
import { TasksService, type TaskQuery } from './tasks.service.ts';
import { assignTasks } from './tasks.assign.ts';

const USAGE = [
  'outpost tasks list [--area CODE] [--issuing-area CODE] [--status S] [--month YYYY-MM] [--overdue] [--date YYYY-MM-DD] [--limit N [--offset N]] [--json]',
  'outpost tasks show ID [--date YYYY-MM-DD] [--json]',
  'outpost tasks assign --ids ID,ID,... --leader AREA_CODE',
  'outpost tasks update ID [--status in_progress|rectified|verified [--backdate YYYY-MM-DD --reason TEXT]] [--comment TEXT] [--evidence FILE]...',
].join('\n       ');

export const tasksCommand: Command = {
  name: 'tasks',
  usage: USAGE,
  summary: 'supervision tasks (督导整改) from issued notifications: the board, one task, and moving it along',
  async run(argv, io) {
    const [sub, ...rest] = argv;
    if (sub === 'list') return list(rest, io);
    if (sub === 'show') return show(rest, io);
    if (sub === 'update') return update(rest, io);
    if (sub === 'assign') return assign(rest, io);
    throw new AppError('subcommand_missing', {
      command: 'tasks',
      choices: ['list', 'show', 'assign', 'update'],
      usage: USAGE,
    });
  },
};

async function list(argv: string[], io: Io): Promise<number> {
  const { values } = parse(
    argv,
    {
      area: { type: 'string' },
      'issuing-area': { type: 'string' },
      status: { type: 'string' },
      month: { type: 'string' },
      overdue: { type: 'boolean' },
      date: { type: 'string' },
      limit: { type: 'string' },
      offset: { type: 'string' },
      json: { type: 'boolean' },
    },
    USAGE,
  );
  if (values.offset !== undefined && values.limit === undefined)
    throw new AppError('option_needs', { command: 'tasks list', option: 'offset', needs: 'limit', usage: USAGE });
  const q = validate(taskListQuery, {
    area: values.area,
    issuing_area: values['issuing-area'],
    status: values.status,
    month: values.month,
    overdue: values.overdue ? 'true' : undefined,
    date: values.date,
    limit: values.limit,
    offset: values.offset,
  });
  return withDatabase(values.db, async (db) => {
    const query = { ...q, overdue: q.overdue === 'true', date: q.date ?? today() };
    const service = new TasksService(db);
    // Without --limit, every task: the API's pages of 500, read one after another.
    const page = values.limit === undefined ? await everyTask(service, query) : await service.list(null, query);
    if (values.json) {
      io.stdout.write(`${JSON.stringify(page)}\n`);
      return 0;
    }
    io.stdout.write(
      textTable(
        ['id', 'area', 'problem', 'value', 'months', 'leader', 'deadline', 'status', 'notification'],
        page.items.map((t) => [
          t.id,
          t.area.name ?? t.area.code,
          indicatorLabel(t.indicator, 'en'),
          indicatorValue(t.indicator, t.value, 'en'),
          t.streak,
          t.leader ? `${t.leader.name} (${t.leader.title})` : '(none on record)',
          t.deadline,
          statusText(t),
          t.notification.number,
        ]),
      ),
    );
    io.stdout.write(`${countLine(page)}\n`);
    return 0;
  });
}

/** Every task the query matches, read page by page; a page shorter than asked for is the last. */
async function everyTask(service: TasksService, query: TaskQuery): Promise<TaskPage> {
  const items: TaskView[] = [];
  for (let offset = 0; ; offset += PAGE_MAX) {
    const page = await service.list(null, { ...query, limit: PAGE_MAX, offset });
    items.push(...page.items);
    if (page.items.length < PAGE_MAX || items.length >= page.total)
      return { items, total: page.total, limit: items.length, offset: 0 };
  }
}

/** How much of the board was printed, and how to ask for the rest. */
function countLine(page: TaskPage): string {
  if (page.offset === 0 && page.items.length >= page.total) return `${page.total} tasks`;
  const from = page.items.length ? page.offset + 1 : page.offset;
  const next = page.offset + page.items.length;
  const more =
    next < page.total ? `; the next: --limit ${page.limit} --offset ${next}, or leave out --limit for all` : '';
  return `tasks ${from}-${next} of ${page.total}${more}`;
}

async function show(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parse(argv, { json: { type: 'boolean' }, date: { type: 'string' } }, USAGE);
  const { id } = validate(taskIdParams, { id: requireOption(positionals[0], 'ID', USAGE) });
  const { date } = validate(taskDetailQuery, { date: values.date });
  return withDatabase(values.db, async (db) => {
    const task = await new TasksService(db).get(null, id, date ?? today());
    io.stdout.write(values.json ? `${JSON.stringify(task)}\n` : describe(task));
    return 0;
  });
}

async function update(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parse(
    argv,
    {
      status: { type: 'string' },
      comment: { type: 'string' },
      evidence: { type: 'string', multiple: true },
      backdate: { type: 'string' },
      reason: { type: 'string' },
      json: { type: 'boolean' },
    },
    USAGE,
  );
  const { id } = validate(taskIdParams, { id: requireOption(positionals[0], 'ID', USAGE) });
  if (!values.status && !values.comment && !values.evidence?.length)
    throw new AppError('option_one_needed', {
      command: 'tasks update',
      options: ['status', 'comment', 'evidence'],
      usage: USAGE,
    });
  // Validated before anything is written: a bad status or backdate leaves the evidence unstored.
  const body = values.status
    ? validate(statusBody, {
        status: values.status,
        comment: values.comment,
        backdate:
          values.backdate === undefined && values.reason === undefined
            ? undefined
            : { date: values.backdate, reason: values.reason },
      })
    : undefined;
  const day = today();
  return withDatabase(values.db, async (db) => {
    const service = new TasksService(db);
    const who = commandActor('tasks update');
    let task: TaskDetail | undefined;
    for (const file of values.evidence ?? []) {
      if (!fs.existsSync(file)) throw new AppError('file_missing', { option: 'evidence', path: file });
      task = await service.attach(
        who,
        null,
        id,
        { name: path.basename(file), bytes: fs.readFileSync(file), content_type: contentTypeOf(file) },
        day,
      );
    }
    if (body) {
      task = await service.changeStatus(who, null, id, body.status, body.comment, body.backdate);
    } else if (values.comment) task = await service.comment(who, null, id, values.comment, day);
    io.stdout.write(values.json ? `${JSON.stringify(task)}\n` : describe(task!));
    return 0;
  });
}

async function assign(argv: string[], io: Io): Promise<number> {
  const { values } = parse(argv, { ids: { type: 'string' }, leader: { type: 'string' } }, USAGE);
  const ids = requireOption(values.ids, 'ids', USAGE)
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '')
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
  const body = validate(assignBody, { ids, leader: requireOption(values.leader, 'leader', USAGE) });
  return withDatabase(values.db, async (db) => {
    const done = await assignTasks(db, commandActor('tasks assign'), null, body.ids, body.leader);
    io.stdout.write(`${done.assigned} tasks assigned to ${done.leader.name} (${done.leader.title})\n`);
    return 0;
  });
}

function statusText(t: TaskView): string {
  return t.overdue ? `${t.status}, ${t.days_overdue} days overdue` : t.status;
}

function describe(t: TaskDetail): string {
  const lines = [
    `task ${t.id}: ${t.area.name ?? ''} (${t.area.code}) in ${t.month}${t.repeat ? `, ${t.streak} months running` : ''}: ${t.indicators.map((i) => `${indicatorLabel(i.indicator, 'en')} = ${indicatorValue(i.indicator, i.value, 'en')}`).join('; ')}`,
    `from ${t.notification.number}; leader ${t.leader ? `${t.leader.name} (${t.leader.title}${t.leader.phone ? `, ${t.leader.phone}` : ''})` : '(none on record)'}; due ${t.deadline}; ${statusText(t)}`,
    '',
    ...t.events.map(
      (e) =>
        `${e.at}  ${e.actor}  ${e.kind}${e.to_status && e.kind === 'status' ? ` ${e.from_status} -> ${e.to_status}` : ''}${e.body ? `: ${e.body}` : ''}`,
    ),
    ...t.evidence.map((e) => `evidence ${e.id}: ${e.file_name} (${e.size} bytes, sha256 ${e.sha256})`),
  ];
  return `${lines.join('\n')}\n`;
}

const TYPES: Record<string, string> = {
  '.pdf': 'application/pdf',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.png': 'image/png',
  '.docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  '.txt': 'text/plain',
};

function contentTypeOf(file: string): string {
  return TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}
