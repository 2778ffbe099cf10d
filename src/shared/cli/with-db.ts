import { openDatabase, resolveDbUrl, type Database, type OpenOptions } from '../../db/database.ts';

/** Opens the database named by --db or OUTPOST_DB for one command and always closes it. */
export async function withDatabase<T>(
  flag: string | undefined,
  fn: (db: Database) => Promise<T>,
  options: OpenOptions = {},
): Promise<T> {
  const db = await openDatabase(resolveDbUrl(flag), options);
  try {
    return await fn(db);
  } finally {
    await db.close();
  }
}
