/**
 * Codes of periods (issue 18): a (area, month) submitted, approved, locked and unlocked along
 * the chain of levels, and the lock that keeps every dated row of a locked month out.
 */
import { def, either, plural } from '../types.ts';
import { zhName } from '../terms-zh.ts';

const ACTION_ZH: Record<string, string> = { submit: '报送', approve: '审核', lock: '锁定', unlock: '解锁' };
const STATUS_ZH: Record<string, string> = { open: '未报送', submitted: '已报送', approved: '已审核', locked: '已锁定' };

export const PERIOD_ERRORS = {
  period_locked: def(
    'conflict',
    { area: '220102000000', month: '2019-06', locked_within: '220000000000', rows: 2 },
    (p) =>
      `the period ${p.locked_within} ${p.month} is locked: ${plural(p.rows, 'row')} dated in ${p.month} and placed in ${p.area} cannot be added, replaced or voided; nothing was written`,
    (p) =>
      `${p.locked_within} ${p.month} 已锁定：${p.rows} 条日期在 ${p.month}、属于 ${p.area} 的记录不能新增、替换或作废；未写入任何数据`,
  ),
  period_locked_row: def(
    'conflict',
    { area: '220102000000', month: '2019-06', locked_within: '220000000000' },
    (p) => `dated in ${p.month} and placed in ${p.area}: the period ${p.locked_within} ${p.month} is locked`,
    (p) => `日期在 ${p.month}、属于 ${p.area}：${p.locked_within} ${p.month} 已锁定`,
  ),
  period_status: def(
    'conflict',
    { area: '220102000000', month: '2019-06', action: 'approve', status: 'open', expected: ['submitted'] },
    (p) => `the period ${p.area} ${p.month} is ${p.status}; ${p.action} takes a period that is ${either(p.expected)}`,
    (p) =>
      `${p.area} ${p.month} 的状态是${STATUS_ZH[p.status] ?? p.status}；只有${p.expected.map((s) => STATUS_ZH[s] ?? s).join('或')}的期间才能${ACTION_ZH[p.action] ?? p.action}`,
  ),
  period_locked_above: def(
    'conflict',
    { area: '220102000000', month: '2019-06', action: 'unlock', locked_within: '220000000000' },
    (p) =>
      `the period ${p.area} ${p.month} is held by the lock of ${p.locked_within}; ${p.action === 'unlock' ? `unlock ${p.locked_within} instead` : 'nothing in it moves until that is unlocked'}`,
    (p) =>
      `${p.area} ${p.month} 处于 ${p.locked_within} 的锁定之下；${p.action === 'unlock' ? `请解锁 ${p.locked_within}` : '解锁之前不能变动'}`,
  ),
  period_not_submitter: def(
    'invalid_input',
    { area: '220000000000', level: 'province', submit_level: 'county' },
    (p) =>
      `area: ${p.area} (${p.level}) does not submit its months; the lowest areas at or above the ${p.submit_level} level do`,
    (p) =>
      `area：${p.area}（${zhName('level', p.level)}）不报送；由${zhName('level', p.submit_level)}及以上的最低一级地区报送`,
  ),
  period_not_approver: def<{ area: string; approver: string | null; approve_level: string }>(
    'forbidden',
    { area: '220102000000', approver: '220100000000', approve_level: 'city' },
    (p) =>
      `the period of ${p.area} is approved above it, at the ${p.approve_level} level${p.approver ? ` (${p.approver})` : ''}, not by your account`,
    (p) =>
      `${p.area} 的期间由其上级${zhName('level', p.approve_level)}${p.approver ? `（${p.approver}）` : ''}审核，您的账户不能审核`,
  ),
  period_not_locker: def(
    'forbidden',
    { area: '220102000000', action: 'lock', lock_level: 'province' },
    (p) => `only an account at the ${p.lock_level} level or above may ${p.action} the period of ${p.area}`,
    (p) => `只有${zhName('level', p.lock_level)}及以上的账户才能${ACTION_ZH[p.action] ?? p.action} ${p.area} 的期间`,
  ),
  period_own_submission: def(
    'forbidden',
    { area: '220102000000', month: '2019-06', actor: 'county-clerk' },
    (p) => `the period ${p.area} ${p.month} was submitted by ${p.actor}; its approver must be someone else`,
    (p) => `${p.area} ${p.month} 由 ${p.actor} 报送；审核人不能是报送人本人`,
  ),
  period_not_yours: def(
    'forbidden',
    { area: '220102000000', action: 'lock' },
    (p) => `your account may not ${p.action} periods (${p.area})`,
    (p) => `您的账户不能${ACTION_ZH[p.action] ?? p.action}期间（${p.area}）`,
  ),
  period_unlock_reason: def(
    'invalid_input',
    {},
    () => 'reason: unlocking a period needs a reason',
    () => 'reason：解锁期间须说明理由',
  ),
  period_month_not_over: def(
    'invalid_input',
    { month: '2019-06', last: '2019-06-30' },
    (p) => `month: ${p.month} is not over until ${p.last}; a month is locked once it is over`,
    (p) => `month：${p.month} 到 ${p.last} 才结束；月份结束后才能锁定`,
  ),
  period_figures_moving: def(
    'busy',
    { area: '220000000000', month: '2019-06' },
    (p) => `the figures of ${p.area} ${p.month} changed while they were being stored; lock it again`,
    (p) => `${p.area} ${p.month} 的数据在保存时发生了变化；请重新锁定`,
  ),
  period_figures_missing: def(
    'internal',
    { area: '220000000000', month: '2019-06', scheme: 'performance' },
    (p) => `the period ${p.area} ${p.month} is locked but its ${p.scheme} figures were not stored`,
    (p) => `${p.area} ${p.month} 已锁定，但未保存其${zhName('scheme', p.scheme)}数据`,
  ),
  period_chain_order: def(
    'invalid_input',
    { level: 'county', must_be_above: 'city' },
    (p) => `${p.level} is not above ${p.must_be_above}`,
    (p) => `${zhName('level', p.level)}不在${zhName('level', p.must_be_above)}之上`,
  ),
  period_approve_before_submit: def(
    'invalid_input',
    {},
    () => 'approvals are due on or after submissions',
    () => '审核截止日不能早于报送截止日',
  ),
  period_settings_corrupt: def(
    'internal',
    { detail: 'submit_level: invalid value' },
    (p) => `the stored period settings are not valid (${p.detail}); set them again`,
    (p) => `已保存的期间设置无效（${p.detail}）；请重新设置`,
  ),
};
