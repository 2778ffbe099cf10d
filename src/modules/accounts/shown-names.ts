/**
 * Audit actors as people read them: loads the display names of the accounts that some actors
 * name, and answers a function from actor to shown name (core/accounts/shown-name.ts).
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { accountOf, shownName } from '#core/accounts/shown-name.ts';

/** A function that shows each of `actors` (and any other, as its username) by its display name. */
export async function shownNames(db: Kysely<DB>, actors: Iterable<string | null>): Promise<(actor: string) => string> {
  const usernames = [...new Set([...actors].flatMap((a) => (a === null ? [] : (accountOf(a) ?? []))))];
  const rows = usernames.length
    ? await db.selectFrom('accounts').select(['username', 'display_name']).where('username', 'in', usernames).execute()
    : [];
  const names = new Map(rows.map((r) => [r.username, r.display_name]));
  return (actor) => shownName(actor, names);
}
