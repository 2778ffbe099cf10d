/** The unit registry's reads, within the actor's scope (outside it a unit does not exist). */
import type { z } from 'zod';
import type { Database } from '../../db/database.ts';
import { AppError } from '../../shared/errors.ts';
import { today } from '../../shared/clock.ts';
import type { patrolsQuery, unitDetailQuery, unitsQuery } from '#core/contracts/units.schema.ts';
import type { Actor } from '../accounts/access.ts';
import { auditPeopleRead } from '../officers/people-read.ts';
import { findPatrols, findUnits, unitDetail } from './units.repository.ts';

/** Units by area, type or name, one page. */
export async function listUnits(db: Database, actor: Actor, query: z.infer<typeof unitsQuery>) {
  return { ...(await findUnits(db.kysely, query, actor.scope)), limit: query.limit, offset: query.offset };
}

/** A unit on a day (today by default); it names the officers posted there, so it is audited as a read of people. */
export async function unitOn(db: Database, actor: Actor, code: string, query: z.infer<typeof unitDetailQuery>) {
  const unit = await unitDetail(db.kysely, code, query.date ?? today(), actor.scope);
  if (!unit) throw new AppError('unit_not_found', { unit: code });
  await auditPeopleRead(db, actor.who, `unit ${unit.code}`, {
    date: unit.date,
    badges: unit.officers.map((o) => o.badge),
  });
  return unit;
}

/** Patrol teams by unit, area or kind, one page. */
export async function listPatrols(db: Database, actor: Actor, query: z.infer<typeof patrolsQuery>) {
  return { ...(await findPatrols(db.kysely, query, actor.scope)), limit: query.limit, offset: query.offset };
}
