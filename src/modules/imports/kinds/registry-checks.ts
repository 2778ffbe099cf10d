/** The registry's kinds as the import applies them: tables, provinces and reference checks (SPEC §2). */
import * as kinds from '#core/kinds/registry-kinds.ts';
import { LEVELS } from '#core/kinds/kind.ts';
import { provinceVia, type ImportKind } from './import-kind.ts';
import { missingArea, missingUnit, notVillage } from './checks.ts';
import { coded } from '#core/errors/registry.ts';

const levelRank = (expr: string) => `(case ${expr} ${LEVELS.map((l, i) => `when '${l}' then ${i}`).join(' ')} end)`;

export const areas: ImportKind = {
  ...kinds.areas,
  table: 'areas',
  // An area's province is its top ancestor: its parent's, merged in an earlier pass (the level
  // check refuses any parent that is not above its child), or its own code at the top.
  province: { join: 'left join areas pv on pv.code = s.parent_code', value: 'coalesce(pv.province, s.code)' },
  passes: { column: 'level', values: LEVELS },
  checks: [
    {
      column: 'parent_code',
      sql: `select s.line, s.parent_code as v from $stage s left join areas p on p.code = s.parent_code where s.parent_code is not null and p.code is null`,
      problem: (r) => coded('unknown_reference', { target: 'area', value: r.v }),
    },
    {
      column: 'level',
      sql: `select s.line, s.level as v, p.level as parent_level, p.code as parent from $stage s join areas p on p.code = s.parent_code where ${levelRank('s.level')} <= ${levelRank('p.level')}`,
      problem: (r) => coded('level_not_below_parent', { level: r.v, parent_level: r.parent_level, parent: r.parent }),
    },
  ],
};

export const population: ImportKind = {
  ...kinds.population,
  table: 'population',
  province: provinceVia('areas', 'code', 'area_code'),
  checks: [missingArea('area_code'), notVillage('area_code')],
};

export const units: ImportKind = {
  ...kinds.units,
  table: 'units',
  province: provinceVia('areas', 'code', 'area_code'),
  checks: [
    missingArea('area_code'),
    {
      column: 'area_code',
      sql: `select s.line, s.area_code as v, a.level as level from $stage s join areas a on a.code = s.area_code where s.type in ('community_room', 'rural_office') and a.level <> 'township'`,
      problem: (r) => coded('room_not_in_township', { value: r.v, level: r.level }),
    },
    {
      column: 'station_code',
      sql: `select s.line, s.station_code as v from $stage s left join units u on u.code = s.station_code where s.station_code is not null and u.code is null`,
      problem: (r) => coded('unknown_reference', { target: 'station', value: r.v }),
    },
    {
      column: 'station_code',
      sql: `select s.line, s.station_code as v, u.type as type from $stage s join units u on u.code = s.station_code where u.type <> 'station'`,
      problem: (r) => coded('not_a_station', { value: r.v, type: r.type }),
    },
    {
      column: 'covers',
      sql: `select s.line, c.area_code as v from $stage s join unit_covers c on c.unit_code = s.code left join areas a on a.code = c.area_code where a.code is null`,
      problem: (r) => coded('unknown_reference', { target: 'area', value: r.v }),
    },
    {
      column: 'covers',
      sql: `select s.line, c.area_code as v, a.level as level from $stage s join unit_covers c on c.unit_code = s.code join areas a on a.code = c.area_code where a.level <> 'village'`,
      problem: (r) => coded('covers_not_village', { value: r.v, level: r.level }),
    },
  ],
};

export const officers: ImportKind = {
  ...kinds.officers,
  table: 'officers',
  province: provinceVia('units', 'code', 'unit_code'),
  checks: [
    missingUnit('unit_code'),
    {
      column: 'start_date',
      sql: `select s.line, o.start_date as v, o.end_date as end_on from $stage s join officers o on o.badge = s.badge and o.start_date <> s.start_date and o.voided_at is null and o.start_date <= coalesce(s.end_date, '9999-12-31') and s.start_date <= coalesce(o.end_date, '9999-12-31')`,
      problem: (r) => coded('posting_overlap', { from: r.v, to: r.end_on ?? null }),
    },
  ],
};

export const patrols: ImportKind = {
  ...kinds.patrols,
  table: 'patrols',
  province: provinceVia('units', 'code', 'unit_code'),
  checks: [missingUnit('unit_code')],
};

export const equipment: ImportKind = {
  ...kinds.equipment,
  table: 'equipment',
  province: provinceVia('units', 'code', 'unit_code'),
  checks: [missingUnit('unit_code')],
};

export const inspections: ImportKind = {
  ...kinds.inspections,
  table: 'inspections',
  province: provinceVia('units', 'code', 'unit_code'),
  checks: [missingUnit('unit_code')],
};

export const funds: ImportKind = {
  ...kinds.funds,
  table: 'funds',
  province: provinceVia('areas', 'code', 'recipient_code'),
  checks: [missingArea('recipient_code')],
};
