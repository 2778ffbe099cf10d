/**
 * An answer that names officers with their own figures (rankings of officers, an officer's
 * trend, a previewed officer ranking, proposals) is a read of people, audited as `people.read`
 * like the officer registry's own routes, with the badges it showed. Such an answer names only
 * the people of the reader's scope: outside it a person does not exist, in a list as on its own.
 */
import type { Database } from '../../db/database.ts';
import { AppError } from '../../shared/errors.ts';
import { audit, type AuditActor } from '../audit/audit.repository.ts';
import type { Scope } from '../accounts/scope.ts';
import { badgesInScope } from './officers.repository.ts';

export function auditPeopleRead(
  db: Database,
  who: AuditActor,
  target: string,
  detail: Record<string, unknown>,
): Promise<void> {
  return audit(db, who, { action: 'people.read', target, detail }).then(() => undefined);
}

/** The rows whose officer (`badgeOf`) exists for the scope; every row for a province-wide account. */
export async function peopleInScope<R>(
  db: Database,
  scope: Scope | null,
  rows: R[],
  badgeOf: (row: R) => string | null,
): Promise<R[]> {
  if (!scope) return rows;
  const seen = await badgesInScope(db.kysely, scope);
  return rows.filter((r) => {
    const badge = badgeOf(r);
    return badge === null || seen.has(badge);
  });
}

/** Throws officer_not_found, as for a badge no one has, unless the officer exists for the scope. */
export async function requirePerson(db: Database, scope: Scope | null, badge: string): Promise<void> {
  if (scope && !(await badgesInScope(db.kysely, scope, badge)).has(badge))
    throw new AppError('officer_not_found', { badge });
}
