/**
 * Jurisdiction: the one mechanism that limits what a signed-in account sees and writes. The
 * access hook sets `request.scope` from the account — null for province-wide roles — and every
 * repository applies it through the SQL helpers here, so a record or person outside the scope
 * simply is not found (404), the same as one that does not exist.
 *
 * @example
 *   if (scope) query = query.where('u.area_code', 'in', areasInScope(scope));
 */
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { FastifyRequest } from 'fastify';
import type { DB } from '../../db/schema.ts';
import { AppError } from '../../shared/errors.ts';
import { today } from '../../shared/clock.ts';
import { subtree } from '../areas/subtree.ts';
import { postedOn } from '../../db/predicates.ts';
import type { Role } from '#core/accounts/permissions.ts';

export interface Scope {
  /** The root of the area subtree the account reaches. */
  area: string;
  /** Officers: their own unit; units, patrol teams and people stop at it. */
  unit: string | null;
  /** Officers: their own badge; the records they write must carry it. */
  badge: string | null;
}

/** A code no area or unit has: a scope whose place is unknown reaches nothing. */
const NOWHERE = '';

/** The scope of a request, set by the access hook. Throws rather than guess when it was not set. */
export function scopeOf(request: FastifyRequest): Scope | null {
  if (request.scope === undefined)
    throw new AppError('internal_error', {
      detail: `no access decision was made for ${request.method} ${request.url}`,
    });
  return request.scope;
}

/** A manager reaches its area's subtree; an officer its unit, within its unit's area. */
export async function scopeFor(
  db: Kysely<DB>,
  account: { role: Role; area_code: string | null; badge: string | null },
): Promise<Scope | null> {
  if (account.role === 'manager') return { area: account.area_code ?? NOWHERE, unit: null, badge: null };
  if (account.role !== 'officer') return null;
  const badge = account.badge ?? NOWHERE;
  const day = today();
  // The posting that contains today, else the latest one.
  const posting = await db
    .selectFrom('officers as o')
    .leftJoin('units as u', 'u.code', 'o.unit_code')
    .select(['o.unit_code', 'u.area_code'])
    .where('o.badge', '=', badge)
    .where('o.voided_at', 'is', null)
    .where('o.start_date', '<=', day)
    .orderBy(sql`case when ${postedOn('o', day)} then 0 else 1 end`)
    .orderBy('o.start_date', 'desc')
    .executeTakeFirst();
  return { area: posting?.area_code ?? NOWHERE, unit: posting?.unit_code ?? NOWHERE, badge };
}

/** `(select code ...)`: the areas of the scope's subtree, for `column in (...)`. */
export function areasInScope(scope: Scope): RawBuilder<never> {
  return sql<never>`(${subtree(scope.area)} select code from sub)`;
}

/** The units the scope reaches: the officer's own, or every unit placed in the subtree. */
export function unitsInScope(scope: Scope): RawBuilder<never> {
  if (scope.unit !== null) return sql<never>`(select cast(${scope.unit} as text))`;
  return sql<never>`(select code from units where area_code in (${subtree(scope.area)} select code from sub))`;
}

/**
 * The areas an officer may name in a record: its unit's area subtree and the villages its unit
 * covers. A manager: its subtree.
 */
export function writableAreas(scope: Scope): RawBuilder<never> {
  if (scope.unit === null) return areasInScope(scope);
  return sql<never>`(${subtree(scope.area)} select code from sub union select area_code from unit_covers where unit_code = ${scope.unit})`;
}
