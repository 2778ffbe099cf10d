import { sql, type Kysely } from 'kysely';

/**
 * Where a unit is: an address for residents and a point (WGS 84 longitude and latitude) for the
 * map. All three optional, so every file and row written before stays valid.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('units').addColumn('address', 'text').execute();
  await db.schema.alterTable('units').addColumn('longitude', sql.raw('double precision')).execute();
  await db.schema.alterTable('units').addColumn('latitude', sql.raw('double precision')).execute();
}
