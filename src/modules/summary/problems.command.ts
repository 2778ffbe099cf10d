import type { Command } from '../../shared/cli/command.ts';
import { parse, requireOption } from '../../shared/cli/args.ts';
import { textTable } from '../../shared/cli/table.ts';
import { withDatabase } from '../../shared/cli/with-db.ts';
import { validate } from '../../shared/validate.ts';
import { createContext } from '../app-context.ts';
import { operatorActor } from '../accounts/access.ts';
import { percent } from '#core/documents/format-cell.ts';
import { fiveProblemsQuery } from '#core/contracts/five-problems.schema.ts';
import { fiveProblemsFor } from './five-problems.service.ts';
import type { FiveProblems, Measure } from './five-problems.ts';

export const problemsCommand: Command = {
  name: 'problems',
  usage: 'outpost problems --area CODE [--date YYYY-MM-DD] [--json]',
  summary:
    'the five problems (people, premises, how to work, assessment, retention) of an area and its children on a day',
  async run(argv, io) {
    const { values } = parse(
      argv,
      { area: { type: 'string' }, date: { type: 'string' }, json: { type: 'boolean' } },
      this.usage,
    );
    const q = validate(fiveProblemsQuery, { area: requireOption(values.area, 'area', this.usage), date: values.date });
    return withDatabase(values.db, async (db) => {
      const view = await fiveProblemsFor(createContext(db), operatorActor('problems'), q);
      if (values.json) {
        io.stdout.write(`${JSON.stringify(view)}\n`);
        return 0;
      }
      const cells = (p: FiveProblems) => [
        share(p.people),
        share(p.premises),
        share(p.working),
        share(p.assessment),
        share(p.retention),
        share(p.retention.turnover),
      ];
      io.stdout.write(
        `${view.area.name} (${view.area.code}) on ${view.date}; records from ${view.records_window.from}, turnover from ${view.turnover_window.from}\n\n`,
      );
      io.stdout.write(
        textTable(
          [
            'area',
            'people: staffed',
            'premises: covered',
            'working: standard',
            'assessment: reporting',
            'retention: 2y+',
            'turnover',
          ],
          [
            [`${view.area.name} (all)`, ...cells(view.problems)],
            ...view.children.map((c) => [c.name, ...cells(c.problems)]),
          ],
        ),
      );
      return 0;
    });
  },
};

function share(m: Measure): string {
  return m.value === null ? '—' : `${percent(m.value)} (${m.numerator}/${m.denominator})`;
}
