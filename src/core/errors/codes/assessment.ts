/**
 * Codes of the registry's reads (an area, unit or officer asked for), the assessment (months,
 * schemes, indicators, rankings), scheme editing and the proposals of rewards.
 */
import { def, either, type FieldIssue } from '../types.ts';
import { zhName } from '../terms-zh.ts';

export const ASSESSMENT_ERRORS = {
  area_not_found: def(
    'not_found',
    { area: '220102000000' },
    (p) => `no area ${p.area} exists`,
    (p) => `没有代码为 ${p.area} 的地区`,
  ),
  unit_not_found: def(
    'not_found',
    { unit: 'R220102001001' },
    (p) => `no unit ${p.unit} exists`,
    (p) => `没有代码为 ${p.unit} 的单位`,
  ),
  room_or_station_not_found: def(
    'not_found',
    { unit: 'R220102001001' },
    (p) => `no station or room ${p.unit} exists`,
    (p) => `没有代码为 ${p.unit} 的派出所或警务室`,
  ),
  officer_not_found: def(
    'not_found',
    { badge: '220001' },
    (p) => `no officer with badge ${p.badge} exists`,
    (p) => `没有警号为 ${p.badge} 的民警`,
  ),
  work_needs_badge: def(
    'not_found',
    {},
    () =>
      "this account has no work of its own: only an officer's account (tied to a badge) has; the dashboard shows its area",
    () => '本账号没有“我的工作”：只有绑定警号的民警账号才有；请在工作台查看本账号的地区',
  ),
  officer_not_front_line: def(
    'not_found',
    { badge: '220001', month: '2019-06' },
    (p) => `no officer ${p.badge} is posted front-line in ${p.month}`,
    (p) => `${p.month} 没有警号为 ${p.badge} 的一线民警在岗`,
  ),
  month_invalid: def(
    'invalid_input',
    { value: '2019-13' },
    (p) => `month: "${p.value}" is not a month (YYYY-MM)`,
    (p) => `month：“${p.value}”不是月份（格式 年-月）`,
  ),
  year_invalid: def(
    'invalid_input',
    { value: 20190 },
    (p) => `year: ${p.value} is not a year`,
    (p) => `year：${p.value} 不是有效的年份`,
  ),
  scheme_unknown: def(
    'invalid_input',
    { value: 'quality', choices: ['performance', 'construction'] },
    (p) => `scheme: "${p.value}" is not ${either(p.choices)}`,
    (p) => `scheme：“${p.value}”不是 ${p.choices.map((c) => zhName('scheme', c)).join('、')} 之一`,
  ),
  indicator_unknown: def(
    'invalid_input',
    { value: 'speed', choices: ['crime_rate', 'satisfaction'] },
    (p) => `indicator: "${p.value}" is not one of ${p.choices.join(', ')}`,
    (p) => `indicator：“${p.value}”不是 ${p.choices.join(', ')} 之一`,
  ),
  scheme_not_for_units: def(
    'invalid_input',
    { scheme: 'construction', ranked: true },
    (p) => `scheme: units are ${p.ranked ? 'ranked under' : 'scored with'} the performance scheme, not ${p.scheme}`,
    (p) => `scheme：单位按工作考核方案${p.ranked ? '排名' : '计分'}，不能用${zhName('scheme', p.scheme)}`,
  ),
  scheme_not_for_officers: def(
    'invalid_input',
    { scheme: 'performance' },
    (p) => `scheme: officers are scored with the officer scheme, not ${p.scheme}`,
    (p) => `scheme：民警按个人考核方案计分，不能用${zhName('scheme', p.scheme)}`,
  ),
  nothing_to_rank: def(
    'invalid_input',
    { area: '220102001001', name: '南关社区' },
    (p) => `area: ${p.area} (${p.name}) has no areas under it to rank`,
    (p) => `area：${p.area}（${p.name}）下面没有可排名的地区`,
  ),

  // Saving a scheme: the whole refusal, then each place in the definition.
  scheme_not_saved: def(
    'invalid_input',
    {
      scheme: 'performance',
      year: 2019,
      issues: [{ at: 'thresholds.criticism', code: 'expected_number', params: {} }] as FieldIssue[],
    },
    (p, r) =>
      `the ${p.scheme} scheme of ${p.year} was not saved: ${p.issues.map((i) => `${i.at}: ${r(i)}`).join('; ')}`,
    (p, r) => `${p.year}年${zhName('scheme', p.scheme)}没有保存：${p.issues.map((i) => `${i.at}：${r(i)}`).join('；')}`,
  ),
  indicator_not_in_scheme: def(
    'invalid_input',
    { scheme: 'performance', known: ['crime_rate', 'satisfaction'] },
    (p) => `not an indicator of the ${p.scheme} scheme (it has ${p.known.join(', ')})`,
    (p) => `不是${zhName('scheme', p.scheme)}的指标（该方案的指标为 ${p.known.join(', ')}）`,
  ),
  indicator_settings_missing: def(
    'invalid_input',
    {},
    () => 'missing: every indicator of the scheme needs its settings',
    () => '缺少设置：方案的每个指标都需要设置',
  ),
  weight_out_of_range: def(
    'invalid_input',
    { value: 2000 as number | string, max: 1000 },
    (p) => `${p.value} is not a weight from 0 (not scored) to ${p.max}`,
    (p) => `${p.value} 不是 0（不计分）到 ${p.max} 之间的权重`,
  ),
  min_sample_out_of_range: def(
    'invalid_input',
    { value: 0 as number | string, max: 100_000_000 },
    (p) => `${p.value} is not a minimum sample above 0 and at most ${p.max} (empty: none)`,
    (p) => `${p.value} 不是大于 0、至多 ${p.max} 的最小样本量（留空表示不设）`,
  ),
  better_invalid: def(
    'invalid_input',
    { value: 'up' },
    (p) => `"${p.value}" is not higher or lower`,
    (p) => `“${p.value}”不是 higher（越高越好）或 lower（越低越好）`,
  ),
  floor_equals_target: def<{ value?: number }>(
    'invalid_input',
    { value: 60 },
    (p) => `floor and target must differ${p.value === undefined ? '' : ` (both ${p.value})`}`,
    (p) => `及格线和目标不能相同${p.value === undefined ? '' : `（都是 ${p.value}）`}`,
  ),
  target_worse_side: def<{ target?: number; floor?: number; better?: string }>(
    'invalid_input',
    { target: 40, floor: 60, better: 'higher' },
    (p) =>
      p.target === undefined
        ? 'the target must be on the better side of the floor'
        : `${p.target} is on the worse side of the floor ${p.floor} (${p.better} is better)`,
    (p) =>
      p.target === undefined
        ? '目标应在及格线“更好”的一侧'
        : `${p.target} 在及格线 ${p.floor} “更差”的一侧（${p.better === 'higher' ? '越高越好' : '越低越好'}）`,
  ),
  no_weight_above_zero: def(
    'invalid_input',
    {},
    () => 'at least one indicator needs a weight above 0 (weight 0 means not scored)',
    () => '至少一个指标的权重须大于 0（权重 0 表示不计分）',
  ),
  threshold_out_of_range: def(
    'invalid_input',
    { value: 120 as number | string },
    (p) => `${p.value} is not a composite from 0 to 100`,
    (p) => `${p.value} 不是 0 到 100 之间的综合得分`,
  ),
  interview_months_out_of_range: def(
    'invalid_input',
    { value: 13 as number | string },
    (p) => `${p.value} is not a whole number of months from 1 to 12`,
    (p) => `${p.value} 不是 1 到 12 之间的整月数`,
  ),
  criticism_above_commendation: def(
    'invalid_input',
    { criticism: 95, commendation: 90 },
    (p) => `${p.criticism} is above the commendation threshold ${p.commendation}`,
    (p) => `${p.criticism} 高于表扬标准 ${p.commendation}`,
  ),

  // Proposals of commendation, criticism and interview.
  proposal_id_invalid: def(
    'invalid_input',
    { id: 'x' },
    (p) => `id: "${p.id}" is not a proposal id (MONTH.AREA.HASH, as GET proposals lists them)`,
    (p) => `id：“${p.id}”不是建议编号（月份.地区.摘要）`,
  ),
  proposal_already_decided: def(
    'conflict',
    { id: '2019-06.220100000000.ab12', decision: 'approved', by: 'admin', at: '2024-01-02T03:04:05.000Z' },
    (p) => `proposal ${p.id} was already ${p.decision} by ${p.by} at ${p.at}`,
    (p) => `建议 ${p.id} 已由 ${p.by} 于 ${p.at} ${zhName('decision', p.decision)}`,
  ),
  proposal_not_found: def(
    'not_found',
    { id: '2019-06.220100000000.ab12' },
    (p) => `no proposal ${p.id} stands on the figures as they are now`,
    (p) => `按现在的数据，没有建议 ${p.id}`,
  ),
  proposal_decided_meanwhile: def(
    'conflict',
    { id: '2019-06.220100000000.ab12' },
    (p) => `proposal ${p.id} was decided meanwhile`,
    (p) => `建议 ${p.id} 已在此期间被处理`,
  ),
} as const;
