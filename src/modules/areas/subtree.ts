import { sql } from 'kysely';

/**
 * A CTE `sub(code)` holding an area and everything below it, for `... in (select code from sub)`.
 * The tree alone says what contains what (SPEC §1): nothing is read from a code's digits.
 */
export function subtree(area: string) {
  return sql`with recursive sub(code) as (
    select code from areas where code = ${area}
    union all
    select a.code from areas a join sub on a.parent_code = sub.code
  )`;
}
