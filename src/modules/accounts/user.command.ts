/**
 * `outpost user ...`: accounts, managed on the server without signing in (the CLI is an
 * operator's tool); every change is audited as the operating-system user.
 */
import type { Command } from '../../shared/cli/command.ts';
import { parse, requireOption } from '../../shared/cli/args.ts';
import { textTable } from '../../shared/cli/table.ts';
import { withDatabase } from '../../shared/cli/with-db.ts';
import { AppError } from '../../shared/errors.ts';
import { validate } from '../../shared/validate.ts';
import { dayOf } from '../../shared/clock.ts';
import { commandActor } from '../audit/audit.actor.ts';
import {
  addressParams,
  lockedUsernameParams,
  newAccountBody,
  profileBody,
  usernameSchema,
} from '#core/contracts/accounts.schema.ts';
import { liftAddressLock, liftUsernameLock, signInLocks } from './locks.service.ts';
import { accounts, addAccount, resetPassword, setDisabled, setProfile, setTotp } from './accounts.service.ts';
import { ROLES } from '#core/accounts/permissions.ts';

const USAGE = [
  'outpost user add --username U --password P --role R [--area CODE] [--badge B] [--name NAME]',
  'outpost user name --username U [--name NAME] [--email E] [--phone P]',
  'outpost user list [--json]',
  'outpost user disable|enable --username U',
  'outpost user reset --username U --password P',
  'outpost user totp --username U [--off]',
  'outpost user locks [--json]',
  'outpost user unlock --username U | --address A',
].join('\n       ');

const OPTIONS = {
  username: { type: 'string' },
  password: { type: 'string' },
  role: { type: 'string' },
  area: { type: 'string' },
  badge: { type: 'string' },
  json: { type: 'boolean' },
  off: { type: 'boolean' },
  address: { type: 'string' },
  name: { type: 'string' },
  email: { type: 'string' },
  phone: { type: 'string' },
} as const;

export const userCommand: Command = {
  name: 'user',
  usage: USAGE,
  summary: `accounts: add (roles: ${ROLES.join(', ')}), name (display name, email, phone), list, disable, enable, reset a password, turn on the second factor (TOTP), list and lift sign-in locks`,
  async run(argv, io) {
    const { values, positionals } = parse(argv, OPTIONS, USAGE);
    const sub = positionals[0];
    const username = () => validate(usernameSchema, requireOption(values.username, 'username', USAGE));
    return withDatabase(values.db, async (db) => {
      switch (sub) {
        case 'add': {
          const input = validate(newAccountBody, {
            username: requireOption(values.username, 'username', USAGE),
            password: requireOption(values.password, 'password', USAGE),
            role: requireOption(values.role, 'role', USAGE),
            area: values.area,
            badge: values.badge,
            name: values.name,
          });
          const a = await addAccount(db, commandActor('user add'), input);
          io.stdout.write(
            `created ${a.role} ${a.username}${a.area ? ` for area ${a.area}` : ''}${a.badge ? ` with badge ${a.badge}` : ''}\n`,
          );
          return 0;
        }
        case 'name': {
          const patch = validate(profileBody, { name: values.name, email: values.email, phone: values.phone });
          const a = await setProfile(db, commandActor('user name'), username(), patch);
          io.stdout.write(
            `${a.username}: ${a.name ?? '(no name)'}${a.email ? `, ${a.email}` : ''}${a.phone ? `, ${a.phone}` : ''}\n`,
          );
          return 0;
        }
        case 'list': {
          const list = await accounts(db);
          if (values.json) io.stdout.write(`${JSON.stringify(list)}\n`);
          else
            io.stdout.write(
              textTable(
                ['username', 'role', 'area', 'badge', 'state', 'totp', 'created', 'name'],
                list.map((a) => [
                  a.username,
                  a.role,
                  a.area,
                  a.badge,
                  a.disabled ? 'disabled' : 'active',
                  a.totp ? 'on' : 'off',
                  dayOf(a.created_at),
                  a.name,
                ]),
              ),
            );
          return 0;
        }
        case 'disable':
        case 'enable': {
          const a = await setDisabled(db, commandActor(`user ${sub}`), username(), sub === 'disable');
          io.stdout.write(`${a.username} is ${a.disabled ? 'disabled; its sessions have ended' : 'enabled'}\n`);
          return 0;
        }
        case 'reset': {
          const a = await resetPassword(
            db,
            commandActor('user reset'),
            username(),
            requireOption(values.password, 'password', USAGE),
          );
          io.stdout.write(
            `the password of ${a.username} is reset; its sessions have ended and any lockout is lifted\n`,
          );
          return 0;
        }
        case 'totp': {
          const t = await setTotp(db, commandActor('user totp'), username(), !values.off);
          if (!t.enabled) io.stdout.write(`the second factor of ${t.username} is off\n`);
          else
            io.stdout.write(
              `the second factor of ${t.username} is on; add it to an authenticator app (this is shown once):\n` +
                `  ${t.otpauth_url}\n  secret: ${t.secret}\n` +
                'signing in now needs {"totp": "<6-digit code>"} beside the username and password\n',
            );
          return 0;
        }
        case 'locks': {
          const locks = await signInLocks(db);
          if (values.json) io.stdout.write(`${JSON.stringify(locks)}\n`);
          else if (locks.length === 0) io.stdout.write('no sign-in lock is in force\n');
          else
            io.stdout.write(
              textTable(
                ['lock', 'username', 'address', 'account', 'until'],
                locks.map((l) => [l.kind, l.username, l.address, l.account ? 'yes' : 'no', l.until]),
              ),
            );
          return 0;
        }
        case 'unlock': {
          if ((values.username === undefined) === (values.address === undefined))
            throw new AppError('options_exclusive', { options: ['username', 'address'], usage: USAGE });
          const who = commandActor('user unlock');
          if (values.username !== undefined) {
            const { username } = validate(lockedUsernameParams, { username: values.username });
            const { lifted } = await liftUsernameLock(db, who, username);
            io.stdout.write(
              lifted
                ? `the sign-in locks of ${username} are lifted\n`
                : `${username} was not locked; nothing held it back\n`,
            );
          } else {
            const { address } = validate(addressParams, { address: values.address });
            const { lifted } = await liftAddressLock(db, who, address);
            io.stdout.write(
              lifted ? `the sign-in lockout of ${address} is lifted\n` : `${address} was not locked out\n`,
            );
          }
          return 0;
        }
        default:
          throw sub
            ? new AppError('subcommand_unknown', { command: 'user', subcommand: sub, usage: USAGE })
            : new AppError('usage', { usage: USAGE });
      }
    });
  },
};
