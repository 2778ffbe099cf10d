/**
 * The officer registry's reads: postings within the actor's scope (outside it a person does not
 * exist), each answer audited as a read of people with the badges it showed.
 */
import type { z } from 'zod';
import type { Database } from '../../db/database.ts';
import { AppError } from '../../shared/errors.ts';
import type { officersQuery } from '#core/contracts/officers.schema.ts';
import type { Actor } from '../accounts/access.ts';
import { findPostings, postingHistory } from './officers.repository.ts';
import { auditPeopleRead } from './people-read.ts';

/** Postings by unit, area, role, day or name, one page. */
export async function listOfficers(db: Database, actor: Actor, query: z.infer<typeof officersQuery>) {
  const result = await findPostings(db.kysely, query, actor.scope);
  const { limit, offset, ...filter } = query;
  await auditPeopleRead(db, actor.who, 'officers', {
    filter,
    limit,
    offset,
    badges: result.items.map((p) => p.badge),
  });
  return { ...result, limit, offset };
}

/** One officer's postings, oldest first, named as in the latest. */
export async function officerHistory(db: Database, actor: Actor, badge: string) {
  const list = await postingHistory(db.kysely, badge, actor.scope);
  if (list.length === 0) throw new AppError('officer_not_found', { badge });
  await auditPeopleRead(db, actor.who, `officer ${badge}`, {});
  return { badge, name: list[list.length - 1].name, postings: list };
}
