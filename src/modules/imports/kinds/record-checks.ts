/** The work records' kinds as the import applies them: tables, provinces and reference checks (SPEC §2). */
import * as kinds from '#core/kinds/record-kinds.ts';
import { provinceVia, type ImportKind, type SqlCheck } from './import-kind.ts';
import { missingArea, notVillage } from './checks.ts';
import { coded } from '#core/errors/registry.ts';

const areaProvince = provinceVia('areas', 'code', 'area_code');
const badgeProvince = provinceVia(
  '(select badge, min(province) as province from officers group by badge)',
  'badge',
  'badge',
);

const villageArea: SqlCheck[] = [missingArea('area_code'), notVillage('area_code')];

const knownBadge: SqlCheck = {
  column: 'badge',
  sql: `select s.line, s.badge as v from $stage s where not exists (select 1 from officers o where o.badge = s.badge)`,
  problem: (r) => coded('unknown_reference', { target: 'officer', value: r.v }),
};

export const visits: ImportKind = {
  ...kinds.visits,
  table: 'visits',
  province: areaProvince,
  checks: [...villageArea, knownBadge],
};

export const infoReports: ImportKind = {
  ...kinds.infoReports,
  table: 'info_reports',
  province: badgeProvince,
  checks: [knownBadge],
};

export const incidents: ImportKind = {
  ...kinds.incidents,
  table: 'incidents',
  province: areaProvince,
  checks: villageArea,
};

export const surveys: ImportKind = {
  ...kinds.surveys,
  table: 'surveys',
  province: areaProvince,
  checks: villageArea,
};

export const patrolLogs: ImportKind = {
  ...kinds.patrolLogs,
  table: 'patrol_logs',
  province: provinceVia('patrols', 'code', 'patrol_code'),
  checks: [
    {
      column: 'patrol_code',
      sql: `select s.line, s.patrol_code as v from $stage s left join patrols p on p.code = s.patrol_code where p.code is null`,
      problem: (r) => coded('unknown_reference', { target: 'patrol', value: r.v }),
    },
  ],
};

export const familiarityChecks: ImportKind = {
  ...kinds.familiarityChecks,
  table: 'familiarity_checks',
  province: badgeProvince,
  checks: [knownBadge],
};
