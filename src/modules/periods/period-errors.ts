/**
 * The refusals of periods, each with its category and its texts in English and Chinese. Shaped
 * as the error registry's entries, which they join when it arrives.
 */
import { AppError, type ErrorCode } from '../../shared/errors.ts';

type Params = Record<string, string | number | boolean | null | readonly string[]>;
interface Def<P extends Params> {
  category: ErrorCode;
  en(p: P): string;
  zh(p: P): string;
}
const def = <P extends Params>(category: ErrorCode, en: (p: P) => string, zh: (p: P) => string): Def<P> => ({
  category,
  en,
  zh,
});

const ACTION_ZH: Record<string, string> = { submit: '报送', approve: '审核', lock: '锁定', unlock: '解锁' };
const STATUS_ZH: Record<string, string> = { open: '未报送', submitted: '已报送', approved: '已审核', locked: '已锁定' };
const LEVEL_ZH: Record<string, string> = { province: '省', city: '市', county: '县', township: '乡镇', village: '村' };

export const PERIOD_ERRORS = {
  period_locked: def<{ area: string; month: string; locked_within: string; rows: number }>(
    'conflict',
    (p) =>
      `the period ${p.locked_within} ${p.month} is locked: ${p.rows} row${p.rows === 1 ? '' : 's'} dated in ${p.month} and placed in ${p.area} cannot be added, replaced or voided; nothing was written`,
    (p) =>
      `${p.locked_within} ${p.month} 已锁定：${p.rows} 条日期在 ${p.month}、属于 ${p.area} 的记录不能新增、替换或作废；未写入任何数据`,
  ),
  period_locked_row: def<{ area: string; month: string; locked_within: string }>(
    'conflict',
    (p) => `dated in ${p.month} and placed in ${p.area}: the period ${p.locked_within} ${p.month} is locked`,
    (p) => `日期在 ${p.month}、属于 ${p.area}：${p.locked_within} ${p.month} 已锁定`,
  ),
  period_status: def<{ area: string; month: string; action: string; status: string; expected: readonly string[] }>(
    'conflict',
    (p) =>
      `the period ${p.area} ${p.month} is ${p.status}; ${p.action} takes a period that is ${p.expected.join(' or ')}`,
    (p) =>
      `${p.area} ${p.month} 的状态是${STATUS_ZH[p.status]}；只有${p.expected.map((s) => STATUS_ZH[s]).join('或')}的期间才能${ACTION_ZH[p.action]}`,
  ),
  period_locked_above: def<{ area: string; month: string; action: string; locked_within: string }>(
    'conflict',
    (p) =>
      `the period ${p.area} ${p.month} is held by the lock of ${p.locked_within}; ${p.action === 'unlock' ? `unlock ${p.locked_within} instead` : 'nothing in it moves until that is unlocked'}`,
    (p) =>
      `${p.area} ${p.month} 处于 ${p.locked_within} 的锁定之下；${p.action === 'unlock' ? `请解锁 ${p.locked_within}` : '解锁之前不能变动'}`,
  ),
  period_not_submitter: def<{ area: string; level: string; submit_level: string }>(
    'invalid_input',
    (p) =>
      `area: ${p.area} (${p.level}) does not submit its months; the lowest areas at or above the ${p.submit_level} level do`,
    (p) =>
      `area：${p.area}（${LEVEL_ZH[p.level] ?? p.level}级）不报送；由${LEVEL_ZH[p.submit_level] ?? p.submit_level}级及以上的最低一级地区报送`,
  ),
  period_not_approver: def<{ area: string; approver: string | null; approve_level: string }>(
    'forbidden',
    (p) =>
      `the period of ${p.area} is approved above it, at the ${p.approve_level} level${p.approver ? ` (${p.approver})` : ''}, not by your account`,
    (p) =>
      `${p.area} 的期间由其上级${LEVEL_ZH[p.approve_level] ?? p.approve_level}级${p.approver ? `（${p.approver}）` : ''}审核，您的账户不能审核`,
  ),
  period_not_locker: def<{ area: string; action: string; lock_level: string }>(
    'forbidden',
    (p) => `only an account at the ${p.lock_level} level or above may ${p.action} the period of ${p.area}`,
    (p) => `只有${LEVEL_ZH[p.lock_level] ?? p.lock_level}级及以上的账户才能${ACTION_ZH[p.action]} ${p.area} 的期间`,
  ),
  period_own_submission: def<{ area: string; month: string; actor: string }>(
    'forbidden',
    (p) => `the period ${p.area} ${p.month} was submitted by ${p.actor}; its approver must be someone else`,
    (p) => `${p.area} ${p.month} 由 ${p.actor} 报送；审核人不能是报送人本人`,
  ),
  period_not_yours: def<{ area: string; action: string }>(
    'forbidden',
    (p) => `your account may not ${p.action} periods (${p.area})`,
    (p) => `您的账户不能${ACTION_ZH[p.action]}期间（${p.area}）`,
  ),
  period_unlock_reason: def<Record<string, never>>(
    'invalid_input',
    () => 'reason: unlocking a period needs a reason',
    () => 'reason：解锁期间须说明理由',
  ),
  period_month_not_over: def<{ month: string; last: string }>(
    'invalid_input',
    (p) => `month: ${p.month} is not over until ${p.last}; a month is locked once it is over`,
    (p) => `month：${p.month} 到 ${p.last} 才结束；月份结束后才能锁定`,
  ),
  period_figures_moving: def<{ area: string; month: string }>(
    'busy',
    (p) => `the figures of ${p.area} ${p.month} changed while they were being stored; lock it again`,
    (p) => `${p.area} ${p.month} 的数据在保存时发生了变化；请重新锁定`,
  ),
  period_figures_missing: def<{ area: string; month: string; scheme: string }>(
    'internal',
    (p) => `the period ${p.area} ${p.month} is locked but its ${p.scheme} figures were not stored`,
    (p) => `${p.area} ${p.month} 已锁定，但未保存其${p.scheme}数据`,
  ),
};

export type PeriodErrorCode = keyof typeof PERIOD_ERRORS;
type ParamsOf<C extends PeriodErrorCode> = Parameters<(typeof PERIOD_ERRORS)[C]['en']>[0];

/** The error of a period refusal. */
export function periodError<C extends PeriodErrorCode>(
  code: C,
  params: ParamsOf<C>,
  details: unknown[] = [],
): AppError {
  const entry = PERIOD_ERRORS[code] as Def<ParamsOf<C>>;
  return new AppError(entry.category, entry.en(params), details);
}
