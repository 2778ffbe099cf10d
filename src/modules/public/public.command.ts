import fs from 'node:fs';
import type { Command, Io } from '../../shared/cli/command.ts';
import { parse } from '../../shared/cli/args.ts';
import { withDatabase } from '../../shared/cli/with-db.ts';
import { AppError } from '../../shared/errors.ts';
import { operatorActor } from '../accounts/access.ts';
import { loadPublicSettings, updatePublicSettings } from './public.settings.ts';

const USAGE = 'outpost public settings [--set FILE.json]';

/** The public pages' settings: whose phones they publish (`{"phones": "room"}` or `"officers"`). */
export const publicCommand: Command = {
  name: 'public',
  usage: USAGE,
  summary: "settings of the residents' public pages: publish the room's phone or the officers' own",
  async run(argv, io) {
    const [sub, ...rest] = argv;
    if (sub !== 'settings')
      throw new AppError('subcommand_unknown', { command: 'public', subcommand: sub ?? '', usage: USAGE });
    return settings(rest, io);
  },
};

async function settings(argv: string[], io: Io): Promise<number> {
  const { values } = parse(argv, { set: { type: 'string' } }, USAGE);
  return withDatabase(values.db, async (db) => {
    let current;
    if (values.set) {
      let patch: unknown;
      try {
        patch = JSON.parse(fs.readFileSync(values.set, 'utf8'));
      } catch (e) {
        throw new AppError('file_unreadable', { option: 'set', path: values.set, detail: (e as Error).message });
      }
      current = await updatePublicSettings(db, operatorActor('public settings').who, patch);
    } else current = await loadPublicSettings(db.kysely);
    io.stdout.write(`${JSON.stringify(current, null, 2)}\n`);
    return 0;
  });
}
