/** The saved versions of schemes: queries only. */
import type { Kysely } from 'kysely';
import type { DB, SchemeVersionTable } from '../../db/schema.ts';

export interface SchemeVersionRow {
  name: string;
  year: number;
  version: number;
  definition: string;
  note: string | null;
  saved_at: string;
  saved_by: string;
}

const COLUMNS = ['name', 'year', 'version', 'definition', 'note', 'saved_at', 'saved_by'] as const;

function normalize(row: SchemeVersionRow): SchemeVersionRow {
  return { ...row, year: Number(row.year), version: Number(row.version) };
}

/** The version in force for a scheme and year (the highest saved), if any was saved. */
export async function latestVersion(db: Kysely<DB>, name: string, year: number): Promise<SchemeVersionRow | undefined> {
  const row = await db
    .selectFrom('scheme_versions')
    .select(COLUMNS)
    .where('name', '=', name)
    .where('year', '=', year)
    .orderBy('version', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row && normalize(row);
}

/** Every saved version of a scheme for a year, newest first. */
export async function versionsOf(db: Kysely<DB>, name: string, year: number): Promise<SchemeVersionRow[]> {
  const rows = await db
    .selectFrom('scheme_versions')
    .select(COLUMNS)
    .where('name', '=', name)
    .where('year', '=', year)
    .orderBy('version', 'desc')
    .execute();
  return rows.map(normalize);
}

export async function insertVersion(db: Kysely<DB>, row: Omit<SchemeVersionTable, 'id'>): Promise<void> {
  await db.insertInto('scheme_versions').values(row).execute();
}
