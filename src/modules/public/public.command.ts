import type { Command, Io } from '../../shared/cli/command.ts';
import { AppError } from '../../shared/errors.ts';
import { operatorActor } from '../accounts/access.ts';
import { loadPublicSettings, updatePublicSettings } from './public.settings.ts';
import { settingsCommand } from '../../shared/cli/settings-command.ts';

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

function settings(argv: string[], io: Io): Promise<number> {
  return settingsCommand(argv, io, USAGE, {
    load: (db) => loadPublicSettings(db.kysely),
    update: (db, patch) => updatePublicSettings(db, operatorActor('public settings').who, patch),
  });
}
