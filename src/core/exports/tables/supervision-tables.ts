/**
 * Supervision's and the assessment's other tables as exported: the task board, the five
 * problems of an area and its children, and proposed commendations, criticisms and interviews.
 */
import type { z } from 'zod';
import type { fiveProblemsSchema } from '../../contracts/five-problems.schema.ts';
import type { proposalSchema } from '../../contracts/rewards.schema.ts';
import type { taskSchema } from '../../contracts/supervision.schema.ts';
import { col, defineTable, listCell, type ExportColumn } from '../export-table.ts';

type Task = z.infer<typeof taskSchema>;
export const TASKS_TABLE = defineTable<Task>('tasks', { zh: '督导整改任务', en: 'Supervision tasks' }, [
  col('id', '任务编号', 'Task', 'integer', (t) => t.id),
  col('notification', '通报文号', 'Notification', 'text', (t) => t.notification.number),
  col('issuing_area', '通报地区', 'Notifying area', 'text', (t) => t.notification.issuing_area),
  col('area_code', '地区代码', 'Area code', 'text', (t) => t.area.code),
  col('area_name', '地区名称', 'Area', 'text', (t) => t.area.name),
  col('month', '月份', 'Month', 'text', (t) => t.month),
  col('scheme', '考核方案', 'Scheme', 'text', (t) => t.scheme),
  col('indicator', '指标', 'Indicator', 'text', (t) => t.indicator),
  col('value', '指标值', 'Value', 'text', (t) => t.value),
  col('target', '目标值', 'Target', 'text', (t) => t.target),
  // A task per area lists several problems; the columns above are its first.
  col('problems', '问题指标', 'Problem indicators', 'text', (t) => t.indicators.map((i) => i.indicator).join('; ')),
  col('streak', '连续月数', 'Months in a row', 'integer', (t) => t.streak),
  col('repeat', '重复问题', 'Repeat', 'text', (t) => t.repeat),
  col('leader', '责任领导', 'Responsible leader', 'text', (t) => t.leader?.name ?? null),
  col('leader_title', '职务', 'Title', 'text', (t) => t.leader?.title ?? null),
  col('deadline', '整改期限', 'Deadline', 'text', (t) => t.deadline),
  col('status', '状态', 'Status', 'text', (t) => t.status),
  col('overdue', '逾期', 'Overdue', 'text', (t) => t.overdue),
  col('days_overdue', '逾期天数', 'Days overdue', 'integer', (t) => t.days_overdue),
]);

type Five = z.infer<typeof fiveProblemsSchema>;
export type FiveProblemsRow = Five['children'][number];
/** The area itself, then each child. */
export function fiveProblemsRows(f: Five): FiveProblemsRow[] {
  return [{ code: f.area.code, name: f.area.name, problems: f.problems }, ...f.children];
}

type Measure = { numerator: number; denominator: number; value: number | null };
const FIVE: { key: string; zh: string; en: string; of: (p: FiveProblemsRow['problems']) => Measure }[] = [
  { key: 'people', zh: '人（警力配备率）', en: 'People (staffing)', of: (p) => p.people },
  { key: 'premises', zh: '场所（覆盖率）', en: 'Premises (coverage)', of: (p) => p.premises },
  { key: 'working', zh: '怎么干（规范化率）', en: 'How to work (standardization)', of: (p) => p.working },
  { key: 'assessment', zh: '怎么考（考核上报率）', en: 'Assessment (reporting)', of: (p) => p.assessment },
  { key: 'retention', zh: '怎么留（任职两年以上）', en: 'Retention (two years or more)', of: (p) => p.retention },
  { key: 'turnover', zh: '流动率', en: 'Turnover', of: (p) => p.retention.turnover },
];
export const FIVE_PROBLEMS_TABLE = defineTable<FiveProblemsRow>(
  'five-problems',
  { zh: '五个问题', en: 'Five problems' },
  [
    col('code', '代码', 'Code', 'text', (r) => r.code),
    col('name', '名称', 'Name', 'text', (r) => r.name),
    ...FIVE.flatMap((m): ExportColumn<FiveProblemsRow>[] => [
      col(m.key, m.zh, m.en, 'percent', (r) => m.of(r.problems).value),
      col(`${m.key}.numerator`, `${m.zh}分子`, `${m.en} numerator`, 'integer', (r) => m.of(r.problems).numerator),
      col(`${m.key}.denominator`, `${m.zh}分母`, `${m.en} denominator`, 'integer', (r) => m.of(r.problems).denominator),
    ]),
  ],
);

type Proposal = z.infer<typeof proposalSchema>;
export const PROPOSALS_TABLE = defineTable<Proposal>('proposals', { zh: '奖惩建议', en: 'Proposals' }, [
  col('id', '编号', 'Id', 'text', (p) => p.id),
  col('month', '月份', 'Month', 'text', (p) => p.month),
  col('scheme', '考核方案', 'Scheme', 'text', (p) => p.scheme),
  col('subject_kind', '对象类别', 'Subject', 'text', (p) => p.subject_kind),
  col('code', '代码（警号）', 'Code (badge)', 'text', (p) => p.code),
  col('name', '名称', 'Name', 'text', (p) => p.name),
  col('measure', '建议', 'Measure', 'text', (p) => p.measure),
  col('status', '状态', 'Status', 'text', (p) => p.status),
  col('composite', '综合得分', 'Composite', 'decimal', (p) => p.figures.composite),
  col('rank', '名次', 'Rank', 'integer', (p) => p.figures.rank),
  col('ranked', '参评数', 'Ranked', 'integer', (p) => p.figures.ranked),
  col('lagging', '落后', 'Lagging', 'text', (p) => p.figures.lagging),
  col('problems', '问题', 'Problems', 'text', (p) => listCell(p.figures.problems)),
  col('decided_by', '决定人', 'Decided by', 'text', (p) => p.decision?.decided_by ?? null),
  col('decided_at', '决定时间', 'Decided at', 'text', (p) => p.decision?.decided_at ?? null),
  col('note', '说明', 'Note', 'text', (p) => p.decision?.note ?? null),
]);
