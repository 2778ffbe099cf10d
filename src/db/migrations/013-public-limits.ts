import type { Kysely } from 'kysely';

/**
 * Public limits kept in the database (issue 16): hits per kind of public route and network prefix
 * in fixed windows, so that a restart does not reset them; and the online answers taken past a
 * community's daily cap, which count but are flagged in the community's data quality.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('public_hits')
    // 'lookup' or 'survey'
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('prefix', 'text', (c) => c.notNull())
    // The window's start as an ISO instant.
    .addColumn('window_start', 'text', (c) => c.notNull())
    .addColumn('hits', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('public_hits_pk', ['kind', 'prefix', 'window_start'])
    .execute();
  await db.schema.createIndex('public_hits_window_idx').on('public_hits').column('window_start').execute();
  await db.schema
    .createTable('public_flagged')
    .addColumn('ref', 'text', (c) => c.primaryKey())
    .addColumn('area_code', 'text', (c) => c.notNull())
    .addColumn('date', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('public_flagged_area_idx').on('public_flagged').columns(['area_code', 'date']).execute();
}
