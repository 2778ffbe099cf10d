/** Decisions on proposals: queries only. */
import type { Kysely } from 'kysely';
import type { DB, ProposalDecisionTable } from '../../db/schema.ts';

export type DecisionRow = ProposalDecisionTable;

export function decisionsFor(db: Kysely<DB>, month: string, within: string): Promise<DecisionRow[]> {
  return db
    .selectFrom('proposal_decisions')
    .selectAll()
    .where('month', '=', month)
    .where('within_code', '=', within)
    .orderBy('id')
    .execute();
}

export function decisionById(db: Kysely<DB>, id: string): Promise<DecisionRow | undefined> {
  return db.selectFrom('proposal_decisions').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertDecision(db: Kysely<DB>, row: DecisionRow): Promise<void> {
  await db.insertInto('proposal_decisions').values(row).execute();
}
