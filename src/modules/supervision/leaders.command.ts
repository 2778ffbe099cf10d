import type { Command } from '../../shared/cli/command.ts';
import { parse, requireOption } from '../../shared/cli/args.ts';
import { textTable } from '../../shared/cli/table.ts';
import { withDatabase } from '../../shared/cli/with-db.ts';
import { AppError } from '../../shared/errors.ts';
import { validate } from '../../shared/validate.ts';
import { commandActor } from '../audit/audit.actor.ts';
import { leaderBody, leadersQuery } from '#core/contracts/supervision.schema.ts';
import { importLeaders, leaders, setLeader } from './leaders.service.ts';

const USAGE = [
  'outpost leaders import FILE.csv|FILE.xlsx   (columns: area_code, name, title, phone; or 地区代码, 姓名, 职务, 电话)',
  'outpost leaders set --area CODE --name NAME --title TITLE [--phone PHONE]',
  'outpost leaders list [--area CODE] [--json]',
].join('\n       ');

export const leadersCommand: Command = {
  name: 'leaders',
  usage: USAGE,
  summary: 'the leader responsible for rectification in each area: import a file, set one, list them',
  async run(argv, io) {
    const [sub, ...rest] = argv;
    if (sub === 'import') {
      const { values, positionals } = parse(rest, {}, USAGE);
      const file = requireOption(positionals[0], 'FILE', USAGE);
      return withDatabase(values.db, async (db) => {
        const n = await importLeaders(db, commandActor('leaders import'), file);
        io.stdout.write(`${n} leaders written from ${file}\n`);
        return 0;
      });
    }
    if (sub === 'set') {
      const { values } = parse(
        rest,
        { area: { type: 'string' }, name: { type: 'string' }, title: { type: 'string' }, phone: { type: 'string' } },
        USAGE,
      );
      const area = requireOption(values.area, 'area', USAGE);
      const body = validate(leaderBody, { name: values.name, title: values.title, phone: values.phone ?? null });
      return withDatabase(values.db, async (db) => {
        const row = await setLeader(db, commandActor('leaders set'), null, area, body);
        io.stdout.write(`${row.area_code}: ${row.name} (${row.title})\n`);
        return 0;
      });
    }
    if (sub === 'list') {
      const { values } = parse(rest, { area: { type: 'string' }, json: { type: 'boolean' } }, USAGE);
      const q = validate(leadersQuery, { area: values.area });
      return withDatabase(values.db, async (db) => {
        const rows = await leaders(db, null, q.area);
        io.stdout.write(
          values.json
            ? `${JSON.stringify(rows)}\n`
            : textTable(
                ['area', 'name', 'leader', 'title', 'phone'],
                rows.map((r) => [r.area_code, r.area_name, r.name, r.title, r.phone]),
              ),
        );
        return 0;
      });
    }
    throw new AppError('subcommand_missing', { command: 'leaders', choices: ['import', 'set', 'list'], usage: USAGE });
  },
};
