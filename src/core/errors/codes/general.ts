/**
 * Codes of the framework and the storage (unexpected failures, a busy or full disk, an address
 * or request the server cannot take) and of input checked field by field (the API's zod
 * schemas, the CLI's options).
 */
import { def, either, type FieldIssue } from '../types.ts';

const TYPE_ZH: Record<string, string> = {
  string: '文本',
  number: '数字',
  int: '整数',
  boolean: '是或否',
  object: '对象',
  array: '列表',
};

const sizeUnitEn: Record<string, string> = { string: 'characters', array: 'items', set: 'items', file: 'bytes' };
const sizeUnitZh: Record<string, string> = { string: '个字符', array: '项', set: '项', file: '字节' };

function bound(p: { origin: string; limit: number | string; inclusive: boolean }, lang: 'en' | 'zh', low: boolean) {
  const unit = (lang === 'en' ? sizeUnitEn : sizeUnitZh)[p.origin];
  if (lang === 'en') {
    const word = low ? (p.inclusive ? 'at least' : 'more than') : p.inclusive ? 'at most' : 'less than';
    return `${word} ${p.limit}${unit ? ` ${unit}` : ''}`;
  }
  const word = low ? (p.inclusive ? '不少于' : '须大于') : p.inclusive ? '不超过' : '须小于';
  return `${word} ${p.limit}${unit ?? ''}`;
}

export const GENERAL_ERRORS = {
  internal: def(
    'internal',
    {},
    () => 'an unexpected failure; it has been logged under this request_id',
    () => '服务器发生意外错误，已按此请求编号（request_id）记录日志',
  ),
  internal_error: def(
    'internal',
    { detail: 'no scope rule for notes' },
    (p) => p.detail,
    (p) => `服务器内部错误：${p.detail}`,
  ),
  busy: def(
    'busy',
    {},
    () => 'the database is busy with another write; try again shortly',
    () => '数据库正忙于另一项写入，请稍后再试',
  ),
  not_ready: def(
    'not_ready',
    {},
    () => 'the server is shutting down; try again shortly',
    () => '服务器正在关闭，请稍后再试',
  ),
  disk_full: def(
    'disk_full',
    { store: 'database' },
    (p) =>
      `the disk holding ${p.store === 'uploads' ? 'uploads' : 'the database'} is full: nothing was written; free some space and try again`,
    (p) => `存放${p.store === 'uploads' ? '上传文件' : '数据库'}的磁盘已满：没有写入任何内容；请腾出空间后再试`,
  ),
  route_not_found: def(
    'not_found',
    { method: 'GET', path: '/api/v1/nothing' },
    (p) => `no route ${p.method} ${p.path}`,
    (p) => `没有 ${p.method} ${p.path} 这个接口`,
  ),
  address_invalid: def(
    'invalid_input',
    {},
    () => 'the address is not valid (bad percent-encoding)',
    () => '地址无效（百分号编码有误）',
  ),
  address_too_long: def(
    { category: 'invalid_input', status: 414 },
    {},
    () => 'a value in the address is too long',
    () => '地址中的某个值太长',
  ),
  request_invalid: def(
    'invalid_input',
    { detail: 'Unsupported Media Type' },
    (p) => p.detail,
    (p) => `请求无效：${p.detail}`,
  ),
  too_large: def(
    'too_large',
    { detail: 'Request body is too large' },
    (p) => p.detail,
    (p) => `请求内容太大：${p.detail}`,
  ),
  invalid_input: def(
    'invalid_input',
    { issues: [{ at: 'querystring.month', code: 'expected_month', params: {} }] as FieldIssue[] },
    (p, r) => p.issues.map((i) => `${i.at ? `${i.at}: ` : ''}${r(i)}`).join('; '),
    (p, r) => p.issues.map((i) => `${i.at ? `${i.at}：` : ''}${r(i)}`).join('；'),
  ),

  // A field's problem (a detail of invalid_input): zod's own kinds of issue, then our schemas'.
  expected_type: def(
    'invalid_input',
    { expected: 'string' },
    (p) => (p.expected === 'undefined' ? 'not expected here' : `expected ${p.expected}`),
    (p) => (p.expected === 'undefined' ? '此处不应有值' : `应为${TYPE_ZH[p.expected] ?? p.expected}`),
  ),
  value_missing: def(
    'invalid_input',
    {},
    () => 'required',
    () => '必须填写',
  ),
  too_small: def(
    'invalid_input',
    { origin: 'number', limit: 1 as number | string, inclusive: true },
    (p) => bound(p, 'en', true),
    (p) => bound(p, 'zh', true),
  ),
  too_big: def(
    'invalid_input',
    { origin: 'number', limit: 500 as number | string, inclusive: true },
    (p) => bound(p, 'en', false),
    (p) => bound(p, 'zh', false),
  ),
  invalid_format: def(
    'invalid_input',
    { format: 'regex' },
    (p) => `not a valid ${p.format === 'regex' ? 'value' : p.format}`,
    (p) => `格式不正确${p.format === 'regex' ? '' : `（${p.format}）`}`,
  ),
  invalid_value: def(
    'invalid_input',
    { values: ['performance', 'construction'] },
    (p) => `expected ${either(p.values.map((v) => `"${v}"`))}`,
    (p) => `应为 ${p.values.join('、')} 之一`,
  ),
  unrecognized_keys: def(
    'invalid_input',
    { keys: ['colour'] },
    (p) => `unknown ${p.keys.length === 1 ? 'key' : 'keys'} ${p.keys.join(', ')}`,
    (p) => `未知的字段：${p.keys.join('、')}`,
  ),
  not_multiple_of: def(
    'invalid_input',
    { divisor: 0.01 as number | string },
    (p) => `not a multiple of ${p.divisor}`,
    (p) => `须为 ${p.divisor} 的整数倍`,
  ),
  invalid_field: def(
    'invalid_input',
    {},
    () => 'not valid',
    () => '无效',
  ),
  expected_area_code: def(
    'invalid_input',
    {},
    () => 'an area code (letters, digits, - _ up to 32 characters)',
    () => '应为地区代码（字母、数字、- _，最多 32 位）',
  ),
  expected_code: def(
    'invalid_input',
    {},
    () => 'a code (letters, digits, - _ . / up to 64 characters)',
    () => '应为编码（字母、数字、- _ . /，最多 64 位）',
  ),
  expected_month: def(
    'invalid_input',
    {},
    () => 'a month (YYYY-MM)',
    () => '应为月份（格式 年-月）',
  ),
  expected_date: def(
    'invalid_input',
    {},
    () => 'a date (YYYY-MM-DD)',
    () => '应为日期（格式 年-月-日）',
  ),
  expected_calendar_day: def(
    'invalid_input',
    {},
    () => 'not a day of the calendar',
    () => '不是日历上存在的日期',
  ),
  month_out_of_range: def(
    'invalid_input',
    { min: 2000, max: 2100 },
    (p) => `a month of the years ${p.min} to ${p.max}`,
    (p) => `应为 ${p.min} 年至 ${p.max} 年之间的月份`,
  ),
  date_out_of_range: def(
    'invalid_input',
    { min: 2000, max: 2100 },
    (p) => `a day of the years ${p.min} to ${p.max}`,
    (p) => `应为 ${p.min} 年至 ${p.max} 年之间的日期`,
  ),
  expected_utc_time: def(
    'invalid_input',
    {},
    () => 'a day (YYYY-MM-DD) or a UTC time (YYYY-MM-DDTHH:MM:SSZ)',
    () => '应为日期（年-月-日）或 UTC 时间（格式 YYYY-MM-DDTHH:MM:SSZ）',
  ),
  expected_proposal_id: def(
    'invalid_input',
    {},
    () => 'a proposal id (MONTH.AREA.HASH)',
    () => '应为建议编号（月份.地区.摘要）',
  ),
  expected_number: def(
    'invalid_input',
    {},
    () => 'not a number',
    () => '不是数字',
  ),
  export_too_many_rows: def(
    'invalid_input',
    { rows: 1_100_000, max: 1_048_575 },
    (p) => `${p.rows} rows do not fit one worksheet (at most ${p.max}); narrow the filter or ask for format=csv`,
    (p) => `共 ${p.rows} 行，超出一张工作表的上限（${p.max} 行）；请缩小筛选范围，或改用 CSV 格式（format=csv）`,
  ),
} as const;
