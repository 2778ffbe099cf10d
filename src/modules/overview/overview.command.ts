import type { Command } from '../../shared/cli/command.ts';
import { parse, requireOption } from '../../shared/cli/args.ts';
import { textTable } from '../../shared/cli/table.ts';
import { withDatabase } from '../../shared/cli/with-db.ts';
import { validate } from '../../shared/validate.ts';
import { createContext } from '../app-context.ts';
import { operatorActor } from '../accounts/access.ts';
import { overviewQuery } from '#core/contracts/overview.schema.ts';
import { overviewFor } from './overview.service.ts';

export const overviewCommand: Command = {
  name: 'overview',
  usage: 'outpost overview --area CODE [--date YYYY-MM-DD] [--json]',
  summary: 'open units, posted officers, patrol teams and officer origins of an area on a day',
  async run(argv, io) {
    const { values } = parse(
      argv,
      { area: { type: 'string' }, date: { type: 'string' }, json: { type: 'boolean' } },
      this.usage,
    );
    const q = validate(overviewQuery, { area: requireOption(values.area, 'area', this.usage), date: values.date });
    return withDatabase(values.db, async (db) => {
      const ctx = createContext(db);
      const o = await overviewFor(ctx, operatorActor('overview'), q);
      const area = await ctx.areas.area(q.area);
      if (values.json) {
        io.stdout.write(`${JSON.stringify(o)}\n`);
        return 0;
      }
      io.stdout.write(`${area.name} (${area.code}) on ${o.date}\n\n`);
      io.stdout.write(
        textTable(
          ['', 'count'],
          [
            ['community police rooms', o.units.community_room],
            ['rural police offices', o.units.rural_office],
            ['stations', o.units.station],
            ['bureaus', o.units.bureau],
            ['community officers', o.officers.community],
            ['resident officers', o.officers.resident],
            ['station officers', o.officers.station],
            ['civilian staff', o.officers.civilian],
            ['full-time patrol teams', o.patrols.full_time.teams],
            ['  their members', o.patrols.full_time.members],
            ['volunteer teams', o.patrols.volunteer.teams],
            ['  their members', o.patrols.volunteer.members],
            ['officers from agencies', o.origins.agency_transfer],
            ['new recruits', o.origins.new_recruit],
            ['civilian hires', o.origins.civilian_hire],
          ],
        ),
      );
      return 0;
    });
  },
};
