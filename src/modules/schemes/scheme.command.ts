/**
 * `outpost scheme show|set`: the schemes in force for a year, and saving one from options or a
 * JSON file (the body of PUT /api/v1/schemes/{name}). Saves are audited as the OS user.
 */
import type { Command, Io } from '../../shared/cli/command.ts';
import { parse, requireOption } from '../../shared/cli/args.ts';
import { textTable } from '../../shared/cli/table.ts';
import { withDatabase } from '../../shared/cli/with-db.ts';
import { AppError } from '../../shared/errors.ts';
import { validate } from '../../shared/validate.ts';
import { commandActor } from '../audit/audit.actor.ts';
import { SCHEME_NAMES } from '#core/schemes/scheme-definition.ts';
import { anySchemeNameSchema } from '#core/contracts/common.ts';
import { schemeBody, yearSchema, type SchemeBody, type SchemePresented } from '#core/contracts/schemes.schema.ts';
import { resolveScheme, saveScheme } from './schemes.service.ts';
import { presentScheme } from './schemes.presenter.ts';
import { readJsonFile } from '../../shared/cli/settings-command.ts';

const USAGE = [
  'outpost scheme show --year YYYY [--scheme performance|construction|officer] [--json]',
  'outpost scheme set --scheme S --year YYYY (--indicator NAME [--weight W] [--floor F] [--target T] [--better higher|lower] | --file FILE.json)',
  '    [--commendation N] [--criticism N] [--interview N] [--interview-months N] [--note TEXT]',
].join('\n       ');

export const schemeCommand: Command = {
  name: 'scheme',
  usage: USAGE,
  summary: "a year's assessment schemes (weights, floors, targets, thresholds), shown or saved as a new version",
  async run(argv, io) {
    const [sub, ...rest] = argv;
    if (sub === 'show') return show(rest, io);
    if (sub === 'set') return set(rest, io);
    throw new AppError('subcommand_missing', { command: 'scheme', choices: ['show', 'set'], usage: USAGE });
  },
};

async function show(argv: string[], io: Io): Promise<number> {
  const { values } = parse(
    argv,
    { year: { type: 'string' }, scheme: { type: 'string' }, json: { type: 'boolean' } },
    USAGE,
  );
  const year = validate(yearSchema, requireOption(values.year, 'year', USAGE));
  const names = values.scheme ? [validate(anySchemeNameSchema, values.scheme)] : SCHEME_NAMES;
  return withDatabase(values.db, async (db) => {
    const schemes = [];
    for (const name of names) schemes.push(presentScheme(await resolveScheme(db.kysely, name, year)));
    if (values.json) io.stdout.write(`${JSON.stringify({ year, schemes })}\n`);
    else for (const s of schemes) io.stdout.write(describe(s));
    return 0;
  });
}

async function set(argv: string[], io: Io): Promise<number> {
  const { values } = parse(
    argv,
    {
      scheme: { type: 'string' },
      year: { type: 'string' },
      indicator: { type: 'string' },
      weight: { type: 'string' },
      floor: { type: 'string' },
      target: { type: 'string' },
      better: { type: 'string' },
      file: { type: 'string' },
      commendation: { type: 'string' },
      criticism: { type: 'string' },
      interview: { type: 'string' },
      'interview-months': { type: 'string' },
      note: { type: 'string' },
    },
    USAGE,
  );
  const name = validate(anySchemeNameSchema, requireOption(values.scheme, 'scheme', USAGE));
  const year = validate(yearSchema, requireOption(values.year, 'year', USAGE));
  const body = validate(schemeBody, bodyOf(values));
  return withDatabase(values.db, async (db) => {
    const saved = await saveScheme(db, commandActor('scheme set'), name, year, body, body.note ?? null);
    io.stdout.write(`saved ${name} ${year} as version ${saved.version}\n\n`);
    io.stdout.write(describe(presentScheme(saved)));
    return 0;
  });
}

type Values = Record<string, string | boolean | undefined>;

function bodyOf(values: Values): SchemeBody {
  const number = (key: string) => {
    const raw = values[key];
    if (typeof raw !== 'string') return undefined;
    const n = Number(raw);
    if (raw.trim() === '' || !Number.isFinite(n)) throw new AppError('option_not_number', { option: key, value: raw });
    return n;
  };
  let body: Record<string, unknown> = {};
  if (typeof values.file === 'string') {
    if (values.indicator) throw new AppError('options_exclusive', { options: ['file', 'indicator'], usage: USAGE });
    body = readJsonFile(values.file, 'file') as Record<string, unknown>;
  } else if (typeof values.indicator === 'string') {
    const settings = {
      weight: number('weight'),
      floor: number('floor'),
      target: number('target'),
      better: values.better,
    };
    body.indicators = {
      [values.indicator]: Object.fromEntries(Object.entries(settings).filter(([, v]) => v !== undefined)),
    };
  }
  const thresholds = {
    commendation: number('commendation'),
    criticism: number('criticism'),
    interview: number('interview'),
    interview_months: number('interview-months'),
  };
  const given = Object.fromEntries(Object.entries(thresholds).filter(([, v]) => v !== undefined));
  if (Object.keys(given).length > 0) body.thresholds = { ...(body.thresholds as object), ...given };
  if (typeof values.note === 'string') body.note = values.note;
  if (!body.indicators && !body.thresholds) throw new AppError('scheme_nothing_to_save', { usage: USAGE });
  return body as SchemeBody;
}

function describe(s: SchemePresented): string {
  const source =
    s.source === 'shipped'
      ? 'shipped (no version saved for this year)'
      : `version ${s.version}, saved ${s.saved_at} by ${s.saved_by}${s.note ? ` — ${s.note}` : ''}`;
  const rows = s.indicators.map((d) => [d.name, d.weight, d.floor, d.target, d.better, d.scored ? '' : 'not scored']);
  const t = s.thresholds;
  return (
    `${s.name} ${s.year}: ${source}\n` +
    textTable(['indicator', 'weight', 'floor', 'target', 'better', ''], rows) +
    `commendation >= ${t.commendation}; criticism < ${t.criticism}; interview < ${t.interview} for ${t.interview_months} months running\n` +
    (s.informational.length ? `informational (not scored): ${s.informational.join(', ')}\n` : '') +
    '\n'
  );
}
