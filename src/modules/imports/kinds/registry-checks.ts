/** The registry's kinds as the import applies them: tables, provinces and reference checks (SPEC §2). */
import * as kinds from '#core/kinds/registry-kinds.ts';
import { LEVELS } from '#core/kinds/kind.ts';
import { provinceVia, type ImportKind } from './import-kind.ts';
import { missingArea, missingUnit, notVillage } from './checks.ts';

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
      reason: (v) => `no area ${v} exists`,
    },
    {
      column: 'level',
      sql: `select s.line, s.level || ' under the ' || p.level || ' ' || p.code as v from $stage s join areas p on p.code = s.parent_code where ${levelRank('s.level')} <= ${levelRank('p.level')}`,
      reason: (v) => `a ${v}: a child's level must be below its parent's`,
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
      sql: `select s.line, s.area_code || ' is a ' || a.level as v from $stage s join areas a on a.code = s.area_code where s.type in ('community_room', 'rural_office') and a.level <> 'township'`,
      reason: (v) => `a room belongs to a township; ${v}`,
    },
    {
      column: 'station_code',
      sql: `select s.line, s.station_code as v from $stage s left join units u on u.code = s.station_code where s.station_code is not null and u.code is null`,
      reason: (v) => `no station ${v} exists`,
    },
    {
      column: 'station_code',
      sql: `select s.line, s.station_code || ' is a ' || u.type as v from $stage s join units u on u.code = s.station_code where u.type <> 'station'`,
      reason: (v) => `${v}, not a station`,
    },
    {
      column: 'covers',
      sql: `select s.line, c.area_code as v from $stage s join unit_covers c on c.unit_code = s.code left join areas a on a.code = c.area_code where a.code is null`,
      reason: (v) => `no area ${v} exists`,
    },
    {
      column: 'covers',
      sql: `select s.line, c.area_code || ' is a ' || a.level as v from $stage s join unit_covers c on c.unit_code = s.code join areas a on a.code = c.area_code where a.level <> 'village'`,
      reason: (v) => `${v}: a room covers only village-level areas`,
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
      sql: `select s.line, o.start_date || ' to ' || coalesce(o.end_date, 'now') as v from $stage s join officers o on o.badge = s.badge and o.start_date <> s.start_date and o.voided_at is null and o.start_date <= coalesce(s.end_date, '9999-12-31') and s.start_date <= coalesce(o.end_date, '9999-12-31')`,
      reason: (v) => `overlaps this badge's posting from ${v}`,
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
