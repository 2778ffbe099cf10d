/** The front-line work records' kinds (SPEC §2): visits, info reports, incidents, surveys, patrol logs, familiarity checks. */
import { areaCode, code, date, decimal, integer, oneOf, text, yesNo } from './columns.ts';
import { problem, type KindDef } from './kind.ts';

export const visits: KindDef = {
  kind: 'visits',
  zh: '入户走访',
  key: ['badge', 'date', 'household_ref'],
  columns: [
    date('date', '日期', '2019-06-03'),
    code('badge', '警号', '220001'),
    areaCode('area_code', '村居代码', '220102001001'),
    code('household_ref', '户编号', 'H0001'),
  ],
};

export const infoReports: KindDef = {
  kind: 'info_reports',
  zh: '信息报送',
  key: ['ref'],
  columns: [
    code('ref', '编号', 'I2019-000001'),
    date('date', '日期', '2019-06-03'),
    code('badge', '警号', '220001'),
    text('category', '类别', 'security', { max: 64 }),
    yesNo('adopted', '是否采用'),
  ],
};

export const incidents: KindDef = {
  kind: 'incidents',
  zh: '警情案件',
  key: ['ref'],
  columns: [
    code('ref', '编号', 'X2019-000001'),
    date('date', '日期', '2019-06-03'),
    areaCode('area_code', '村居代码', '220102001001'),
    oneOf('category', '类别', ['criminal', 'public_order']),
  ],
};

export const surveys: KindDef = {
  kind: 'surveys',
  zh: '群众测评',
  key: ['ref'],
  columns: [
    code('ref', '编号', 'Q2019-000001'),
    date('date', '日期', '2019-06-03'),
    areaCode('area_code', '村居代码', '220102001001'),
    yesNo('knows_officer', '知晓民警', { nullable: true }),
    integer('satisfaction', '满意度', '5', { min: 1, max: 5, nullable: true }),
    text('channel', '渠道', 'door', { nullable: true, max: 32 }),
  ],
};

export const patrolLogs: KindDef = {
  kind: 'patrol_logs',
  zh: '巡防记录',
  key: ['patrol_code', 'date'],
  columns: [
    date('date', '日期', '2019-06-03'),
    code('patrol_code', '队伍代码', 'P220102001'),
    decimal('hours', '时长（小时）', '3.5', { min: 0, max: 24, exclusiveMin: true }),
    integer('participants', '参加人数', '6', { min: 1 }),
  ],
};

export const familiarityChecks: KindDef = {
  kind: 'familiarity_checks',
  zh: '熟悉度抽查',
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
};
