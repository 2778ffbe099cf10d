/** Codes of `outpost backup` and `outpost restore`: a backup that cannot be made or read. */
import { def, type Coded } from '../types.ts';

/** An evidence row that refers to a file: shown so that the operator can find it. */
type EvidenceUser = {
  id: number;
  name: string;
  task: number;
};

const usersEn = (users: readonly EvidenceUser[]) =>
  users.map((u) => `evidence ${u.id} "${u.name}" of task ${u.task}`).join(', ');
const usersZh = (users: readonly EvidenceUser[]) =>
  users.map((u) => `任务 ${u.task} 的佐证 ${u.id}“${u.name}”`).join('、');
const EXAMPLE_USERS: EvidenceUser[] = [{ id: 3, name: 'photo.jpg', task: 12 }];

export const BACKUP_ERRORS = {
  restore_refused: def<{ file: string; cause: Coded }>(
    'invalid_input',
    { file: 'outpost.backup.gz', cause: { code: 'backup_truncated', params: {} } },
    (p, r) => `${p.file}: ${r(p.cause)}; nothing was restored`,
    (p, r) => `${p.file}：${r(p.cause)}；没有恢复任何内容`,
  ),
  backup_unreadable: def<{ file: string; cause: Coded }>(
    'internal',
    { file: 'outpost-2019.backup.gz', cause: { code: 'backup_truncated', params: {} } },
    (p, r) => `${p.file}: the backup does not read back: ${r(p.cause)}`,
    (p, r) => `${p.file}：备份无法读回：${r(p.cause)}`,
  ),
  backup_read_failure: def(
    'invalid_input',
    { detail: 'Unexpected end of JSON input' },
    (p) => `the backup is damaged (${p.detail})`,
    (p) => `备份已损坏（${p.detail}）`,
  ),
  backup_evidence_mismatch: def(
    'invalid_input',
    { name: 'ab/abcd' },
    (p) => `${p.name} does not match its SHA-256`,
    (p) => `${p.name} 与其 SHA-256 不符`,
  ),
  backup_damaged: def(
    'invalid_input',
    { file: 'outpost.backup.gz', detail: 'unexpected end of file' },
    (p) => `${p.file}: the backup is damaged (${p.detail}); nothing was restored`,
    (p) => `${p.file}：备份已损坏（${p.detail}）；没有恢复任何内容`,
  ),
  backup_truncated: def(
    'invalid_input',
    {},
    () => 'the backup ends early: it is truncated',
    () => '备份提前结束：文件不完整',
  ),
  backup_counts_mismatch: def(
    'invalid_input',
    {},
    () => 'the backup does not hold the tables and files its end counts',
    () => '备份中的表和文件与结尾记录的数目不符',
  ),
  backup_stray_line: def(
    'invalid_input',
    {},
    () => 'the backup holds a line that is no table, file or end',
    () => '备份中有一行既不是表、文件，也不是结尾',
  ),
  backup_trailing: def(
    'invalid_input',
    {},
    () => 'the backup goes on after its end',
    () => '备份在结尾之后还有内容',
  ),
  backup_lacks_evidence: def(
    'invalid_input',
    { files: ['ab/abcd'] },
    (p) => `the backup lacks the evidence file ${p.files.join(', ')}`,
    (p) => `备份缺少佐证文件 ${p.files.join('、')}`,
  ),
  backup_not_outpost: def(
    'invalid_input',
    {},
    () => 'not an Outpost backup',
    () => '不是 Outpost 的备份',
  ),
  backup_newer_format: def(
    'invalid_input',
    { version: 9 as number | string },
    (p) => `made by a newer Outpost (format version ${p.version}); upgrade first`,
    (p) => `由更新版本的 Outpost 制作（格式版本 ${p.version}）；请先升级`,
  ),
  backup_newer_migrations: def(
    'invalid_input',
    { migrations: ['099-later'] },
    (p) => `made by a newer Outpost (migrations ${p.migrations.join(', ')}); upgrade first`,
    (p) => `由更新版本的 Outpost 制作（迁移 ${p.migrations.join('、')}）；请先升级`,
  ),
  backup_unknown_table: def(
    'invalid_input',
    { table: 'notes' },
    (p) => `table ${p.table} does not exist here`,
    (p) => `这里没有表 ${p.table}`,
  ),
  backup_unknown_columns: def(
    'invalid_input',
    { table: 'units', columns: ['colour'] },
    (p) => `${p.table} has no column ${p.columns.join(', ')} here`,
    (p) => `这里的 ${p.table} 没有列 ${p.columns.join('、')}`,
  ),
  backup_cut_short: def(
    'invalid_input',
    { name: 'units' },
    (p) => `${p.name} is cut short`,
    (p) => `${p.name} 不完整`,
  ),
  backup_row_count: def(
    'invalid_input',
    { table: 'units', expected: 10 as number | string, found: 9 },
    (p) => `${p.table} should hold ${p.expected} rows, found ${p.found}`,
    (p) => `${p.table} 应有 ${p.expected} 行，实有 ${p.found} 行`,
  ),
  backup_evidence_size: def(
    'invalid_input',
    { name: 'ab/abcd', expected: 10 as number | string, found: 9 },
    (p) => `${p.name} should hold ${p.expected} bytes, found ${p.found}`,
    (p) => `${p.name} 应有 ${p.expected} 字节，实有 ${p.found} 字节`,
  ),
  backup_evidence_record: def(
    'invalid_input',
    { index: 2, total: 5 as number | string },
    (p) => `evidence file ${p.index} of ${p.total} is not a file named by its SHA-256`,
    (p) => `第 ${p.index} 个佐证文件（共 ${p.total} 个）不是以其 SHA-256 命名的文件`,
  ),
  backup_evidence_missing: def(
    'not_found',
    { file: 'ab/abcd', users: EXAMPLE_USERS, dir: '/var/outpost/evidence' },
    (p) =>
      `the evidence file ${p.file} (${usersEn(p.users)}) is missing from ${p.dir}; a backup without it would lose it, so none was written. Put the file back, or point OUTPOST_EVIDENCE_DIR at the folder that holds the evidence`,
    (p) =>
      `佐证文件 ${p.file}（${usersZh(p.users)}）不在 ${p.dir} 中；没有它的备份会丢失它，因此没有写入备份。请放回该文件，或把 OUTPOST_EVIDENCE_DIR 指向存放佐证的文件夹`,
  ),
  backup_evidence_changed: def(
    'conflict',
    { file: 'ab/abcd', users: EXAMPLE_USERS, dir: '/var/outpost/evidence' },
    (p) =>
      `the evidence file ${p.file} (${usersEn(p.users)}) no longer matches its SHA-256 in ${p.dir}; a backup without it would lose it, so none was written. Put the file back, or point OUTPOST_EVIDENCE_DIR at the folder that holds the evidence`,
    (p) =>
      `${p.dir} 中的佐证文件 ${p.file}（${usersZh(p.users)}）与其 SHA-256 不再相符；没有它的备份会丢失它，因此没有写入备份。请放回原文件，或把 OUTPOST_EVIDENCE_DIR 指向存放佐证的文件夹`,
  ),
} as const;
