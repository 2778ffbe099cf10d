import type { Kysely } from 'kysely';

/**
 * Failed sign-ins are also counted per client address, across usernames (password spraying);
 * that count runs on every sign-in, so it gets an index of its own.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.createIndex('login_attempts_ip_idx').on('login_attempts').columns(['ip', 'at']).execute();
}
