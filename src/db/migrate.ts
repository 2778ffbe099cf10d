import { Migrator, type Kysely, type Migration } from 'kysely';
import type { Engine } from './engine.ts';
import * as m001 from './migrations/001-registry-and-records.ts';
import * as m002 from './migrations/002-accounts-and-audit.ts';
import * as m003 from './migrations/003-notifications-and-supervision.ts';
import * as m004 from './migrations/004-schemes.ts';
import * as m005 from './migrations/005-login-attempts-by-address.ts';
import * as m007 from './migrations/007-unit-locations.ts';
import * as m008 from './migrations/008-schedule-and-channels.ts';
import * as m011 from './migrations/011-received-at.ts';
import * as m013 from './migrations/013-public-limits.ts';
import * as m014 from './migrations/014-periods.ts';
import * as m015 from './migrations/015-names-and-receipts.ts';
import * as m016 from './migrations/016-tasks-by-area-and-appeals.ts';
import * as m018 from './migrations/018-public-answers.ts';
import * as m010 from './migrations/010-keys-and-devices.ts';
import type { Keys } from './keys.ts';
import * as m009 from './migrations/009-import-jobs.ts';

export interface EngineMigration {
  up(db: Kysely<unknown>, engine: Engine): Promise<void>;
}

/** Every migration in order; each runs on both engines. */
export const MIGRATIONS: [string, EngineMigration][] = [
  ['001-registry-and-records', m001],
  ['002-accounts-and-audit', m002],
  ['003-notifications-and-supervision', m003],
  ['004-schemes', m004],
  ['005-login-attempts-by-address', m005],
  ['007-unit-locations', m007],
  ['008-schedule-and-channels', m008],
  ['009-import-jobs', m009],
  ['011-received-at', m011],
  ['013-public-limits', m013],
  ['014-periods', m014],
  ['015-names-and-receipts', m015],
  ['016-tasks-by-area-and-appeals', m016],
  ['018-public-answers', m018],
];

/** Migrations that need the deployment's keys (db/keys.ts), which live outside the database. */
const KEYED_MIGRATIONS: [string, { up(db: Kysely<unknown>, keys: Keys): Promise<void> }][] = [
  ['010-keys-and-devices', m010],
];

/**
 * Applies every pending migration, or those up to and including `through` (a test builds the
 * database an older Outpost left behind that way); throws with the failing migration's name.
 */
export async function migrateToLatest(
  db: Kysely<unknown>,
  engine: Engine,
  keys: Keys,
  through?: string,
): Promise<void> {
  const migrations: Record<string, Migration> = {};
  for (const [name, m] of MIGRATIONS) migrations[name] = { up: (k) => m.up(k, engine) };
  for (const [name, m] of KEYED_MIGRATIONS) migrations[name] = { up: (k) => m.up(k, keys) };
  // Numbers are handed out to pieces of work built side by side, which may land in any order
  // (008 before 006): a database already at 008 must still take 006 when it arrives. Each
  // migration touches only its own tables and columns, so the order among them does not matter.
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => migrations },
    allowUnorderedMigrations: true,
  });
  const { error, results } = await (through ? migrator.migrateTo(through) : migrator.migrateToLatest());
  if (error) {
    const failed = results?.find((r) => r.status === 'Error');
    throw new Error(`migration ${failed?.migrationName ?? '?'} failed: ${String(error)}`);
  }
}
