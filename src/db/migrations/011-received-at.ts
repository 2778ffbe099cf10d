import { sql, type Kysely } from 'kysely';
import type { Engine } from '../engine.ts';

/** The six work-record kinds: each row learns when it reached Outpost. */
export const RECEIVED_TABLES = [
  'visits',
  'info_reports',
  'incidents',
  'surveys',
  'patrol_logs',
  'familiarity_checks',
] as const;

/**
 * When each work record reached Outpost (`received_at`, an instant in UTC ISO 8601 as every
 * stored timestamp), for the on-time rate of SPEC §5 completeness. It is the database server's
 * clock at the insert (a column default, so every way a row is added stamps it, and a replaced
 * row keeps the instant its key first arrived). Rows already stored take the start of the import
 * that last wrote them: history imported late shows as late.
 *
 * SQLite cannot add a column whose default is an expression, so there each table is rebuilt
 * with the column (the generalized ALTER TABLE procedure: its columns read from the table
 * itself, its indexes and triggers, whoever made them, recreated from their own SQL).
 */
export async function up(db: Kysely<unknown>, engine: Engine): Promise<void> {
  for (const table of RECEIVED_TABLES) {
    if (engine === 'postgres') {
      await sql`alter table ${sql.table(table)} add column received_at text`.execute(db);
      await backfill(db, table);
      await sql`alter table ${sql.table(table)} alter column received_at set default
        to_char(now() at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`.execute(db);
    } else {
      await rebuildSqlite(db, table);
      await backfill(db, table);
    }
    await sql`create index ${sql.id(`${table}_received_at_idx`)} on ${sql.table(table)} (received_at)`.execute(db);
  }
}

async function backfill(db: Kysely<unknown>, table: string): Promise<void> {
  await sql`update ${sql.table(table)} set received_at =
    (select i.started_at from imports i where i.id = ${sql.ref(`${table}.import_id`)})`.execute(db);
}

interface ColumnInfo {
  name: string;
  type: string;
  notnull: number;
  dflt_value: string | null;
  pk: number;
}

async function rebuildSqlite(db: Kysely<unknown>, table: string): Promise<void> {
  const { rows: columns } = await sql<ColumnInfo>`select name, type, "notnull", dflt_value, pk
    from pragma_table_info(${table}) order by cid`.execute(db);
  const { rows: dependents } = await sql<{ sql: string }>`select sql from sqlite_master
    where tbl_name = ${table} and type in ('index', 'trigger') and sql is not null`.execute(db);
  const key = columns.filter((c) => c.pk > 0).sort((a, b) => a.pk - b.pk);
  const definitions = [
    ...columns.map(
      (c) =>
        `"${c.name}" ${c.type}${c.notnull ? ' not null' : ''}${c.dflt_value !== null ? ` default ${c.dflt_value}` : ''}`,
    ),
    `"received_at" text default (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))`,
    `constraint "${table}_pkey" primary key (${key.map((c) => `"${c.name}"`).join(', ')})`,
  ];
  const names = columns.map((c) => `"${c.name}"`).join(', ');
  const next = `${table}__received`;
  await sql.raw(`create table "${next}" (${definitions.join(', ')})`).execute(db);
  await sql.raw(`insert into "${next}" (${names}) select ${names} from "${table}"`).execute(db);
  await sql.raw(`drop table "${table}"`).execute(db);
  await sql.raw(`alter table "${next}" rename to "${table}"`).execute(db);
  for (const d of dependents) await sql.raw(d.sql).execute(db);
}
