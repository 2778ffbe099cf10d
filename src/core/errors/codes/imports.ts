/**
 * Codes of import files as wholes (their names, kinds, headers, encodings and formats), of
 * imports and uploads, and of voiding a row.
 */
import { def, plural, type Coded } from '../types.ts';
import { zhName, zhNames } from '../terms-zh.ts';
import { byteSize } from '../byte-size.ts';

const firstListedEn = (count: number, listed: number) => (count > listed ? ` (the first ${listed} are listed)` : '');
const firstListedZh = (count: number, listed: number) => (count > listed ? `（列出前 ${listed} 个）` : '');

export const IMPORT_ERRORS = {
  // A file's header row.
  unknown_column: def(
    'invalid_input',
    { kind: 'surveys', columns: ['ref', 'date', 'area_code'] },
    (p) => `unknown column; ${p.kind} has ${p.columns.join(', ')}`,
    (p) => `未知的列；${zhName('kind', p.kind)}的列为 ${p.columns.join(', ')}`,
  ),
  column_twice: def(
    'invalid_input',
    {},
    () => 'the column appears twice',
    () => '这一列出现了两次',
  ),
  column_missing: def(
    'invalid_input',
    {},
    () => 'missing column',
    () => '缺少这一列',
  ),
  too_many_cells: def(
    'invalid_input',
    { cells: 7, width: 6 },
    (p) => `${p.cells} cells under a header of ${p.width}`,
    (p) => `有 ${p.cells} 个单元格，但表头只有 ${p.width} 列`,
  ),
  key_repeated: def(
    'invalid_input',
    { file: 'surveys.csv', line: 4 as number | string },
    (p) => `the same key as ${p.file}:${p.line} with different data`,
    (p) => `与 ${p.file}:${p.line} 的编号相同但内容不同`,
  ),
  area_listed_twice: def(
    'invalid_input',
    { area: '220102000000', line: 3 as number | string },
    (p) => `${p.area} appears twice (also line ${p.line})`,
    (p) => `${p.area} 出现了两次（另见第 ${p.line} 行）`,
  ),

  // A file as a whole: its name, kind, encoding and format.
  not_import_file: def(
    'invalid_input',
    {},
    () => 'not a .csv, .csv.gz or .xlsx file',
    () => '不是 .csv、.csv.gz 或 .xlsx 文件',
  ),
  kind_unknown: def(
    'invalid_input',
    { name: 'notes', expected: ['areas', 'units', 'surveys'] },
    (p) => `no kind of import is named "${p.name}" (expected ${p.expected.join(', ')})`,
    (p) => `没有名为“${p.name}”的数据类型（可用：${p.expected.join(', ')}）`,
  ),
  record_kind_unknown: def(
    'invalid_input',
    { name: 'notes', expected: ['areas', 'units', 'surveys'] },
    (p) => `no kind of record is named "${p.name}" (expected ${p.expected.join(', ')})`,
    (p) => `没有名为“${p.name}”的记录类型（可用：${p.expected.join(', ')}）`,
  ),
  template_not_found: def(
    'not_found',
    { name: 'notes' },
    (p) => `no kind of import is named "${p.name}"`,
    (p) => `没有名为“${p.name}”的数据类型`,
  ),
  file_empty: def(
    'invalid_input',
    {},
    () => 'the file is empty: a header row is required',
    () => '文件是空的：第一行须为表头',
  ),
  sheet_empty: def(
    'invalid_input',
    {},
    () => 'the sheet is empty: a header row is required',
    () => '工作表是空的：第一行须为表头',
  ),
  sheet_not_found: def(
    'invalid_input',
    { sheet: 'notes', sheets: ['surveys', 'visits'] },
    (p) =>
      `no sheet is named "${p.sheet}" (sheets: ${p.sheets.length ? p.sheets.map((s) => `"${s}"`).join(', ') : 'none'})`,
    (p) => `没有名为“${p.sheet}”的工作表（现有：${p.sheets.length ? p.sheets.join('、') : '无'}）`,
  ),
  file_not_found: def(
    'invalid_input',
    {},
    () => 'the file does not exist',
    () => '文件不存在',
  ),
  file_cannot_be_read: def(
    'invalid_input',
    { code: 'EACCES' },
    (p) => `the file cannot be read (${p.code})`,
    (p) => `无法读取文件（${p.code}）`,
  ),
  gzip_corrupt: def(
    'invalid_input',
    {},
    () => 'the gzip data is truncated or corrupt',
    () => 'gzip 数据不完整或已损坏',
  ),
  xlsx_unreadable: def(
    'invalid_input',
    { detail: 'no zip end record: the file is cut short or not XLSX' },
    (p) => `the file is not a readable XLSX workbook (${p.detail})`,
    (p) => `不是可读取的 XLSX 工作簿（${p.detail}）`,
  ),
  file_does_not_unpack: def(
    'invalid_input',
    { detail: 'unexpected end of file' },
    (p) => `the file is damaged: it does not unpack (${p.detail})`,
    (p) => `文件已损坏，无法解压（${p.detail}）`,
  ),
  text_utf16: def(
    'invalid_input',
    {},
    () => 'the file is UTF-16 text: save it as "CSV UTF-8"',
    () => '文件是 UTF-16 编码的文本：请另存为“CSV UTF-8”',
  ),
  text_not_utf8: def(
    'invalid_input',
    {},
    () => 'the text is not valid UTF-8 here, though the file began as UTF-8: save the whole file in one encoding',
    () => '文件开头是 UTF-8，但此处不是有效的 UTF-8：请用同一种编码保存整个文件',
  ),
  text_cut_short: def(
    'invalid_input',
    {},
    () => 'the file ends inside a UTF-8 character: it is cut short',
    () => '文件在一个 UTF-8 字符中间结束：文件不完整',
  ),
  quote_not_followed: def(
    'invalid_input',
    {},
    () => 'a quoted field must be followed by a comma or the end of the line',
    () => '引号内的字段后面必须是逗号或行尾',
  ),
  quote_never_closed: def(
    'invalid_input',
    {},
    () => 'the quoted field that opens here is never closed: the file ends inside it',
    () => '从此处开始的引号字段没有结束：文件在引号内结束',
  ),
  line_too_long: def<{ bytes: number; open_line?: number }>(
    'invalid_input',
    { bytes: 1048576, open_line: 12 },
    (p) =>
      `the line is longer than ${p.bytes} bytes${p.open_line ? ` (a quoted field opened on line ${p.open_line} runs on: is its closing quote missing?)` : ''}`,
    (p) =>
      `这一行超过 ${p.bytes} 字节${p.open_line ? `（第 ${p.open_line} 行开始的引号字段一直没有结束：是否漏了右引号？）` : ''}`,
  ),
  file_rejected: def<{ file: string; line: number | string | null; column: string; cause: Coded }>(
    'import_rejected',
    { file: 'units.csv', line: 1, column: '(file)', cause: { code: 'file_empty', params: {} } },
    (p, r) => (p.line === null ? `${p.file}: ${r(p.cause)}` : `${p.file}:${p.line}: ${p.column}: ${r(p.cause)}`),
    (p, r) => (p.line === null ? `${p.file}：${r(p.cause)}` : `${p.file}:${p.line}：${p.column}：${r(p.cause)}`),
  ),

  // An import, an upload.
  import_rejected: def<{ count?: number; listed?: number }>(
    'import_rejected',
    { count: 3, listed: 3 },
    (p) =>
      `the import was rejected and nothing was written${
        p.count === undefined ? '' : `: ${plural(p.count, 'error')}${firstListedEn(p.count, p.listed ?? p.count)}`
      }`,
    (p) =>
      `导入被拒绝，没有写入任何内容${
        p.count === undefined ? '' : `：共 ${p.count} 处错误${firstListedZh(p.count, p.listed ?? p.count)}`
      }`,
  ),
  leaders_rejected: def(
    'import_rejected',
    { file: 'leaders.csv', count: 2 },
    (p) => `${p.file}: ${p.count} ${p.count === 1 ? 'row was' : 'rows were'} rejected; nothing was written`,
    (p) => `${p.file}：${p.count} 行被拒绝，没有写入任何内容`,
  ),
  nothing_to_import: def(
    'invalid_input',
    {},
    () => 'nothing to import: no files were given',
    () => '没有可导入的内容：没有给出文件',
  ),
  upload_name_invalid: def(
    'invalid_input',
    { name: '..' },
    (p) => `name: "${p.name}" is not a file name (e.g. surveys.csv)`,
    (p) => `name：“${p.name}”不是文件名（例如 surveys.csv）`,
  ),
  upload_name_too_long: def(
    'invalid_input',
    {},
    () => 'name: the file name is too long (at most 200 bytes, about 66 Chinese characters)',
    () => 'name：文件名太长（最多 200 字节，约 66 个汉字）',
  ),
  body_not_file: def(
    'invalid_input',
    {},
    () => 'body: send the file itself (e.g. Content-Type: application/octet-stream)',
    () => '请求体：请直接发送文件本身（例如 Content-Type: application/octet-stream）',
  ),
  upload_cut_short: def(
    'invalid_input',
    {},
    () => 'the upload was cut short before the whole file arrived: nothing was written',
    () => '文件尚未完整上传就中断了：没有写入任何内容',
  ),
  upload_too_large: def<{ name: string; bytes: number | null; cap: number }>(
    'too_large',
    { name: 'surveys.csv', bytes: 600 * 1024 * 1024, cap: 512 * 1024 * 1024 },
    (p) =>
      `${p.name} is ${p.bytes === null ? `more than ${byteSize(p.cap)}` : byteSize(p.bytes)}; an import through the API takes at most ${byteSize(p.cap)} (split it, or import it with outpost import on the server)`,
    (p) =>
      `${p.name} ${p.bytes === null ? `超过 ${byteSize(p.cap)}` : `有 ${byteSize(p.bytes)}`}；通过网页导入的文件最大 ${byteSize(p.cap)}（请拆分，或在服务器上用 outpost import 导入）`,
  ),
  upload_unpacks_too_large: def(
    'too_large',
    { name: 'book.xlsx', cap: 512 * 1024 * 1024, workbook: true },
    (p) =>
      `${p.name} unpacks to more than ${byteSize(p.cap)}, the most ${p.workbook ? 'of a workbook ' : ''}an import through the API takes: split it, or import it with outpost import on the server`,
    (p) =>
      `${p.name} 解压后超过 ${byteSize(p.cap)}，超出网页导入${p.workbook ? '工作簿' : ''}的上限：请拆分，或在服务器上用 outpost import 导入`,
  ),
  scoped_too_many_rows: def(
    'too_large',
    { file: 'areas.csv', limit: 200000, kind: 'areas' },
    (p) =>
      `${p.file}: more than ${p.limit} rows of ${p.kind}; an account limited to an area imports at most that many at once (an admin's import has no such limit)`,
    (p) =>
      `${p.file}：${zhName('kind', p.kind)}超过 ${p.limit} 行；限于辖区的账号一次最多导入这么多（管理员导入不受此限）`,
  ),

  // Voiding a row.
  void_key_arity: def(
    'invalid_input',
    { kind: 'visits', key: ['badge', 'date', 'household_ref'] },
    (p) => `a ${p.kind} row is named by ${p.key.join(', ')} (${plural(p.key.length, 'value')})`,
    (p) => `${zhName('kind', p.kind)}的一行由 ${p.key.join(', ')} 确定（${p.key.length} 个值）`,
  ),
  void_reason_required: def(
    'invalid_input',
    {},
    () => 'a reason is required to void a row',
    () => '作废一行必须说明理由',
  ),
  row_not_found: def(
    'not_found',
    { kind: 'surveys', key: 'Q1-000006' },
    (p) => `no ${p.kind} row ${p.key} exists`,
    (p) => `没有${zhName('kind', p.kind)} ${p.key} 这一行`,
  ),
  row_already_voided: def(
    'conflict',
    { kind: 'surveys', key: 'Q1-000006', at: '2024-01-02T03:04:05.000Z' },
    (p) => `${p.kind} ${p.key} was already voided on ${p.at}`,
    (p) => `${zhName('kind', p.kind)} ${p.key} 已于 ${p.at} 作废`,
  ),
  demo_not_empty: def(
    'conflict',
    {},
    () => 'the demonstration province goes only into an empty database; this one already has areas',
    () => '演示省份只能建在空数据库中；这个数据库已有地区',
  ),
  officer_kinds_only: def(
    'forbidden',
    { kinds: ['visits', 'info_reports'], kind: 'units' },
    (p) => `an officer account writes only its own work records (${p.kinds.join(', ')}), not ${p.kind}`,
    (p) => `民警账号只能填报本人的工作记录（${zhNames('kind', p.kinds)}），不能填报${zhName('kind', p.kind)}`,
  ),
} as const;
