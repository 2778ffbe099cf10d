/**
 * The strings of completeness and timeliness, each role's landing, small samples and the audit
 * log page, in both languages; spread into the two dictionaries (messages-zh.ts,
 * messages-en.ts), whose types keep them complete.
 */
export const landingZh = {
  'scheme.err.sample': '最小样本量应大于 0（留空表示不设）。',
  'dash.standing': '{scope}第{rank}名',
  'dash.standingOf': '（共 {of} 个，{parent}）',
  'dash.standingScope.province': '全省',
  'dash.standingScope.city': '全市',
  'dash.standingScope.county': '全县（区）',
  'dash.standingScope.township': '全乡镇',
  'dash.completeness': '上报完整率',
  'dash.completenessFigures': '{reporting}/{rooms} 个警务室已上报（{rate}），按时 {onTime}（{onTimeRate}）',
  'dash.completenessLow': '本月上报完整率低于 {threshold}：各项得分和排名可能随后续上报变化。',
  'dash.onTimeMeans': '按时：记录在截止日 {deadline}（次月 {day} 日）当天或之前到达 Outpost；补录的历史数据算作迟报。',
  'dash.roomsNotReporting': '未上报的警务室',
  'col.reporting': '上报',
  'asm.tab.completeness': '上报完整率',
  'cmp.title': '{area} · {month} 上报完整率',
  'cmp.intro':
    '警务室在当月有至少一条走访、信息报送或熟悉度检查记录即为已上报；完整率 = 月末在用警务室中已上报的 ÷ 月末在用警务室。',
  'cmp.children': '{area}下级地区',
  'cmp.reporting': '已上报/警务室',
  'cmp.rate': '完整率',
  'cmp.onTimeRate': '按时率',
  'cmp.allReported': '所有在用警务室均已上报。',
  'cmp.warning': '本月只有 {rate} 的警务室已上报，低于 {threshold}：这里的得分、排名和建议可能随后续上报改变。',
};

export const landingEn: Record<keyof typeof landingZh, string> = {
  'scheme.err.sample': 'A minimum sample is above 0 (leave it empty for none).',
  'dash.standing': 'No. {rank} in {scope}',
  'dash.standingOf': ' (of {of}, {parent})',
  'dash.standingScope.province': 'the province',
  'dash.standingScope.city': 'the city',
  'dash.standingScope.county': 'the county',
  'dash.standingScope.township': 'the township',
  'dash.completeness': 'Reporting completeness',
  'dash.completenessFigures': '{reporting} of {rooms} rooms reported ({rate}); on time {onTime} ({onTimeRate})',
  'dash.completenessLow':
    "This month's reporting is below {threshold}: scores and ranks may still change as reports arrive.",
  'dash.onTimeMeans':
    'On time: the record reached Outpost by the deadline {deadline} (day {day} of the next month); history entered late counts as late.',
  'dash.roomsNotReporting': 'Rooms not reporting',
  'col.reporting': 'Reporting',
  'asm.tab.completeness': 'Completeness',
  'cmp.title': '{area} · {month} reporting completeness',
  'cmp.intro':
    "A room reports in a month when at least one visit, info report or familiarity check of the month is placed at it; completeness = open rooms at the month's end that report ÷ open rooms at the month's end.",
  'cmp.children': 'Areas in {area}',
  'cmp.reporting': 'Reported / rooms',
  'cmp.rate': 'Completeness',
  'cmp.onTimeRate': 'On time',
  'cmp.allReported': 'Every open room has reported.',
  'cmp.warning':
    'Only {rate} of the rooms have reported this month, below {threshold}: the scores, ranks and proposals here may change as reports arrive.',
};
