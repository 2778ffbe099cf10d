/**
 * The Chinese names of the few enumerations error texts mention (levels, unit types, kinds of
 * import, task states). A value without a name shows as it is.
 */
const NAMES: Record<string, Record<string, string>> = {
  level: { province: '省级', city: '市级', county: '县级', township: '乡镇级', village: '村级' },
  unit: {
    bureau: '县级公安局',
    station: '派出所',
    community_room: '社区警务室',
    rural_office: '农村警务室',
  },
  status: { planned: '规划中', building: '建设中', open: '运行', closed: '已撤销' },
  task: {
    open: '待整改',
    in_progress: '整改中',
    rectified: '已整改待核验',
    verified: '已核验办结',
    withdrawn: '已撤回',
  },
  kind: {
    areas: '行政区划',
    population: '人口',
    units: '单位',
    officers: '民警任职',
    patrols: '巡防队伍',
    equipment: '装备',
    inspections: '规范化检查',
    funds: '建设经费',
    visits: '入户走访',
    info_reports: '信息报送',
    incidents: '警情案件',
    surveys: '群众测评',
    patrol_logs: '巡防记录',
    familiarity_checks: '熟悉度抽查',
    leaders: '责任领导',
  },
  scheme: { performance: '工作考核方案', construction: '建设进度方案', officer: '民警个人考核方案' },
  role: { admin: '管理员', analyst: '分析员', manager: '管理者', officer: '民警', auditor: '审计员' },
  decision: { approved: '批准', rejected: '驳回' },
};

/** The Chinese name of `value` in `list` (`zhName('level', 'city')` is `市级`). */
export function zhName(list: keyof typeof NAMES | string, value: string): string {
  return NAMES[list]?.[value] ?? value;
}

/** Several names joined as Chinese lists them: `入户走访、信息报送`. */
export function zhNames(list: string, values: readonly string[]): string {
  return values.map((v) => zhName(list, v)).join('、');
}
