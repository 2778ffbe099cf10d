/**
 * The one shape of every feature's `outpost <feature> settings [--set FILE.json]`: print the
 * settings as JSON, after applying the patch a file holds when one is named (the feature's own
 * update checks and audits it). A file that cannot be read or parsed is `file_unreadable`,
 * naming the option and the path; nothing is written.
 */
import fs from 'node:fs';
import type { Database } from '../../db/database.ts';
import { AppError } from '../errors.ts';
import { parse } from './args.ts';
import type { Io } from './command.ts';
import { withDatabase } from './with-db.ts';

/** How a feature reads its settings and applies a patch to them. */
export interface SettingsAccess<T> {
  load(db: Database): Promise<T>;
  update(db: Database, patch: unknown): Promise<T>;
}

/** The JSON a file named by `option` holds. */
export function readJsonFile(path: string, option: string): unknown {
  try {
    return JSON.parse(fs.readFileSync(path, 'utf8'));
  } catch (e) {
    throw new AppError('file_unreadable', { option, path, detail: (e as Error).message });
  }
}

/** Runs `settings [--set FILE.json]` for one feature. */
export async function settingsCommand<T>(
  argv: string[],
  io: Io,
  usage: string,
  access: SettingsAccess<T>,
): Promise<number> {
  const { values } = parse(argv, { set: { type: 'string' } }, usage);
  return withDatabase(values.db, async (db) => {
    const current = values.set ? await access.update(db, readJsonFile(values.set, 'set')) : await access.load(db);
    io.stdout.write(`${JSON.stringify(current, null, 2)}\n`);
    return 0;
  });
}
