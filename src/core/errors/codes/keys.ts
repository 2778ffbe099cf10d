/**
 * Codes of the key file kept outside the database (the audit chain's HMAC key, the key that seals
 * second factors): a key file that is missing its shape, readable by others, or not the one the
 * database or backup was keyed with.
 */
import { def } from '../types.ts';

export const KEY_ERRORS = {
  key_file_exposed: def(
    'internal',
    { file: '/var/outpost/outpost.keys', mode: '644' },
    (p) =>
      `the key file ${p.file} may be read by other users (mode ${p.mode}); make it the server's own: chmod 600 ${p.file}`,
    (p) => `密钥文件 ${p.file} 可被其他用户读取（权限 ${p.mode}）；请只让服务器用户可读：chmod 600 ${p.file}`,
  ),
  key_file_invalid: def(
    'internal',
    { file: '/var/outpost/outpost.keys', version: 1, bytes: 32 },
    (p) =>
      `${p.file} is not an Outpost key file (version ${p.version}, a ${p.bytes}-byte key); put the deployment's key file back, or point OUTPOST_KEY_FILE at it`,
    (p) =>
      `${p.file} 不是 Outpost 的密钥文件（版本 ${p.version}，${p.bytes} 字节的密钥）；请放回本部署的密钥文件，或用 OUTPOST_KEY_FILE 指向它`,
  ),
  key_file_other: def(
    'internal',
    { database_key: 'a1b2c3d4', file: '/var/outpost/outpost.keys', key: 'e5f6a7b8' },
    (p) =>
      `this database was keyed with the key file whose id is ${p.database_key}, but ${p.file} holds ${p.key}: put that database's key file back (or point OUTPOST_KEY_FILE at it); nothing was changed`,
    (p) =>
      `此数据库使用编号为 ${p.database_key} 的密钥文件，而 ${p.file} 中的密钥编号是 ${p.key}：请放回该数据库的密钥文件（或用 OUTPOST_KEY_FILE 指向它）；没有做任何改动`,
  ),
  backup_other_keys: def(
    'invalid_input',
    { backup_key: 'a1b2c3d4', file: '/var/outpost/outpost.keys', key: 'e5f6a7b8' },
    (p) =>
      `the backup was made by a database keyed with the key file whose id is ${p.backup_key}, and this one's (${p.file}) is ${p.key}: its second factors would not open and its audit chain would not verify here. Copy the key file of the deployment that made the backup to ${p.file} (or point OUTPOST_KEY_FILE at it) and restore again`,
    (p) =>
      `此备份来自使用编号为 ${p.backup_key} 的密钥文件的数据库，而本机的密钥文件（${p.file}）编号是 ${p.key}：在这里它的第二重验证无法打开，审计链也无法校验。请把制作备份的部署的密钥文件复制到 ${p.file}（或用 OUTPOST_KEY_FILE 指向它）后再恢复`,
  ),
  totp_secret_unreadable: def(
    'internal',
    { username: 'admin', file: '/var/outpost/outpost.keys', key: 'e5f6a7b8' },
    (p) =>
      `the second factor of ${p.username} cannot be read with the key file in use (${p.file}, id ${p.key}): it was sealed with another key file, or altered; restore the deployment's key file, or turn the factor off and on again (outpost user totp)`,
    (p) =>
      `无法用当前密钥文件（${p.file}，编号 ${p.key}）读取 ${p.username} 的第二重验证：它由另一个密钥文件加密，或已被改动；请放回本部署的密钥文件，或重新设置第二重验证（outpost user totp）`,
  ),
} as const;
