/**
 * Codes of signing in, accounts and passwords, roles, and an account's jurisdiction (scope):
 * what it may not see or write.
 */
import { def } from '../types.ts';
import { zhName } from '../terms-zh.ts';

const SIGN_IN =
  'sign in with POST /api/v1/session {"username", "password"} and send the session cookie or "Authorization: Bearer <token>"';

/** What a failed sign-in may add: this failure locked the username, or the address. */
type LockNotice = {
  locked_after?: number;
  locked_minutes?: number;
  username?: string;
  /** The lock is this device's alone (it holds a device cookie of the username). */
  from_device?: boolean;
  address_failures?: number;
  address_minutes?: number;
  paused_until?: string;
};

function lockEn(p: LockNotice): string {
  const from = p.from_device ? ' from this device' : '';
  const user = p.locked_after
    ? `; after ${p.locked_after} failures in a row${from}, sign-in as ${p.username}${from} is now locked for ${p.locked_minutes} minutes`
    : '';
  const address = p.paused_until
    ? `; after ${p.address_failures} failed sign-ins from this address within ${p.address_minutes} minutes, sign-in from it is paused until ${p.paused_until}`
    : '';
  return user + address;
}

function lockZh(p: LockNotice): string {
  const user = !p.locked_after
    ? ''
    : p.from_device
      ? `；此设备连续失败 ${p.locked_after} 次，账号 ${p.username} 在此设备上已锁定 ${p.locked_minutes} 分钟`
      : `；连续失败 ${p.locked_after} 次，账号 ${p.username} 已锁定 ${p.locked_minutes} 分钟`;
  const address = p.paused_until
    ? `；此地址 ${p.address_minutes} 分钟内登录失败 ${p.address_failures} 次，暂停登录至 ${p.paused_until}`
    : '';
  return user + address;
}

export const ACCESS_ERRORS = {
  no_account_yet: def(
    'unauthenticated',
    {},
    () =>
      "no account exists yet: on the server, create the first admin with `npx outpost user add --username admin --password '<12 or more characters>' --role admin`, then sign in (POST /api/v1/session)",
    () =>
      "还没有任何账号：请在服务器上用 `npx outpost user add --username admin --password '<至少 12 个字符>' --role admin` 创建第一个管理员，然后登录",
  ),
  sign_in_required: def(
    'unauthenticated',
    {},
    () => SIGN_IN,
    () => '请先登录',
  ),
  session_ended: def(
    'unauthenticated',
    {},
    () => `your session has ended or is not valid; ${SIGN_IN}`,
    () => '登录已过期或无效，请重新登录',
  ),
  metrics_refused: def(
    'forbidden',
    {},
    () =>
      'metrics are answered only to a caller on this machine that came through no proxy, or with the token of OUTPOST_METRICS_TOKEN as "Authorization: Bearer"',
    () => '指标只提供给本机未经代理的调用方，或带有 OUTPOST_METRICS_TOKEN 令牌（Authorization: Bearer）的请求',
  ),
  cross_site: def(
    'forbidden',
    {},
    () => 'refused: this request comes from another site, which may not act with your session',
    () => '已拒绝：此请求来自其他网站，不能使用您的登录状态',
  ),
  role_lacks_permission: def(
    'forbidden',
    { role: 'analyst', permission: 'records:write', description: 'write records' },
    (p) => `your role (${p.role}) does not give ${p.permission}: ${p.description}`,
    (p) => `您的角色（${zhName('role', p.role)}）没有“${p.permission}”权限`,
  ),
  sign_in_wrong: def<LockNotice>(
    'unauthenticated',
    { locked_after: 5, locked_minutes: 15, username: 'li.wei' },
    (p) => `wrong username or password${lockEn(p)}`,
    (p) => `用户名或密码错误${lockZh(p)}`,
  ),
  totp_wrong: def<LockNotice>(
    'unauthenticated',
    {},
    (p) => `wrong or already used one-time code${lockEn(p)}`,
    (p) => `动态验证码错误或已使用过${lockZh(p)}`,
  ),
  totp_required: def(
    'unauthenticated',
    {},
    () => 'enter the 6-digit code from your authenticator app as "totp"',
    () => '请输入身份验证器应用中的 6 位动态验证码',
  ),
  address_locked: def(
    'rate_limited',
    { failures: 20, minutes: 60, until: '2024-01-02T03:04:05.000Z', seconds: 1800 },
    (p) =>
      `too many failed sign-ins from this address (${p.failures} within ${p.minutes} minutes, whatever the usernames); sign-in from it is paused until ${p.until}, in ${p.seconds} seconds`,
    (p) =>
      `此地址登录失败次数过多（${p.minutes} 分钟内 ${p.failures} 次）；暂停登录至 ${p.until}，还需 ${p.seconds} 秒`,
  ),
  account_locked: def(
    'rate_limited',
    { username: 'li.wei', until: '2024-01-02T03:04:05.000Z', failures: 5 },
    (p) =>
      `sign-in as ${p.username} is locked until ${p.until} after ${p.failures} failed attempts in a row; try again then, sign in from a device that has signed in as ${p.username} before, or ask an admin to lift the lock (outpost user unlock)`,
    (p) =>
      `账号 ${p.username} 连续 ${p.failures} 次登录失败，已锁定至 ${p.until}；请届时再试，或在以前登录过该账号的设备上登录，或请管理员解除锁定`,
  ),
  device_locked: def(
    'rate_limited',
    { username: 'li.wei', until: '2024-01-02T03:04:05.000Z', failures: 5 },
    (p) =>
      `sign-in as ${p.username} from this device is locked until ${p.until} after ${p.failures} failed attempts in a row from this device; try again then, or ask an admin to lift the lock (outpost user unlock)`,
    (p) =>
      `此设备以账号 ${p.username} 连续 ${p.failures} 次登录失败，已锁定至 ${p.until}；请届时再试，或请管理员解除锁定`,
  ),
  sign_in_throttled: def(
    'rate_limited',
    { username: 'li.wei', seconds: 8 },
    (p) => `too many failed sign-ins as ${p.username} from this address; try again in ${p.seconds} seconds`,
    (p) => `此地址以 ${p.username} 登录失败次数过多；请 ${p.seconds} 秒后再试`,
  ),
  account_disabled: def(
    'forbidden',
    { username: 'li.wei' },
    (p) => `the account ${p.username} is disabled; ask an admin to enable it`,
    (p) => `账号 ${p.username} 已停用；请管理员启用`,
  ),
  admin_totp_required: def(
    'forbidden',
    { username: 'admin' },
    (p) =>
      `an admin must sign in with a second factor here; on the server, set one up with \`npx outpost user totp --username ${p.username}\``,
    (p) => `管理员必须使用第二重验证登录；请在服务器上用 \`npx outpost user totp --username ${p.username}\` 设置`,
  ),
  password_wrong_current: def(
    'forbidden',
    {},
    () => 'current: that is not your current password',
    () => '当前密码不正确',
  ),
  password_too_short: def(
    'invalid_input',
    { min: 12, length: 8 },
    (p) => `the password must have at least ${p.min} characters (it has ${p.length})`,
    (p) => `密码至少需要 ${p.min} 个字符（现有 ${p.length} 个）`,
  ),
  password_too_long: def(
    'invalid_input',
    { max: 256 },
    (p) => `the password may have at most ${p.max} characters`,
    (p) => `密码最多 ${p.max} 个字符`,
  ),
  password_is_username: def(
    'invalid_input',
    {},
    () => 'the password may not be the username',
    () => '密码不能与用户名相同',
  ),
  password_blank: def(
    'invalid_input',
    {},
    () => 'the password is only blanks; choose one you can see',
    () => '密码只有空白字符，请换一个看得见的密码',
  ),
  password_invisible: def(
    'invalid_input',
    {},
    () => 'the password is only invisible characters; choose one you can see',
    () => '密码只有不可见字符，请换一个看得见的密码',
  ),
  password_one_character: def(
    'invalid_input',
    {},
    () => 'the password is one character repeated; choose another',
    () => '密码只是同一个字符的重复，请换一个',
  ),
  password_demo: def(
    'invalid_input',
    {},
    () => 'the password is the demonstration password, which everyone knows; choose another',
    () => '这是人人都知道的演示密码，请换一个',
  ),
  password_common: def(
    'invalid_input',
    {},
    () => 'the password is one of the most common passwords; choose another (a few unrelated words make a good one)',
    () => '这是最常见的密码之一，请换一个（几个不相关的词组合起来就很好）',
  ),
  expected_sign_in_name: def(
    'invalid_input',
    {},
    () => 'a username as typed at sign-in (1 to 64 characters, no control characters)',
    () => '应为登录时输入的用户名（1 至 64 个字符，不含控制字符）',
  ),
  account_exists: def(
    'conflict',
    { username: 'li.wei' },
    (p) => `an account named ${p.username} already exists`,
    (p) => `名为 ${p.username} 的账号已存在`,
  ),
  account_not_found: def(
    'not_found',
    { username: 'li.wei' },
    (p) => `no account named ${p.username} exists`,
    (p) => `没有名为 ${p.username} 的账号`,
  ),
  manager_needs_area: def(
    'invalid_input',
    {},
    () => 'a manager needs --area: the area whose subtree it manages',
    () => '管理者账号必须给出 --area：它所管理的地区',
  ),
  area_for_managers_only: def(
    'invalid_input',
    { role: 'officer' },
    (p) =>
      `--area is for managers only (a ${p.role} is ${p.role === 'officer' ? 'placed by its badge' : 'province-wide'})`,
    (p) =>
      `--area 只用于管理者账号（${zhName('role', p.role)}账号${p.role === 'officer' ? '由警号确定位置' : '面向全省'}）`,
  ),
  officer_needs_badge: def(
    'invalid_input',
    {},
    () => 'an officer account needs --badge: the badge of the officer it belongs to',
    () => '民警账号必须给出 --badge：所属民警的警号',
  ),
  badge_for_officers_only: def(
    'invalid_input',
    {},
    () => '--badge is for officer accounts only',
    () => '--badge 只用于民警账号',
  ),
  account_area_unknown: def(
    'invalid_input',
    { area: '220100000000' },
    (p) => `--area: no area ${p.area} exists`,
    (p) => `--area：没有代码为 ${p.area} 的地区`,
  ),
  account_badge_unknown: def(
    'invalid_input',
    { badge: '220001' },
    (p) => `--badge: no officer with badge ${p.badge} exists`,
    (p) => `--badge：没有警号为 ${p.badge} 的民警`,
  ),

  // An account's jurisdiction: an area outside it answers as one that does not exist (area_not_found).
  scope_refused: def(
    'forbidden',
    { count: 2, listed: 2 },
    (p) =>
      `refused and nothing was written: ${p.count} value${p.count === 1 ? '' : 's'} outside your scope${
        p.count > p.listed ? ` (the first ${p.listed} are listed)` : ''
      }`,
    (p) =>
      `已拒绝，没有写入任何内容：有 ${p.count} 个值超出您的管辖范围${p.count > p.listed ? `（列出前 ${p.listed} 个）` : ''}`,
  ),
  area_outside_scope: def(
    'forbidden',
    { value: '220200000000', scope: '220100000000' },
    (p) => `${p.value} is not in your area (${p.scope})`,
    (p) => `${p.value} 不在您的管辖范围（${p.scope}）内`,
  ),
  own_area: def(
    'forbidden',
    { value: '220100000000' },
    (p) => `${p.value} is your own area; only an account above it may change it`,
    (p) => `${p.value} 是您自己的辖区，只有上级账号可以修改`,
  ),
  unit_not_yours: def(
    'forbidden',
    { value: 'R2', unit: 'R1' },
    (p) => `${p.value} is not your unit (${p.unit})`,
    (p) => `${p.value} 不是您的单位（${p.unit}）`,
  ),
  unit_outside_scope: def(
    'forbidden',
    { value: 'R2', scope: '220100000000' },
    (p) => `${p.value} is not a unit of your area (${p.scope})`,
    (p) => `${p.value} 不是您辖区（${p.scope}）内的单位`,
  ),
  patrol_outside_scope: def(
    'forbidden',
    { value: 'P2', unit: true },
    (p) => `patrol team ${p.value} is not one of ${p.unit ? 'your unit' : 'your area'}'s`,
    (p) => `巡防队伍 ${p.value} 不属于${p.unit ? '您的单位' : '您的辖区'}`,
  ),
  badge_not_own: def(
    'forbidden',
    { badge: '220001' },
    (p) => `an officer writes records with its own badge (${p.badge}) only`,
    (p) => `民警只能用本人警号（${p.badge}）填报记录`,
  ),
  badge_outside_scope: def(
    'forbidden',
    { badge: '220002', scope: '220100000000', date: '2019-06-03' },
    (p) => `badge ${p.badge} was not posted in your area (${p.scope}) on ${p.date}`,
    (p) => `警号 ${p.badge} 在 ${p.date} 不在您的辖区（${p.scope}）任职`,
  ),
  // The one thing a scoped write may learn of what lies outside: that a key it chose is in use.
  key_taken: def(
    'forbidden',
    { key: 'I1-000024' },
    (p) => `${p.key} is already taken by a record you cannot see: choose another`,
    (p) => `${p.key} 已被您看不到的记录占用，请另选`,
  ),
} as const;
