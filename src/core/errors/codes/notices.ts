/**
 * Codes of issuing and receiving a notification (issue 19): its deadline, the receipts (签收) of
 * the areas it ranks, and reminders (催办) to those that have not signed.
 */
import { def } from '../types.ts';

export const NOTICE_ERRORS = {
  notification_deadline_early: def(
    'invalid_input',
    { date: '2019-07-05', deadline: '2019-07-01' },
    (p) => `the deadline (${p.deadline}) must come after the notification's date (${p.date})`,
    (p) => `整改期限（${p.deadline}）应晚于通报日期（${p.date}）`,
  ),
  receipt_not_receiver: def(
    'not_found',
    { number: '吉公通〔2019〕7号', area: '220100000000' },
    (p) => `area: ${p.area} does not receive notification ${p.number} (it receives only the areas it ranks)`,
    (p) => `area：${p.area} 不是通报 ${p.number} 的受文单位（只有被排名的地区签收）`,
  ),
  receipt_not_yours: def(
    'forbidden',
    { number: '吉公通〔2019〕7号', area: '220200000000', own: '220100000000' as string | null },
    (p) =>
      `only an account of ${p.area} signs for its receipt of ${p.number}${p.own ? `; your account is of ${p.own}` : ''}; nothing was written`,
    (p) => `只有 ${p.area} 的账户才能签收通报 ${p.number}${p.own ? `；您的账户属于 ${p.own}` : ''}；未写入任何数据`,
  ),
  receipt_already_signed: def(
    'conflict',
    { number: '吉公通〔2019〕7号', area: '220100000000', signed_by: '张三', signed_at: '2019-07-06T01:02:03Z' },
    (p) => `${p.area} already signed for ${p.number} (${p.signed_by}, ${p.signed_at}); nothing was written`,
    (p) => `${p.area} 已于 ${p.signed_at} 签收通报 ${p.number}（${p.signed_by}）；未写入任何数据`,
  ),
  reminder_already_signed: def(
    'conflict',
    { number: '吉公通〔2019〕7号', areas: ['220100000000'] },
    (p) =>
      `areas: ${p.areas.join(', ')} already signed for ${p.number}: there is nothing to remind them of; nothing was sent`,
    (p) => `areas：${p.areas.join('、')} 已签收通报 ${p.number}，无需催办；未发送任何催办`,
  ),
  notification_superseded: def(
    'conflict',
    { number: '吉公通〔2019〕7号', superseded_by: '吉公通〔2019〕8号' },
    (p) => `notification ${p.number} was superseded by ${p.superseded_by}: sign for or chase that one instead`,
    (p) => `通报 ${p.number} 已被 ${p.superseded_by} 更正，请对更正后的通报签收或催办`,
  ),
};
