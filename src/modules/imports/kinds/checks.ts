/** Reference checks shared by several kinds: each names the column and the row's line. */
import type { SqlCheck } from './import-kind.ts';

export const missingArea = (column: string): SqlCheck => ({
  column,
  sql: `select s.line, s.${column} as v from $stage s left join areas a on a.code = s.${column} where s.${column} is not null and a.code is null`,
  reason: (v: string) => `no area ${v} exists`,
});

export const missingUnit = (column: string): SqlCheck => ({
  column,
  sql: `select s.line, s.${column} as v from $stage s left join units u on u.code = s.${column} where u.code is null`,
  reason: (v: string) => `no unit ${v} exists`,
});

export const notVillage = (column: string): SqlCheck => ({
  column,
  sql: `select s.line, s.${column} || ' is a ' || a.level as v from $stage s join areas a on a.code = s.${column} where a.level <> 'village'`,
  reason: (v: string) => `${v}, not a village-level area`,
});
