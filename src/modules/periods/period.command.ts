/**
 * `outpost period`: the operator's hand on periods (SPEC §5). The CLI acts on any (area, month)
 * as the operating-system user, audited; the same use cases as the API answer it.
 */
import type { Command, Io } from '../../shared/cli/command.ts';
import { parse, requireOption } from '../../shared/cli/args.ts';
import { fixed, textTable } from '../../shared/cli/table.ts';
import { withDatabase } from '../../shared/cli/with-db.ts';
import { AppError } from '../../shared/errors.ts';
import { validate } from '../../shared/validate.ts';
import { createContext } from '../app-context.ts';
import { operatorActor } from '../accounts/access.ts';
import { commandActor } from '../audit/audit.actor.ts';
import {
  periodActionBody,
  periodActionSchema,
  periodQuery,
  periodsQuery,
  revisionQuery,
  type PeriodRow,
} from '#core/contracts/periods.schema.ts';
import { PERIOD_ACTIONS } from '#core/periods/period-chain.ts';
import { actOnPeriod, periodHistory, periodsFor } from './periods.service.ts';
import { revisionFor } from './revision.service.ts';
import { loadPeriodSettings, updatePeriodSettings } from './periods.settings.ts';
import { settingsCommand } from '../../shared/cli/settings-command.ts';

const USAGE = [
  'outpost period submit|approve|lock|unlock --month YYYY-MM --area CODE [--reason TEXT] [--json]',
  'outpost period list --month YYYY-MM --within CODE [--json]',
  'outpost period history --month YYYY-MM --area CODE [--json]',
  'outpost period revision --month YYYY-MM --area CODE [--scheme performance|construction] [--json]',
  'outpost period settings [--set FILE.json]',
].join('\n       ');

export const periodCommand: Command = {
  name: 'period',
  usage: USAGE,
  summary:
    'periods of a month: submit, approve, lock (its figures then stay as they were) or unlock with a reason; the board, the steps, the revised figures',
  async run(argv, io) {
    const [sub, ...rest] = argv;
    if (sub === 'list') return list(rest, io);
    if (sub === 'history') return history(rest, io);
    if (sub === 'revision') return revision(rest, io);
    if (sub === 'settings') return settings(rest, io);
    if (periodActionSchema.safeParse(sub).success) return act(periodActionSchema.parse(sub), rest, io);
    throw new AppError('subcommand_missing', {
      command: 'period',
      choices: [...PERIOD_ACTIONS, 'list', 'history', 'revision', 'settings'],
      usage: USAGE,
    });
  },
};

const common = { month: { type: 'string' }, json: { type: 'boolean' } } as const;

async function act(action: 'submit' | 'approve' | 'lock' | 'unlock', argv: string[], io: Io): Promise<number> {
  const { values } = parse(argv, { ...common, area: { type: 'string' }, reason: { type: 'string' } }, USAGE);
  const body = validate(periodActionBody, {
    month: requireOption(values.month, 'month', USAGE),
    area: requireOption(values.area, 'area', USAGE),
    reason: values.reason,
  });
  return withDatabase(values.db, async (db) => {
    const row = await actOnPeriod(createContext(db), operatorActor(`period ${action}`), action, body);
    if (values.json) io.stdout.write(`${JSON.stringify(row)}\n`);
    else io.stdout.write(`${row.name} (${row.area}) ${row.month}: ${row.status}${waits(row)}\n`);
    return 0;
  });
}

function waits(row: PeriodRow): string {
  const w = row.awaiting;
  if (!w) return '';
  return `; awaits ${w.action}${w.by ? ` by ${w.by_name ?? w.by} (${w.by})` : ` by ${w.count} below`}`;
}

async function list(argv: string[], io: Io): Promise<number> {
  const { values } = parse(argv, { ...common, within: { type: 'string' } }, USAGE);
  const q = validate(periodsQuery, {
    month: requireOption(values.month, 'month', USAGE),
    within: requireOption(values.within, 'within', USAGE),
  });
  return withDatabase(values.db, async (db) => {
    const rows = await periodsFor(createContext(db), operatorActor('period list'), q);
    if (values.json) io.stdout.write(`${JSON.stringify(rows)}\n`);
    else
      io.stdout.write(
        textTable(
          ['area', 'name', 'status', 'submitted', 'approved', 'locked', 'awaits'],
          rows.map((r) => [
            r.area,
            r.name,
            r.status,
            r.submitted_by ? `${r.submitted_by} ${r.submitted_at}` : '',
            r.approved_by ? `${r.approved_by} ${r.approved_at}` : '',
            r.locked_within && r.locked_within !== r.area ? `by ${r.locked_within}` : (r.locked_by ?? ''),
            waits(r).replace(/^; /, ''),
          ]),
        ),
      );
    return 0;
  });
}

async function history(argv: string[], io: Io): Promise<number> {
  const { values } = parse(argv, { ...common, area: { type: 'string' } }, USAGE);
  const q = validate(periodQuery, {
    month: requireOption(values.month, 'month', USAGE),
    area: requireOption(values.area, 'area', USAGE),
  });
  return withDatabase(values.db, async (db) => {
    const events = await periodHistory(createContext(db), operatorActor('period history'), q);
    if (values.json) io.stdout.write(`${JSON.stringify(events)}\n`);
    else
      io.stdout.write(
        textTable(
          ['at', 'area', 'action', 'from', 'to', 'by', 'reason'],
          events.map((e) => [e.at, e.area, e.action, e.from_status, e.to_status, e.actor, e.reason ?? '']),
        ),
      );
    return 0;
  });
}

async function revision(argv: string[], io: Io): Promise<number> {
  const { values } = parse(argv, { ...common, area: { type: 'string' }, scheme: { type: 'string' } }, USAGE);
  const q = validate(revisionQuery, {
    month: requireOption(values.month, 'month', USAGE),
    area: requireOption(values.area, 'area', USAGE),
    scheme: values.scheme ?? 'performance',
  });
  return withDatabase(values.db, async (db) => {
    const r = await revisionFor(createContext(db), operatorActor('period revision'), q);
    if (values.json) {
      io.stdout.write(`${JSON.stringify(r)}\n`);
      return 0;
    }
    io.stdout.write(
      `${r.area} ${r.month} ${r.scheme}: ${r.locked ? `locked (by ${r.locked_within} at ${r.locked_at})` : 'not locked'}; composite ${fixed(r.frozen.composite, 2)} as answered, ${fixed(r.revised.composite, 2)} revised${r.changed ? '' : ' (no change)'}\n\n`,
    );
    io.stdout.write(
      textTable(
        ['indicator', 'value', 'revised', 'score', 'revised', ''],
        r.indicators.map((i) => [
          i.indicator,
          fixed(i.frozen.value, 4),
          fixed(i.revised.value, 4),
          fixed(i.frozen.score, 2),
          fixed(i.revised.score, 2),
          i.changed ? 'changed' : '',
        ]),
      ),
    );
    if (r.ranking.length)
      io.stdout.write(
        `\n${textTable(
          ['code', 'name', 'rank', 'revised', 'composite', 'revised', ''],
          r.ranking.map((x) => [
            x.code,
            x.name,
            x.frozen?.rank ?? '',
            x.revised?.rank ?? '',
            fixed(x.frozen?.composite ?? null, 2),
            fixed(x.revised?.composite ?? null, 2),
            x.changed ? 'changed' : '',
          ]),
        )}`,
      );
    return 0;
  });
}

function settings(argv: string[], io: Io): Promise<number> {
  return settingsCommand(argv, io, USAGE, {
    load: (db) => loadPeriodSettings(db.kysely),
    update: (db, patch) => updatePeriodSettings(db, commandActor('period settings'), patch),
  });
}
