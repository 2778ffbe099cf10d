/** `outpost quality`: the data-quality report of an area for a month. */
import type { Command } from '../../shared/cli/command.ts';
import { parse, requireOption } from '../../shared/cli/args.ts';
import { fixed, textTable } from '../../shared/cli/table.ts';
import { withDatabase } from '../../shared/cli/with-db.ts';
import { validate } from '../../shared/validate.ts';
import { createContext } from '../app-context.ts';
import { operatorActor } from '../accounts/access.ts';
import { qualityQuery } from '#core/contracts/quality.schema.ts';
import { qualityFor, type QualityReport } from './quality.service.ts';

export const qualityCommand: Command = {
  name: 'quality',
  usage: 'outpost quality --month YYYY-MM --area CODE [--limit N] [--json]',
  summary:
    'data quality of an area for a month: records placed nowhere, empty surveys, villages without surveys, online surveys, implausible data',
  async run(argv, io) {
    const { values } = parse(
      argv,
      { month: { type: 'string' }, area: { type: 'string' }, limit: { type: 'string' }, json: { type: 'boolean' } },
      this.usage,
    );
    const q = validate(qualityQuery, {
      month: requireOption(values.month, 'month', this.usage),
      area: requireOption(values.area, 'area', this.usage),
      limit: values.limit,
    });
    return withDatabase(values.db, async (db) => {
      const report = await qualityFor(createContext(db), operatorActor('quality'), q);
      io.stdout.write(values.json ? `${JSON.stringify(report)}\n` : describe(report));
      return 0;
    });
  },
};

function describe(r: QualityReport): string {
  const out: string[] = [`data quality of ${r.area} in ${r.month}`, ''];
  const section = (title: string, total: number, shown: number, table: string) => {
    out.push(`${title}: ${total}${total > shown ? ` (first ${shown})` : ''}`);
    if (total > 0) out.push(table);
    else out.push('');
  };
  section(
    'records placed nowhere (dated outside every posting of their officer)',
    r.unplaced.total,
    r.unplaced.items.length,
    textTable(
      ['kind', 'key', 'date', 'badge'],
      r.unplaced.items.map((i) => [i.kind, i.key, i.date, i.badge]),
    ),
  );
  section(
    'empty surveys (neither question answered)',
    r.empty_surveys.total,
    r.empty_surveys.items.length,
    textTable(
      ['ref', 'date', 'area', 'channel'],
      r.empty_surveys.items.map((i) => [i.ref, i.date, i.area_code, i.channel]),
    ),
  );
  const v = r.villages_without_surveys;
  section(
    `villages without survey data (of ${v.villages})`,
    v.total,
    v.items.length,
    textTable(
      ['code', 'name'],
      v.items.map((i) => [i.code, i.name]),
    ),
  );
  const share = (a: number, b: number) => (b === 0 ? null : fixed(a / b, 4));
  out.push('surveys by channel');
  out.push(
    textTable(
      ['channel', 'surveys', 'awareness', 'satisfaction'],
      (['online', 'other'] as const).map((k) => {
        const c = r.online_surveys[k];
        return [k, c.surveys, share(c.knows_yes, c.knows_answered), share(c.satisfied, c.satisfaction_answered)];
      }),
    ),
  );
  if (r.online_surveys.past_cap > 0)
    out.push(`online answers past a community's daily cap (taken, may be a flood): ${r.online_surveys.past_cap}`);
  const im = r.implausible;
  section(
    `units whose survey answers are all alike (>= ${r.limits.identical_min_answers})`,
    im.identical_answers.total,
    im.identical_answers.items.length,
    textTable(
      ['unit', 'name', 'answers', 'answer'],
      im.identical_answers.items.map((i) => [i.unit_code, i.name, i.answers, i.sample]),
    ),
  );
  section(
    `days with more than ${r.limits.max_visits_per_day} visits by one officer`,
    im.busy_days.total,
    im.busy_days.items.length,
    textTable(
      ['badge', 'date', 'visits'],
      im.busy_days.items.map((i) => [i.badge, i.date, i.visits]),
    ),
  );
  section(
    `indicators that jumped (x${r.limits.jump_factor} or 1/${r.limits.jump_factor}, denominators >= ${r.limits.jump_min_denominator})`,
    im.jumps.total,
    im.jumps.items.length,
    textTable(
      ['area', 'name', 'indicator', 'before', 'now'],
      im.jumps.items.map((j) => [j.area, j.name, j.indicator, fixed(j.previous.value, 4), fixed(j.current.value, 4)]),
    ),
  );
  return `${out.join('\n')}\n`;
}
