import type { Command, Io } from '../../shared/cli/command.ts';
import { parse, requireOption } from '../../shared/cli/args.ts';
import { textTable } from '../../shared/cli/table.ts';
import { withDatabase } from '../../shared/cli/with-db.ts';
import { AppError } from '../../shared/errors.ts';
import { validate } from '../../shared/validate.ts';
import { createContext } from '../app-context.ts';
import { operatorActor } from '../accounts/access.ts';
import { percent } from '#core/documents/format-cell.ts';
import { completenessQuery, completenessRoomsQuery } from '#core/contracts/completeness.schema.ts';
import { completenessFor, completenessOfAreaFor, completenessRoomsFor, landingFor } from './completeness.use-cases.ts';
import { loadCompletenessSettings, updateCompletenessSettings } from './completeness.settings.ts';
import { settingsCommand } from '../../shared/cli/settings-command.ts';

const USAGE = [
  'outpost completeness --month YYYY-MM --within CODE [--json]',
  'outpost completeness rooms --month YYYY-MM --area CODE [--reporting no|yes|all] [--json]',
  'outpost completeness default [--json]',
  'outpost completeness settings [--set FILE.json]',
].join('\n       ');

/** SPEC §5 completeness: the rates of an area's children, the rooms behind them, the default month, the settings. */
export const completenessCommand: Command = {
  name: 'completeness',
  usage: USAGE,
  summary:
    "completeness of an area's children in a month (open rooms reporting a visit, info report or check; on time by the deadline), the rooms not reporting, the month pages open on, settings",
  async run(argv, io) {
    const [sub, ...rest] = argv;
    if (sub === 'rooms') return rooms(rest, io);
    if (sub === 'default') return defaults(rest, io);
    if (sub === 'settings') return settings(rest, io);
    return children(argv, io);
  },
};

async function children(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parse(
    argv,
    { month: { type: 'string' }, within: { type: 'string' }, json: { type: 'boolean' } },
    USAGE,
  );
  if (positionals.length > 0)
    throw new AppError('subcommand_unknown', { command: 'completeness', subcommand: positionals[0], usage: USAGE });
  const q = validate(completenessQuery, {
    month: requireOption(values.month, 'month', USAGE),
    within: requireOption(values.within, 'within', USAGE),
  });
  return withDatabase(values.db, async (db) => {
    const ctx = createContext(db);
    const actor = operatorActor('completeness');
    const rows = await completenessFor(ctx, actor, q);
    if (values.json) {
      io.stdout.write(`${JSON.stringify(rows)}\n`);
      return 0;
    }
    const whole = await completenessOfAreaFor(ctx, actor, { month: q.month, area: q.within });
    io.stdout.write(
      `${whole.name} (${whole.area}) in ${whole.month}: ${whole.reporting} of ${whole.rooms} open rooms reported (${share(whole.rate)}), ` +
        `${whole.on_time} on time, by the end of ${whole.deadline}${whole.deadline_passed ? '' : ' (not yet passed)'}; threshold ${percent(whole.threshold)}\n\n`,
    );
    io.stdout.write(
      textTable(
        ['code', 'name', 'open rooms', 'reporting', 'rate', 'on time', 'on-time rate'],
        rows.map((r) => [r.code, r.name, r.rooms, r.reporting, share(r.rate), r.on_time, share(r.on_time_rate)]),
      ),
    );
    return 0;
  });
}

async function rooms(argv: string[], io: Io): Promise<number> {
  const { values } = parse(
    argv,
    { month: { type: 'string' }, area: { type: 'string' }, reporting: { type: 'string' }, json: { type: 'boolean' } },
    USAGE,
  );
  const q = validate(completenessRoomsQuery, {
    month: requireOption(values.month, 'month', USAGE),
    area: requireOption(values.area, 'area', USAGE),
    reporting: values.reporting,
  });
  return withDatabase(values.db, async (db) => {
    // The operator's list is whole: no page.
    const all = { ...q, limit: Number.MAX_SAFE_INTEGER };
    const page = await completenessRoomsFor(createContext(db), operatorActor('completeness rooms'), all);
    if (values.json) {
      io.stdout.write(`${JSON.stringify(page.items)}\n`);
      return 0;
    }
    io.stdout.write(
      textTable(
        ['area', 'code', 'name', 'records', 'on time'],
        page.items.map((r) => [r.areas.map((a) => a.name).join(' / '), r.code, r.name, r.records, r.on_time_records]),
      ),
    );
    io.stdout.write(`${page.total} rooms\n`);
    return 0;
  });
}

async function defaults(argv: string[], io: Io): Promise<number> {
  const { values } = parse(argv, { json: { type: 'boolean' } }, USAGE);
  return withDatabase(values.db, async (db) => {
    const landing = await landingFor(createContext(db), operatorActor('completeness default'));
    if (values.json) io.stdout.write(`${JSON.stringify(landing)}\n`);
    else
      io.stdout.write(
        `default month: ${landing.default_month ?? 'none (no records)'} over ${landing.home_areas.map((a) => `${a.name} (${a.code})`).join(', ')}; threshold ${percent(landing.completeness.threshold)}\n`,
      );
    return 0;
  });
}

function settings(argv: string[], io: Io): Promise<number> {
  return settingsCommand(argv, io, USAGE, {
    load: (db) => loadCompletenessSettings(db.kysely),
    update: (db, patch) => updateCompletenessSettings(db, operatorActor('completeness settings').who, patch),
  });
}

function share(rate: number | null): string {
  return rate === null ? '—' : percent(rate);
}
