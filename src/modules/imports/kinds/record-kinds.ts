import { areaCode, code, date, decimal, integer, oneOf, text, yesNo } from './columns.ts';
import { problem, provinceVia, type KindDef, type SqlCheck } from './kind.ts';
import { coded } from '#core/errors/registry.ts';
import { missingArea, notVillage } from './checks.ts';

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

export const visits: KindDef = {
  kind: 'visits',
  zh: '入户走访',
  table: 'visits',
  key: ['badge', 'date', 'household_ref'],
  columns: [
    date('date', '日期', '2019-06-03'),
    code('badge', '警号', '220001'),
    areaCode('area_code', '村居代码', '220102001001'),
    code('household_ref', '户编号', 'H0001'),
  ],
  province: areaProvince,
  checks: [...villageArea, knownBadge],
};

export const infoReports: KindDef = {
  kind: 'info_reports',
  zh: '信息报送',
  table: 'info_reports',
  key: ['ref'],
  columns: [
    code('ref', '编号', 'I2019-000001'),
    date('date', '日期', '2019-06-03'),
    code('badge', '警号', '220001'),
    text('category', '类别', 'security', { max: 64 }),
    yesNo('adopted', '是否采用'),
  ],
  province: badgeProvince,
  checks: [knownBadge],
};

export const incidents: KindDef = {
  kind: 'incidents',
  zh: '警情案件',
  table: 'incidents',
  key: ['ref'],
  columns: [
    code('ref', '编号', 'X2019-000001'),
    date('date', '日期', '2019-06-03'),
    areaCode('area_code', '村居代码', '220102001001'),
    oneOf('category', '类别', ['criminal', 'public_order']),
  ],
  province: areaProvince,
  checks: villageArea,
};

export const surveys: KindDef = {
  kind: 'surveys',
  zh: '群众测评',
  table: 'surveys',
  key: ['ref'],
  columns: [
    code('ref', '编号', 'Q2019-000001'),
    date('date', '日期', '2019-06-03'),
    areaCode('area_code', '村居代码', '220102001001'),
    yesNo('knows_officer', '知晓民警', { nullable: true }),
    integer('satisfaction', '满意度', '5', { min: 1, max: 5, nullable: true }),
    text('channel', '渠道', 'door', { nullable: true, max: 32 }),
  ],
  province: areaProvince,
  checks: villageArea,
};

export const patrolLogs: KindDef = {
  kind: 'patrol_logs',
  zh: '巡防记录',
  table: 'patrol_logs',
  key: ['patrol_code', 'date'],
  columns: [
    date('date', '日期', '2019-06-03'),
    code('patrol_code', '队伍代码', 'P220102001'),
    decimal('hours', '时长（小时）', '3.5', { min: 0, max: 24, exclusiveMin: true }),
    integer('participants', '参加人数', '6', { min: 1 }),
  ],
  province: provinceVia('patrols', 'code', 'patrol_code'),
  checks: [
    {
      column: 'patrol_code',
      sql: `select s.line, s.patrol_code as v from $stage s left join patrols p on p.code = s.patrol_code where p.code is null`,
      problem: (r) => coded('unknown_reference', { target: 'patrol', value: r.v }),
    },
  ],
};

export const familiarityChecks: KindDef = {
  kind: 'familiarity_checks',
  zh: '熟悉度抽查',
  table: 'familiarity_checks',
  key: ['ref'],
  columns: [
    code('ref', '编号', 'C2019-000001'),
    date('date', '日期', '2019-06-03'),
    code('badge', '警号', '220001'),
    integer('sampled', '抽查户数', '15'),
    integer('correct', '熟悉户数', '13'),
  ],
  rowRules(row) {
    if (Number(row.correct) > Number(row.sampled))
      return [problem('correct', 'more_than_sampled', { value: Number(row.correct), sampled: Number(row.sampled) })];
    return [];
  },
  province: badgeProvince,
  checks: [knownBadge],
};
