/** `outpost rank --of rooms|stations|officers` and `outpost trend`: units and officers from the CLI. */
import type { Command, Io } from '../../shared/cli/command.ts';
import { parse, requireOption } from '../../shared/cli/args.ts';
import { fixed, textTable } from '../../shared/cli/table.ts';
import { withDatabase } from '../../shared/cli/with-db.ts';
import { AppError } from '../../shared/errors.ts';
import { validate } from '../../shared/validate.ts';
import type { RankingRowWithChange } from './domain/index.ts';
import { AssessmentService } from './assessment.service.ts';
import {
  informationalQuery,
  officerRankingsQuery,
  trendQuery,
  unitRankingsQuery,
} from '#core/contracts/subjects.schema.ts';
import { informationalFor, type InformationalView } from './informational.service.ts';
import { createContext } from '../app-context.ts';
import { operatorActor } from '../accounts/access.ts';
import { trend } from './trend.service.ts';
import { officerRankingsFor, unitRankingsFor } from './subjects.use-cases.ts';
import type { Completeness } from '#core/assessment/completeness.ts';
import { percent } from '#core/documents/format-cell.ts';

type Values = Record<string, string | boolean | undefined>;

const arrow = (n: number | null) => (n === null ? '' : n > 0 ? `↑${n}` : n < 0 ? `↓${-n}` : '=');

/** A ranked row as printed: SPEC's columns, and what areas and units add (completeness, small samples). */
type PrintedRow = RankingRowWithChange & {
  completeness?: Completeness | null;
  small_samples?: string[];
};

export function printRanking(io: Io, rows: PrintedRow[], json: boolean): number {
  if (json) {
    io.stdout.write(`${JSON.stringify(rows)}\n`);
    return 0;
  }
  const reporting = (c: Completeness | null | undefined) =>
    c ? `${c.reporting}/${c.rooms}${c.rate === null ? '' : ` ${percent(c.rate)}`}` : '';
  io.stdout.write(
    textTable(
      ['rank', 'change', 'code', 'name', 'composite', 'lagging', 'problems', 'rooms reporting', 'small samples'],
      rows.map((r) => [
        r.rank,
        arrow(r.rank_change),
        r.code,
        r.name,
        fixed(r.composite, 2),
        r.lagging ? 'LAGGING' : '',
        r.problems.join(', '),
        reporting(r.completeness),
        (r.small_samples ?? []).join(', '),
      ]),
    ),
  );
  return 0;
}

export async function rankSubjects(values: Values, io: Io, usage: string): Promise<number> {
  const month = requireOption(values.month as string | undefined, 'month', usage);
  const within = requireOption(values.within as string | undefined, 'within', usage);
  const of = values.of;
  if (of !== 'rooms' && of !== 'stations' && of !== 'officers')
    throw new AppError('option_not_one_of', {
      option: 'of',
      value: String(of),
      choices: ['areas', 'rooms', 'stations', 'officers'],
      usage,
    });
  return withDatabase(values.db as string | undefined, async (db) => {
    const ctx = createContext(db);
    const actor = operatorActor('rank');
    if (of === 'officers') {
      const q = validate(officerRankingsQuery, { month, within });
      return printRanking(io, await officerRankingsFor(ctx, actor, q), !!values.json);
    }
    const q = validate(unitRankingsQuery, {
      month,
      within,
      type: of === 'rooms' ? 'room' : 'station',
      scheme: values.scheme ?? 'performance',
    });
    return printRanking(io, await unitRankingsFor(ctx, actor, q), !!values.json);
  });
}

export const trendCommand: Command = {
  name: 'trend',
  usage:
    'outpost trend --kind area|unit|officer --code CODE --month YYYY-MM [--scheme performance|construction|officer] [--json]',
  summary: 'twelve months of composite and indicator values of an area, a unit or a front-line officer',
  async run(argv, io) {
    const { values } = parse(
      argv,
      {
        kind: { type: 'string' },
        code: { type: 'string' },
        month: { type: 'string' },
        scheme: { type: 'string' },
        json: { type: 'boolean' },
      },
      this.usage,
    );
    const q = validate(trendQuery, {
      kind: requireOption(values.kind, 'kind', this.usage),
      code: requireOption(values.code, 'code', this.usage),
      month: requireOption(values.month, 'month', this.usage),
      scheme: values.scheme,
    });
    return withDatabase(values.db, async (db) => {
      const t = await trend(new AssessmentService(db.kysely), q);
      if (values.json) {
        io.stdout.write(`${JSON.stringify(t)}\n`);
        return 0;
      }
      const names = Object.keys(t.points[0]?.indicators ?? {});
      io.stdout.write(`${t.name} (${t.code}) · ${t.kind} · ${t.scheme}\n\n`);
      io.stdout.write(
        textTable(
          ['month', 'composite', ...names],
          t.points.map((p) => [p.month, fixed(p.composite, 2), ...names.map((n) => fixed(p.indicators[n], 4))]),
        ),
      );
      return 0;
    });
  },
};

export const informationalCommand: Command = {
  name: 'informational',
  usage: 'outpost informational --month YYYY-MM --code CODE [--kind area|unit] [--json]',
  summary:
    'figures shown beside the performance scheme, never scored: visits per officer, households visited, adopted reports',
  async run(argv, io) {
    const { values } = parse(
      argv,
      { month: { type: 'string' }, code: { type: 'string' }, kind: { type: 'string' }, json: { type: 'boolean' } },
      this.usage,
    );
    const q = validate(informationalQuery, {
      month: requireOption(values.month, 'month', this.usage),
      code: requireOption(values.code, 'code', this.usage),
      kind: values.kind,
    });
    return withDatabase(values.db, async (db) => {
      const view = await informationalFor(createContext(db), operatorActor('informational'), q);
      if (values.json) {
        io.stdout.write(`${JSON.stringify(view)}\n`);
        return 0;
      }
      const row = (code: string, name: string, figures: InformationalView['figures']) => [
        code,
        name,
        ...Object.values(figures).map(
          (r) => `${fixed(r.value, 4)} (${fixed(r.numerator, 2)} / ${fixed(r.denominator, 2)})`,
        ),
      ];
      io.stdout.write(
        `${q.kind} ${q.code} ${view.name} · ${q.month} · informational, not scored\n\n${textTable(
          ['code', 'name', ...Object.keys(view.figures)],
          [row(view.code, view.name, view.figures), ...view.children.map((c) => row(c.code, c.name, c.figures))],
        )}`,
      );
      return 0;
    });
  },
};
