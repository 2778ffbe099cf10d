import { sql, type Kysely } from 'kysely';
import type { Engine } from '../engine.ts';

type ColumnType = 'text' | 'integer' | 'bigint' | 'double precision';
interface TableSpec {
  name: string;
  columns: [string, ColumnType, 'null' | 'notnull'][];
  key: string[];
  indexes?: string[][];
  tracked?: boolean;
}

const TRACKED: TableSpec['columns'] = [
  ['import_id', 'integer', 'notnull'],
  ['voided_at', 'text', 'null'],
  ['void_reason', 'text', 'null'],
  ['province', 'text', 'notnull'],
];

const TABLES: TableSpec[] = [
  {
    name: 'areas',
    columns: [
      ['code', 'text', 'notnull'],
      ['name', 'text', 'notnull'],
      ['level', 'text', 'notnull'],
      ['parent_code', 'text', 'null'],
      ['urban_rural', 'text', 'null'],
    ],
    key: ['code'],
    indexes: [['parent_code'], ['province', 'level']],
  },
  {
    name: 'population',
    columns: [
      ['area_code', 'text', 'notnull'],
      ['year', 'integer', 'notnull'],
      ['residents', 'integer', 'notnull'],
      ['households', 'integer', 'notnull'],
    ],
    key: ['area_code', 'year'],
  },
  {
    name: 'units',
    columns: [
      ['code', 'text', 'notnull'],
      ['name', 'text', 'notnull'],
      ['type', 'text', 'notnull'],
      ['area_code', 'text', 'notnull'],
      ['station_code', 'text', 'null'],
      ['covers', 'text', 'null'],
      ['status', 'text', 'notnull'],
      ['opened_on', 'text', 'null'],
      ['closed_on', 'text', 'null'],
      ['phone', 'text', 'null'],
      ['hours', 'text', 'null'],
    ],
    key: ['code'],
    indexes: [['area_code'], ['station_code']],
  },
  {
    name: 'officers',
    columns: [
      ['badge', 'text', 'notnull'],
      ['start_date', 'text', 'notnull'],
      ['name', 'text', 'notnull'],
      ['role', 'text', 'notnull'],
      ['unit_code', 'text', 'notnull'],
      ['end_date', 'text', 'null'],
      ['origin', 'text', 'notnull'],
      ['phone', 'text', 'null'],
    ],
    key: ['badge', 'start_date'],
    indexes: [['unit_code']],
  },
  {
    name: 'patrols',
    columns: [
      ['code', 'text', 'notnull'],
      ['name', 'text', 'notnull'],
      ['unit_code', 'text', 'notnull'],
      ['kind', 'text', 'notnull'],
      ['members', 'integer', 'notnull'],
    ],
    key: ['code'],
    indexes: [['unit_code']],
  },
  {
    name: 'equipment',
    columns: [
      ['unit_code', 'text', 'notnull'],
      ['item', 'text', 'notnull'],
      ['as_of', 'text', 'notnull'],
      ['quantity', 'integer', 'notnull'],
    ],
    key: ['unit_code', 'item', 'as_of'],
  },
  {
    name: 'inspections',
    columns: [
      ['unit_code', 'text', 'notnull'],
      ['date', 'text', 'notnull'],
      ['premises', 'text', 'notnull'],
      ['signage', 'text', 'notnull'],
      ['equipment', 'text', 'notnull'],
      ['staffing', 'text', 'notnull'],
      ['work_system', 'text', 'notnull'],
      ['duties', 'text', 'notnull'],
      ['records', 'text', 'notnull'],
    ],
    key: ['unit_code', 'date'],
  },
  {
    name: 'funds',
    columns: [
      ['ref', 'text', 'notnull'],
      ['kind', 'text', 'notnull'],
      ['date', 'text', 'notnull'],
      ['recipient_code', 'text', 'notnull'],
      ['amount_fen', 'bigint', 'notnull'],
      ['purpose', 'text', 'null'],
    ],
    key: ['ref'],
    indexes: [['recipient_code']],
  },
  {
    name: 'visits',
    columns: [
      ['badge', 'text', 'notnull'],
      ['date', 'text', 'notnull'],
      ['household_ref', 'text', 'notnull'],
      ['area_code', 'text', 'notnull'],
    ],
    key: ['badge', 'date', 'household_ref'],
    indexes: [['date']],
  },
  {
    name: 'info_reports',
    columns: [
      ['ref', 'text', 'notnull'],
      ['date', 'text', 'notnull'],
      ['badge', 'text', 'notnull'],
      ['category', 'text', 'notnull'],
      ['adopted', 'integer', 'notnull'],
    ],
    key: ['ref'],
    indexes: [['date']],
  },
  {
    name: 'incidents',
    columns: [
      ['ref', 'text', 'notnull'],
      ['date', 'text', 'notnull'],
      ['area_code', 'text', 'notnull'],
      ['category', 'text', 'notnull'],
    ],
    key: ['ref'],
    indexes: [['date']],
  },
  {
    name: 'surveys',
    columns: [
      ['ref', 'text', 'notnull'],
      ['date', 'text', 'notnull'],
      ['area_code', 'text', 'notnull'],
      ['knows_officer', 'integer', 'null'],
      ['satisfaction', 'integer', 'null'],
      ['channel', 'text', 'null'],
    ],
    key: ['ref'],
    indexes: [['date']],
  },
  {
    name: 'patrol_logs',
    columns: [
      ['patrol_code', 'text', 'notnull'],
      ['date', 'text', 'notnull'],
      ['hours', 'double precision', 'notnull'],
      ['participants', 'integer', 'notnull'],
    ],
    key: ['patrol_code', 'date'],
    indexes: [['date']],
  },
  {
    name: 'familiarity_checks',
    columns: [
      ['ref', 'text', 'notnull'],
      ['date', 'text', 'notnull'],
      ['badge', 'text', 'notnull'],
      ['sampled', 'integer', 'notnull'],
      ['correct', 'integer', 'notnull'],
    ],
    key: ['ref'],
    indexes: [['date']],
  },
];

/** The registry, the work records, their history and the import log. */
export async function up(db: Kysely<unknown>, engine: Engine): Promise<void> {
  const id = engine === 'postgres' ? 'serial' : 'integer';
  for (const table of TABLES) {
    let builder = db.schema.createTable(table.name);
    for (const [name, type, nullable] of [...table.columns, ...TRACKED]) {
      builder = builder.addColumn(name, sql.raw(type), (c) => (nullable === 'notnull' ? c.notNull() : c));
    }
    await builder.addPrimaryKeyConstraint(`${table.name}_pkey`, table.key as never).execute();
    for (const columns of table.indexes ?? []) {
      await db.schema
        .createIndex(`${table.name}_${columns.join('_')}_idx`)
        .on(table.name)
        .columns(columns)
        .execute();
    }
  }
  await db.schema
    .createTable('unit_covers')
    .addColumn('unit_code', 'text', (c) => c.notNull())
    .addColumn('area_code', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('unit_covers_pkey', ['unit_code', 'area_code'])
    .execute();
  await db.schema.createIndex('unit_covers_area_idx').on('unit_covers').column('area_code').execute();
  await db.schema
    .createTable('history')
    .addColumn('id', sql.raw(id), (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('row_key', 'text', (c) => c.notNull())
    .addColumn('data', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('reason', 'text')
    .addColumn('import_id', 'integer', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('history_kind_key_idx').on('history').columns(['kind', 'row_key']).execute();
  await db.schema
    .createTable('imports')
    .addColumn('id', sql.raw(id), (c) => c.primaryKey())
    .addColumn('started_at', 'text', (c) => c.notNull())
    .addColumn('finished_at', 'text')
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('files', 'text', (c) => c.notNull())
    .addColumn('written', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('meta')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .execute();
  await sql`insert into meta (key, value) values ('data_version', '0')`.execute(db);
}

export const TABLE_KEYS: Record<string, string[]> = Object.fromEntries(TABLES.map((t) => [t.name, t.key]));
