import type { Command, Io } from '../../shared/cli/command.ts';
import { parse, requireOption } from '../../shared/cli/args.ts';
import { fixed, textTable } from '../../shared/cli/table.ts';
import { withDatabase } from '../../shared/cli/with-db.ts';
import {
  explainQuery,
  explainRecordsQuery,
  indicatorsQuery,
  rankingsQuery,
} from '#core/contracts/assessment.schema.ts';
import type { RecordsExplanation } from './explain-records.service.ts';
import { printRanking, rankSubjects } from './subjects.command.ts';
import { validate } from '../../shared/validate.ts';
import { createContext } from '../app-context.ts';
import { operatorActor } from '../accounts/access.ts';
import { explainFor, explainRecordsFor, indicatorsFor, rankingsFor } from './assessment.use-cases.ts';

export const indicatorsCommand: Command = {
  name: 'indicators',
  usage: 'outpost indicators --month YYYY-MM --area CODE --scheme performance|construction [--json]',
  summary: "an area's indicators, scores and composite for a month (docs/assessment.md)",
  async run(argv, io) {
    const { values } = parse(
      argv,
      { month: { type: 'string' }, area: { type: 'string' }, scheme: { type: 'string' }, json: { type: 'boolean' } },
      this.usage,
    );
    const q = validate(indicatorsQuery, {
      month: requireOption(values.month, 'month', this.usage),
      area: requireOption(values.area, 'area', this.usage),
      scheme: values.scheme ?? 'performance',
    });
    return withDatabase(values.db, async (db) => {
      const ctx = createContext(db);
      const result = await indicatorsFor(ctx, operatorActor('indicators'), q);
      if (values.json) {
        io.stdout.write(`${JSON.stringify(result)}\n`);
        return 0;
      }
      const area = await ctx.areas.area(q.area);
      io.stdout.write(
        `${area.name} (${area.code}) · ${q.month} · ${q.scheme} · composite ${result.composite.toFixed(2)}\n\n`,
      );
      const rows = Object.entries(result.indicators).map(([name, r]) => [
        name,
        fixed(r.numerator, 2),
        fixed(r.denominator, 2),
        fixed(r.value, 4),
        fixed(r.score, 2),
        r.no_data ? 'no data' : '',
      ]);
      io.stdout.write(textTable(['indicator', 'numerator', 'denominator', 'value', 'score', ''], rows));
      const online = result.online_answers;
      if (online)
        io.stdout.write(
          `\nonline answers (public form): ${online.answers}, knows officer ${online.awareness.numerator}/${online.awareness.denominator}, satisfied ${online.satisfaction.numerator}/${online.satisfaction.denominator}; ${online.counted ? "counted in the rates, as the year's scheme says" : 'counted apart, not in the rates'}\n`,
        );
      io.stdout.write(
        `\nscheme: ${result.scheme_version ? `version ${result.scheme_version} saved for ${q.month.slice(0, 4)}` : 'as shipped'}\n`,
      );
      return 0;
    });
  },
};

export const rankCommand: Command = {
  name: 'rank',
  usage:
    'outpost rank --month YYYY-MM --within CODE [--scheme performance|construction] [--of areas|rooms|stations|officers] [--json]',
  summary:
    "the ranking of an area's children (or of the rooms, stations or front-line officers within it) for a month, lagging ones and their problems",
  async run(argv, io) {
    const { values } = parse(
      argv,
      {
        month: { type: 'string' },
        within: { type: 'string' },
        scheme: { type: 'string' },
        of: { type: 'string' },
        json: { type: 'boolean' },
      },
      this.usage,
    );
    if (values.of && values.of !== 'areas') return rankSubjects(values, io, this.usage);
    const q = validate(rankingsQuery, {
      month: requireOption(values.month, 'month', this.usage),
      within: requireOption(values.within, 'within', this.usage),
      scheme: values.scheme ?? 'performance',
    });
    return withDatabase(values.db, async (db) => {
      const rows = await rankingsFor(createContext(db), operatorActor('rank'), q);
      return printRanking(io, rows, !!values.json);
    });
  },
};

export const explainCommand: Command = {
  name: 'explain',
  usage:
    'outpost explain --month YYYY-MM --area CODE --scheme S --indicator NAME [--records [--limit N] [--offset N]] [--json]',
  summary:
    'how one figure is made: what is placed at the area itself and each child’s sums; --records: the records placed at the area itself',
  async run(argv, io) {
    const { values } = parse(
      argv,
      {
        month: { type: 'string' },
        area: { type: 'string' },
        scheme: { type: 'string' },
        indicator: { type: 'string' },
        json: { type: 'boolean' },
        records: { type: 'boolean' },
        limit: { type: 'string' },
        offset: { type: 'string' },
      },
      this.usage,
    );
    const q = validate(explainQuery, {
      month: requireOption(values.month, 'month', this.usage),
      area: requireOption(values.area, 'area', this.usage),
      scheme: values.scheme ?? 'performance',
      indicator: requireOption(values.indicator, 'indicator', this.usage),
    });
    if (values.records) {
      const page = validate(explainRecordsQuery, { ...q, limit: values.limit, offset: values.offset });
      return withDatabase(values.db, async (db) =>
        printRecords(io, await explainRecordsFor(createContext(db), operatorActor('explain'), page), !!values.json),
      );
    }
    return withDatabase(values.db, async (db) => {
      const e = await explainFor(createContext(db), operatorActor('explain'), q);
      if (values.json) {
        io.stdout.write(`${JSON.stringify(e)}\n`);
        return 0;
      }
      io.stdout.write(
        `${e.indicator} of ${e.area} in ${e.month}: ${fixed(e.numerator, 2)} / ${fixed(e.denominator, 2)} = ${fixed(e.value, 4) ?? 'no value'}\n\n`,
      );
      io.stdout.write(
        textTable(
          ['code', 'name', 'numerator', 'denominator'],
          [
            ...e.children.map((c) => [c.code, c.name, fixed(c.numerator, 2), fixed(c.denominator, 2)]),
            ['(own)', 'placed at the area itself', fixed(e.own.numerator, 2), fixed(e.own.denominator, 2)],
          ],
        ),
      );
      return 0;
    });
  },
};

function printRecords(io: Io, e: RecordsExplanation, json: boolean): number {
  if (json) {
    io.stdout.write(`${JSON.stringify(e)}\n`);
    return 0;
  }
  io.stdout.write(
    `${e.indicator} of ${e.area} in ${e.month}, placed at the area itself: ${fixed(e.own.numerator, 2)} / ${fixed(e.own.denominator, 2)} from ${e.total} records\n\n`,
  );
  const detail = (d: Record<string, string | number | null>) =>
    Object.entries(d)
      .filter(([, v]) => v !== null)
      .map(([k, v]) => `${k}=${v}`)
      .join(' ');
  io.stdout.write(
    textTable(
      ['kind', 'key', 'date', 'numerator', 'denominator', 'detail'],
      e.items.map((r) => [r.kind, r.key, r.date, fixed(r.numerator, 2), fixed(r.denominator, 2), detail(r.detail)]),
    ),
  );
  if (e.offset + e.items.length < e.total)
    io.stdout.write(
      `\n${e.offset + 1}-${e.offset + e.items.length} of ${e.total}; more with --offset ${e.offset + e.items.length}\n`,
    );
  return 0;
}
