/** Codes of channels (webhooks, email, SMS), their deliveries and subscriptions, and the schedule's jobs. */
import { def } from '../types.ts';

export const CHANNEL_ERRORS = {
  channel_unnamed: def(
    'invalid_input',
    { command: 'channel retry', delivery: true, usage: 'outpost channel retry ID' },
    (p) => `${p.command}: name the ${p.delivery ? 'delivery' : 'channel'}\nusage: ${p.usage}`,
    (p) => `${p.command}：请指明${p.delivery ? '投递' : '渠道'}\n用法：${p.usage}`,
  ),
  delivery_id_invalid: def(
    'invalid_input',
    { value: 'x' },
    (p) => `channel retry: "${p.value}" is not a delivery id`,
    (p) => `channel retry：“${p.value}”不是投递编号`,
  ),
  smtp_required: def(
    'invalid_input',
    {},
    () => 'smtp: name the SMTP server (smtp://user:password@host:port), or set OUTPOST_SMTP_URL',
    () => 'smtp：请指明 SMTP 服务器（smtp://用户:密码@主机:端口），或设置 OUTPOST_SMTP_URL',
  ),
  channel_exists: def(
    'conflict',
    { name: 'province-wecom' },
    (p) => `a channel named ${p.name} exists`,
    (p) => `名为 ${p.name} 的渠道已存在`,
  ),
  channel_no_address: def(
    'invalid_input',
    { name: 'staff-mail' },
    (p) => `${p.name} only carries accounts' subscriptions; it has no address of its own to test (--to)`,
    (p) => `${p.name} 只发送各账号订阅的消息，没有可供测试的自有地址（--to）`,
  ),
  channel_not_found: def(
    'not_found',
    { name: 'province-wecom' },
    (p) => `no channel named ${p.name} exists`,
    (p) => `没有名为 ${p.name} 的渠道`,
  ),
  delivery_not_found: def(
    'not_found',
    { id: 42 },
    (p) => `no delivery ${p.id} exists`,
    (p) => `没有编号为 ${p.id} 的投递`,
  ),
  delivery_already_sent: def(
    'conflict',
    { id: 42, at: '2019-07-05T01:00:00.000Z' },
    (p) => `delivery ${p.id} was sent on ${p.at}`,
    (p) => `投递 ${p.id} 已于 ${p.at} 发送`,
  ),
  quiet_hours_incomplete: def(
    'invalid_input',
    {},
    () => 'quiet hours need both a start and an end',
    () => '免打扰时段须同时填写开始和结束时间',
  ),
  channel_not_subscribable: def(
    'invalid_input',
    { channel: 'province-wecom' },
    (p) => `no channel ${p.channel} takes subscriptions`,
    (p) => `没有接受订阅的渠道 ${p.channel}`,
  ),
  events_not_offered: def(
    'invalid_input',
    { channel: 'staff-mail', events: ['task.overdue'] },
    (p) => `${p.channel} does not bring you ${p.events.join(', ')}`,
    (p) => `${p.channel} 不向您发送 ${p.events.join('、')}`,
  ),
  contact_required: def(
    'invalid_input',
    { channel: 'staff-mail', email: true },
    (p) => `${p.channel} sends ${p.email ? 'email: give your email address' : 'SMS: give your phone number'}`,
    (p) => `${p.channel} ${p.email ? '通过电子邮件发送：请填写您的邮箱' : '通过短信发送：请填写您的手机号'}`,
  ),
  job_not_found: def(
    'not_found',
    { name: 'nightly', jobs: ['draft_notifications', 'backup'] },
    (p) => `no job named ${p.name} (jobs: ${p.jobs.join(', ')})`,
    (p) => `没有名为 ${p.name} 的定时任务（现有：${p.jobs.join('、')}）`,
  ),
} as const;
