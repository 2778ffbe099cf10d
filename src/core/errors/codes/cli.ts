/** Codes of the `outpost` command's own arguments: options, subcommands, files named. */
import { def, either } from '../types.ts';

const usageEn = (usage?: string) => (usage ? `\nusage: ${usage}` : '');
const usageZh = (usage?: string) => (usage ? `\n用法：${usage}` : '');
const dashes = (options: readonly string[]) => options.map((o) => `--${o}`);

export const CLI_ERRORS = {
  usage: def(
    'invalid_input',
    { usage: 'outpost void KIND KEY... --reason TEXT' },
    (p) => `usage: ${p.usage}`,
    (p) => `用法：${p.usage}`,
  ),
  cli_arguments: def(
    'invalid_input',
    { problem: "Unknown option '--colour'", usage: 'outpost rank --month M --within CODE' },
    (p) => `${p.problem}${usageEn(p.usage)}`,
    (p) => `参数有误：${p.problem}${usageZh(p.usage)}`,
  ),
  option_required: def(
    'invalid_input',
    { option: 'month', usage: 'outpost rank --month M --within CODE' },
    (p) => `--${p.option} is required${usageEn(p.usage)}`,
    (p) => `必须给出 --${p.option}${usageZh(p.usage)}`,
  ),
  subcommand_missing: def(
    'invalid_input',
    { command: 'tasks', choices: ['list', 'show', 'update'], usage: 'outpost tasks list|show|update' },
    (p) => `${p.command}: say ${either(p.choices)}${usageEn(p.usage)}`,
    (p) => `${p.command}：请指明 ${p.choices.join('、')} 之一${usageZh(p.usage)}`,
  ),
  subcommand_unknown: def(
    'invalid_input',
    { command: 'user', subcommand: 'remove', usage: 'outpost user add|list|disable' },
    (p) => `unknown subcommand: ${p.command} ${p.subcommand}${usageEn(p.usage)}`,
    (p) => `未知的子命令：${p.command} ${p.subcommand}${usageZh(p.usage)}`,
  ),
  option_needs: def(
    'invalid_input',
    { command: 'tasks list', option: 'offset', needs: 'limit', usage: 'outpost tasks list [--limit N --offset N]' },
    (p) => `${p.command}: --${p.option} goes with --${p.needs}${usageEn(p.usage)}`,
    (p) => `${p.command}：--${p.option} 须与 --${p.needs} 一起使用${usageZh(p.usage)}`,
  ),
  option_one_needed: def(
    'invalid_input',
    { command: 'tasks update', options: ['status', 'comment', 'evidence'], usage: 'outpost tasks update ID' },
    (p) => `${p.command}: give ${either(dashes(p.options))}${usageEn(p.usage)}`,
    (p) => `${p.command}：请给出 ${dashes(p.options).join('、')} 之一${usageZh(p.usage)}`,
  ),
  options_exclusive: def(
    'invalid_input',
    { options: ['file', 'indicator'], usage: 'outpost scheme set' },
    (p) => `give ${either(dashes(p.options))}, not both${usageEn(p.usage)}`,
    (p) => `${dashes(p.options).join('、')} 只能给出其一${usageZh(p.usage)}`,
  ),
  option_not_one_of: def(
    'invalid_input',
    { option: 'of', value: 'teams', choices: ['areas', 'rooms', 'stations', 'officers'], usage: 'outpost subjects' },
    (p) => `--${p.option}: "${p.value}" is not ${either(p.choices)}${usageEn(p.usage)}`,
    (p) => `--${p.option}：“${p.value}”不是 ${p.choices.join('、')} 之一${usageZh(p.usage)}`,
  ),
  option_not_number: def(
    'invalid_input',
    { option: 'weight', value: 'ten' },
    (p) => `--${p.option}: "${p.value}" is not a number`,
    (p) => `--${p.option}：“${p.value}”不是数字`,
  ),
  option_not_whole: def(
    'invalid_input',
    { option: 'seed', value: '1.5' },
    (p) => `--${p.option}: "${p.value}" is not a whole number`,
    (p) => `--${p.option}：“${p.value}”不是整数`,
  ),
  option_out_of_range: def(
    'invalid_input',
    { option: 'scale', value: '9', above: 0, max: 4 },
    (p) => `--${p.option}: "${p.value}" is not a number above ${p.above} and at most ${p.max}`,
    (p) => `--${p.option}：“${p.value}”须为大于 ${p.above} 且不超过 ${p.max} 的数`,
  ),
  setting_invalid: def(
    'invalid_input',
    { detail: 'OUTPOST_TZ: "Mars/Base" is not a time zone (an IANA name such as Asia/Shanghai)' },
    (p) => p.detail,
    (p) => `设置无效：${p.detail}`,
  ),
  port_invalid: def(
    'invalid_input',
    { value: '99999' },
    (p) => `--port: "${p.value}" is not a port number`,
    (p) => `--port：“${p.value}”不是端口号`,
  ),
  path_missing: def(
    'invalid_input',
    { path: 'data/import' },
    (p) => `${p.path}: no such file or folder`,
    (p) => `${p.path}：没有这个文件或文件夹`,
  ),
  file_missing: def<{ path: string; option?: string }>(
    'invalid_input',
    { path: 'photo.jpg', option: 'evidence' },
    (p) => `${p.option ? `--${p.option}: ` : ''}${p.path}: no such file`,
    (p) => `${p.option ? `--${p.option}：` : ''}${p.path}：没有这个文件`,
  ),
  file_unreadable: def(
    'invalid_input',
    { option: 'file', path: 'scheme.json', detail: 'Unexpected end of JSON input' },
    (p) => `--${p.option}: ${p.path}: ${p.detail}`,
    (p) => `--${p.option}：${p.path}：无法读取（${p.detail}）`,
  ),
  import_nothing_named: def(
    'invalid_input',
    { usage: 'outpost import DIR|FILE... [--dry-run]' },
    (p) => `name at least one folder or file${usageEn(p.usage)}`,
    (p) => `请至少指明一个文件夹或文件${usageZh(p.usage)}`,
  ),
  backup_file_unnamed: def(
    'invalid_input',
    { usage: 'outpost backup FILE' },
    (p) => `name the backup file${usageEn(p.usage)}`,
    (p) => `请指明备份文件${usageZh(p.usage)}`,
  ),
  summary_out_format: def(
    'invalid_input',
    { out: 'summary.txt', usage: 'outpost summary --year Y --area CODE --out FILE' },
    (p) => `--out: ${p.out}: the summary is written as .md or .docx (or .pdf, .html)${usageEn(p.usage)}`,
    (p) => `--out：${p.out}：年度总结只能写成 .md 或 .docx（或 .pdf、.html）${usageZh(p.usage)}`,
  ),
  notify_format_unknown: def(
    'invalid_input',
    { out: 'notice.txt' },
    (p) => `--format: ${p.out} does not say (use .docx, .pdf, .xlsx, .html or .md, or --format)`,
    (p) => `--format：无法从 ${p.out} 看出格式（请用 .docx、.pdf、.xlsx、.html 或 .md，或给出 --format）`,
  ),
  scheme_nothing_to_save: def(
    'invalid_input',
    { usage: 'outpost scheme set --year Y --scheme S' },
    (p) => `nothing to save: give --indicator NAME with settings, thresholds, or --file${usageEn(p.usage)}`,
    (p) => `没有要保存的内容：请给出 --indicator 名称及其设置、奖惩标准，或 --file${usageZh(p.usage)}`,
  ),
  audit_prune_too_recent: def(
    'invalid_input',
    { days: 180, limit: '2024-01-01' },
    (p) => `--before: entries are kept at least ${p.days} days; the latest date allowed today is ${p.limit}`,
    (p) => `--before：审计记录至少保留 ${p.days} 天；今天最晚只能清理到 ${p.limit}`,
  ),
} as const;
