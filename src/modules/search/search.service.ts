/**
 * Search in the header: officers and rooms the account reaches. An answer naming officers is a
 * read of people, audited with the badges it showed.
 */
import type { z } from 'zod';
import type { AppContext } from '../app-context.ts';
import type { Actor } from '../accounts/access.ts';
import { today } from '../../shared/clock.ts';
import { auditPeopleRead } from '../officers/people-read.ts';
import type { SearchAnswer, searchQuery } from '#core/contracts/search.schema.ts';
import { findOfficers, findRooms } from './search.repository.ts';

/**
 * Officers by name or badge and rooms by name or code, within the actor's scope.
 *
 * @example await searchFor(ctx, actor, { q: '王', limit: 8 }) // { q: '王', officers: [...], rooms: [...] }
 */
export async function searchFor(
  ctx: Pick<AppContext, 'db'>,
  actor: Actor,
  query: z.infer<typeof searchQuery>,
): Promise<SearchAnswer> {
  const db = ctx.db.kysely;
  const officers = await findOfficers(db, query.q, today(), actor.scope, query.limit);
  const rooms = await findRooms(db, query.q, actor.scope, query.limit);
  if (officers.length)
    await auditPeopleRead(ctx.db, actor.who, 'search', { q: query.q, badges: officers.map((o) => o.badge) });
  return { q: query.q, officers, rooms };
}
