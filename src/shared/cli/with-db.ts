import { openDatabase, resolveDbUrl, type Database } from '../../db/database.ts';

/** Opens the database named by --db or OUTPOST_DB for one command and always closes it. */
export async function withDatabase<T>(flag: string | undefined, fn: (db: Database) => Promise<T>): Promise<T> {
  const db = await openDatabase(resolveDbUrl(flag));
  try {
    return await fn(db);
  } finally {
    await db.close();
  }
}
