/**
 * An answer that names officers with their own figures (rankings of officers, an officer's
 * trend, a previewed officer ranking) is a read of people, audited as `people.read` like the
 * officer registry's own routes, with the badges it showed.
 */
import type { FastifyRequest } from 'fastify';
import type { Database } from '../../db/database.ts';
import { audit } from '../audit/audit.repository.ts';
import { requestActor } from '../audit/audit.actor.ts';

export function auditPeopleRead(
  db: Database,
  request: FastifyRequest,
  target: string,
  detail: Record<string, unknown>,
): Promise<void> {
  return audit(db, requestActor(request), { action: 'people.read', target, detail }).then(() => undefined);
}
