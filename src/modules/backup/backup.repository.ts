/**
 * The tables of a database and their rows, read and written the same way on both engines.
 * Migration bookkeeping stays with each database: a restore runs its own migrations first.
 */
import { sql, type Kysely } from 'kysely';
import type { Engine } from '../../db/engine.ts';
import type { DB } from '../../db/schema.ts';

const SKIP = /^(kysely_|sqlite_)/;

export async function listTables(db: Kysely<unknown>, engine: Engine): Promise<string[]> {
  const { rows } =
    engine === 'sqlite'
      ? await sql<{ name: string }>`select name from sqlite_master where type = 'table' order by name`.execute(db)
      : await sql<{ name: string }>`select table_name as name from information_schema.tables
          where table_schema = current_schema() and table_type = 'BASE TABLE' order by table_name`.execute(db);
  return rows.map((r) => r.name).filter((n) => !SKIP.test(n));
}

export async function listColumns(db: Kysely<unknown>, engine: Engine, table: string): Promise<string[]> {
  if (engine === 'sqlite') {
    const { rows } = await sql<{ name: string }>`select name from pragma_table_info(${table}) order by cid`.execute(db);
    return rows.map((r) => r.name);
  }
  const { rows } = await sql<{ name: string }>`select column_name as name from information_schema.columns
    where table_schema = current_schema() and table_name = ${table} order by ordinal_position`.execute(db);
  return rows.map((r) => r.name);
}

export async function appliedMigrations(db: Kysely<unknown>): Promise<string[]> {
  const { rows } = await sql<{ name: string }>`select name from kysely_migration order by name`.execute(db);
  return rows.map((r) => r.name);
}

/** Every evidence file the database refers to, once per digest, in a stable order. */
export async function referencedFiles(db: Kysely<DB>): Promise<{ path: string; sha256: string; size: number }[]> {
  const rows = await db
    .selectFrom('task_evidence')
    .select(['path', 'sha256', 'size'])
    .union(db.selectFrom('appeal_evidence').select(['path', 'sha256', 'size']))
    .execute();
  const once = new Map(rows.map((r) => [`${r.sha256}\u0000${r.path}`, r]));
  return [...once.values()].sort((a, b) => a.sha256.localeCompare(b.sha256) || a.path.localeCompare(b.path));
}

/** The evidence rows that refer to a file, to name them when it is missing or altered. */
export async function evidenceRowsOf(
  db: Kysely<DB>,
  sha256: string,
): Promise<{ id: number; task_id: number; file_name: string }[]> {
  return db
    .selectFrom('task_evidence')
    .select(['id', 'task_id', 'file_name'])
    .where('sha256', '=', sha256)
    .orderBy('id')
    .execute();
}
