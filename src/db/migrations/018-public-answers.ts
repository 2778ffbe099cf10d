import { sql, type Kysely } from 'kysely';

/**
 * Answers sent through the public survey form, kept apart from `surveys` records (issue 16): an
 * anonymous form can be flooded, so its answers are their own figure and count in the scored
 * rates only where the year's scheme says so. The form's answers already taken are carried over:
 * they are the live `online` rows whose ref an audit entry `public.survey` names (the form wrote
 * one with each answer); an imported row, whatever its channel, stays a record. And the
 * proof-of-work tokens spent, so that a restart does not let one be replayed within its life.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('public_answers')
    .addColumn('ref', 'text', (c) => c.primaryKey())
    .addColumn('date', 'text', (c) => c.notNull())
    .addColumn('area_code', 'text', (c) => c.notNull())
    // 1 yes, 0 no, null not answered (as in surveys)
    .addColumn('knows_officer', 'integer')
    .addColumn('satisfaction', 'integer')
    // When the server took it, as an ISO instant.
    .addColumn('received_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('public_answers_date_idx').on('public_answers').columns(['date', 'area_code']).execute();
  await db.schema
    .createTable('public_tokens')
    // The SHA-256 of a spent token (base64url): the token itself is never needed again.
    .addColumn('token_hash', 'text', (c) => c.primaryKey())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('public_tokens_expires_idx').on('public_tokens').column('expires_at').execute();
  await carryOver(db);
}

async function carryOver(db: Kysely<unknown>): Promise<void> {
  const { rows: audited } = await sql<{ detail: string; at: string }>`
    select detail, at from audit_log where action = 'public.survey'`.execute(db);
  const at = new Map<string, string>();
  for (const a of audited) {
    const ref = (JSON.parse(a.detail) as { ref?: unknown }).ref;
    if (typeof ref === 'string') at.set(ref, a.at);
  }
  const refs = [...at.keys()];
  for (let i = 0; i < refs.length; i += 500) {
    const batch = refs.slice(i, i + 500);
    const { rows } = await sql<{
      ref: string;
      date: string;
      area_code: string;
      knows_officer: number | null;
      satisfaction: number | null;
    }>`select ref, date, area_code, knows_officer, satisfaction from surveys
      where channel = 'online' and voided_at is null and ref in (${sql.join(batch)})`.execute(db);
    for (const r of rows) {
      await sql`insert into public_answers (ref, date, area_code, knows_officer, satisfaction, received_at)
        values (${r.ref}, ${r.date}, ${r.area_code}, ${r.knows_officer}, ${r.satisfaction}, ${at.get(r.ref)})`.execute(
        db,
      );
      await sql`delete from surveys where ref = ${r.ref}`.execute(db);
    }
  }
}
