/**
 * A counter every write raises inside its transaction. Anything computed from the data (the
 * assessment cache) is valid only for the version it was computed at, so a write made by any
 * process is seen by every reader as soon as it commits.
 */
import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import type { DB } from './schema.ts';
import type { Tx } from './database.ts';

export async function bumpDataVersion(tx: Tx): Promise<void> {
  await sql`update meta set value = cast(cast(value as integer) + 1 as text) where key = 'data_version'`.execute(
    tx.kysely,
  );
}

export async function dataVersion(db: Kysely<DB>): Promise<number> {
  const row = await db.selectFrom('meta').select('value').where('key', '=', 'data_version').executeTakeFirst();
  return Number(row?.value ?? 0);
}
