import { sql, type Kysely } from 'kysely';
import type { Engine } from '../engine.ts';

/**
 * Assessment schemes as data, versioned by year (each save adds a version, none is changed),
 * and the decisions taken on reward and punishment proposals. Proposals themselves are derived
 * from the figures on every read; a decision keeps the figures it was taken on.
 */
export async function up(db: Kysely<unknown>, engine: Engine): Promise<void> {
  const id = sql.raw(engine === 'postgres' ? 'serial' : 'integer');
  await db.schema
    .createTable('scheme_versions')
    .addColumn('id', id, (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    // 1, 2, ... per name and year; the highest is the one in force.
    .addColumn('version', 'integer', (c) => c.notNull())
    // Canonical JSON: {"indicators": {NAME: {weight, floor, target, better}}, "thresholds": {...}}.
    .addColumn('definition', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('saved_at', 'text', (c) => c.notNull())
    .addColumn('saved_by', 'text', (c) => c.notNull())
    .addUniqueConstraint('scheme_versions_name_year_version', ['name', 'year', 'version'])
    .execute();

  await db.schema
    .createTable('proposal_decisions')
    // The proposal's id as derived: `MONTH.WITHIN.HASH` (see rewards/domain/proposals.ts).
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('month', 'text', (c) => c.notNull())
    .addColumn('within_code', 'text', (c) => c.notNull())
    .addColumn('scheme', 'text', (c) => c.notNull())
    .addColumn('subject_kind', 'text', (c) => c.notNull())
    .addColumn('subject_code', 'text', (c) => c.notNull())
    .addColumn('subject_name', 'text', (c) => c.notNull())
    .addColumn('measure', 'text', (c) => c.notNull())
    .addColumn('decision', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    // Canonical JSON of the figures behind the proposal when it was decided.
    .addColumn('figures', 'text', (c) => c.notNull())
    .addColumn('decided_at', 'text', (c) => c.notNull())
    .addColumn('decided_by', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('proposal_decisions_month_within_idx')
    .on('proposal_decisions')
    .columns(['month', 'within_code'])
    .execute();
}
