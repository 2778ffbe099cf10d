/**
 * An answer that names officers with their own figures (rankings of officers, an officer's
 * trend, a previewed officer ranking) is a read of people, audited as `people.read` like the
 * officer registry's own routes, with the badges it showed.
 */
import type { Database } from '../../db/database.ts';
import { audit, type AuditActor } from '../audit/audit.repository.ts';

export function auditPeopleRead(
  db: Database,
  who: AuditActor,
  target: string,
  detail: Record<string, unknown>,
): Promise<void> {
  return audit(db, who, { action: 'people.read', target, detail }).then(() => undefined);
}
