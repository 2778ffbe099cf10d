import fs from 'node:fs';
import path from 'node:path';
import type { Command } from '../../shared/cli/command.ts';
import { parse, requireOption } from '../../shared/cli/args.ts';
import { withDatabase } from '../../shared/cli/with-db.ts';
import { AppError } from '../../shared/errors.ts';
import { validate } from '../../shared/validate.ts';
import { createContext } from '../app-context.ts';
import { operatorActor } from '../accounts/access.ts';
import { formatOfFile, renderDocument } from '../notifications/document/render.ts';
import { summaryQuery } from '#core/contracts/summary.schema.ts';
import { summaryFor } from './summary.service.ts';

export const summaryCommand: Command = {
  name: 'summary',
  usage: 'outpost summary --year YYYY --area CODE --out FILE.md|FILE.docx [--lang zh|en] [--date YYYY-MM-DD] [--json]',
  summary:
    "the annual work summary of an area (standing figures of the year's last day, funds, equipment, rankings through the year, reform, the five problems)",
  async run(argv, io) {
    const { values } = parse(
      argv,
      {
        year: { type: 'string' },
        area: { type: 'string' },
        lang: { type: 'string' },
        out: { type: 'string' },
        date: { type: 'string' },
        json: { type: 'boolean' },
      },
      this.usage,
    );
    const out = requireOption(values.out, 'out', this.usage);
    const format = formatOfFile(out);
    if (!format || format === 'xlsx') throw new AppError('summary_out_format', { out, usage: this.usage });
    const q = validate(summaryQuery, {
      area: requireOption(values.area, 'area', this.usage),
      year: requireOption(values.year, 'year', this.usage),
      lang: values.lang ?? 'zh',
      date: values.date,
      format,
    });
    return withDatabase(values.db, async (db) => {
      const { facts, document } = await summaryFor(createContext(db), operatorActor('summary'), {
        area: q.area,
        year: q.year,
        lang: q.lang,
        date: q.date,
      });
      fs.mkdirSync(path.dirname(path.resolve(out)), { recursive: true });
      fs.writeFileSync(out, await renderDocument(document, format));
      io.stdout.write(
        values.json
          ? `${JSON.stringify(facts)}\n`
          : `summary of ${facts.area.name} (${facts.area.code}) for ${facts.year}; wrote ${path.resolve(out)}\n`,
      );
      return 0;
    });
  },
};
