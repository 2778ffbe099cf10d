/** Reference checks shared by several kinds: each names the column and the row's line. */
import type { SqlCheck } from './import-kind.ts';
import { coded } from '#core/errors/registry.ts';

export const missingArea = (column: string): SqlCheck => ({
  column,
  sql: `select s.line, s.${column} as v from $stage s left join areas a on a.code = s.${column} where s.${column} is not null and a.code is null`,
  problem: (r) => coded('unknown_reference', { target: 'area', value: r.v }),
});

export const missingUnit = (column: string): SqlCheck => ({
  column,
  sql: `select s.line, s.${column} as v from $stage s left join units u on u.code = s.${column} where u.code is null`,
  problem: (r) => coded('unknown_reference', { target: 'unit', value: r.v }),
});

export const notVillage = (column: string): SqlCheck => ({
  column,
  sql: `select s.line, s.${column} as v, a.level as level from $stage s join areas a on a.code = s.${column} where a.level <> 'village'`,
  problem: (r) => coded('not_village', { value: r.v, level: r.level }),
});
