/** Sessions (sign in, who am I, sign out, own password) and account management for admins. */
import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../app-context.ts';
import { AppError } from '../../shared/errors.ts';
import { requestActor } from '../audit/audit.actor.ts';
import {
  clearSessionCookie,
  deviceCookieOf,
  setDeviceCookie,
  setSessionCookie,
  type AccessOptions,
} from './access.hook.ts';
import {
  accountSchema,
  addressParams,
  disabledBody,
  liftedSchema,
  lockedUsernameParams,
  signInLocksSchema,
  loginBody,
  loginResponse,
  newAccountBody,
  okSchema,
  ownPasswordBody,
  passwordBody,
  profileBody,
  sessionSchema,
  totpBody,
  totpSchema,
  usernameParams,
} from '#core/contracts/accounts.schema.ts';
import {
  accounts,
  addAccount,
  changeOwnPassword,
  resetPassword,
  setDisabled,
  setProfile,
  setTotp,
  toAccount,
} from './accounts.service.ts';
import { login, logout, type ActiveSession } from './session.service.ts';
import { liftAddressLock, liftUsernameLock, signInLocks } from './locks.service.ts';
import type { AccountRow } from './accounts.repository.ts';

function sessionView(session: { account: AccountRow; expires_at: string }) {
  const { username, role, area, badge, name, totp } = toAccount(session.account);
  return { username, role, area, badge, name, totp, expires_at: session.expires_at };
}

function signedIn(session: ActiveSession | undefined): ActiveSession {
  if (!session) throw new AppError('internal_error', { detail: 'no session on a route that needs one' });
  return session;
}

export const accountsRoutes =
  (ctx: AppContext, options: AccessOptions): FastifyPluginAsyncZod =>
  async (app) => {
    app.post(
      '/session',
      {
        schema: {
          summary:
            'Sign in: sets an httpOnly SameSite=Strict session cookie and returns the same token for "Authorization: Bearer"',
          tags: ['session'],
          body: loginBody,
          response: { 200: loginResponse },
        },
        config: { permission: 'public' },
      },
      async (request, reply) => {
        const result = await login(ctx.db, requestActor(request), request.body, {
          requireAdminTotp: options.requireAdminTotp,
          deviceCookie: deviceCookieOf(request),
        });
        setSessionCookie(request, reply, result.token);
        setDeviceCookie(request, reply, result.deviceCookie);
        return { token: result.token, ...sessionView(result) };
      },
    );
    app.get(
      '/session',
      {
        schema: {
          summary: 'Who I am: username, role, area, badge',
          tags: ['session'],
          response: { 200: sessionSchema },
        },
        config: { permission: 'session:self' },
      },
      async (request) => sessionView(signedIn(request.session)),
    );
    app.delete(
      '/session',
      {
        schema: { summary: 'Sign out: ends this session', tags: ['session'], response: { 200: okSchema } },
        config: { permission: 'session:self' },
      },
      async (request, reply) => {
        await logout(ctx.db, requestActor(request), signedIn(request.session));
        clearSessionCookie(reply);
        return { ok: true as const };
      },
    );
    app.put(
      '/session/password',
      {
        schema: {
          summary: 'Change my own password (my other sessions end)',
          tags: ['session'],
          body: ownPasswordBody,
          response: { 200: okSchema },
        },
        config: { permission: 'session:self' },
      },
      async (request) => {
        const session = signedIn(request.session);
        await changeOwnPassword(
          ctx.db,
          requestActor(request),
          session.account.username,
          request.body.current,
          request.body.password,
          session.tokenHash,
        );
        return { ok: true as const };
      },
    );
    app.get(
      '/users',
      {
        schema: {
          summary: 'Every account',
          tags: ['users'],
          response: { 200: z.object({ items: z.array(accountSchema) }) },
        },
        config: { permission: 'accounts:manage' },
      },
      async () => ({ items: await accounts(ctx.db) }),
    );
    app.post(
      '/users',
      {
        schema: {
          summary: 'Create an account (as `outpost user add`)',
          tags: ['users'],
          body: newAccountBody,
          response: { 201: accountSchema },
        },
        config: { permission: 'accounts:manage' },
      },
      async (request, reply) => reply.status(201).send(await addAccount(ctx.db, requestActor(request), request.body)),
    );
    app.patch(
      '/users/:username',
      {
        schema: {
          summary: "Name an account's person: display name (shown in documents and histories), email, phone",
          tags: ['users'],
          params: usernameParams,
          body: profileBody,
          response: { 200: accountSchema },
        },
        config: { permission: 'accounts:manage' },
      },
      async (request) => setProfile(ctx.db, requestActor(request), request.params.username, request.body),
    );
    app.put(
      '/users/:username/disabled',
      {
        schema: {
          summary: 'Disable (ending its sessions) or enable an account',
          tags: ['users'],
          params: usernameParams,
          body: disabledBody,
          response: { 200: accountSchema },
        },
        config: { permission: 'accounts:manage' },
      },
      async (request) => setDisabled(ctx.db, requestActor(request), request.params.username, request.body.disabled),
    );
    app.put(
      '/users/:username/password',
      {
        schema: {
          summary: 'Reset a password (as `outpost user reset`): ends its sessions, lifts a lockout',
          tags: ['users'],
          params: usernameParams,
          body: passwordBody,
          response: { 200: accountSchema },
        },
        config: { permission: 'accounts:manage' },
      },
      async (request) => resetPassword(ctx.db, requestActor(request), request.params.username, request.body.password),
    );
    app.put(
      '/users/:username/totp',
      {
        schema: {
          summary: 'Turn the second factor on (a new secret, shown once) or off (as `outpost user totp`)',
          tags: ['users'],
          params: usernameParams,
          body: totpBody,
          response: { 200: totpSchema },
        },
        config: { permission: 'accounts:manage' },
      },
      async (request) => setTotp(ctx.db, requestActor(request), request.params.username, request.body.enabled),
    );
    app.get(
      '/locks',
      {
        schema: {
          summary:
            'Sign-in locks in force: usernames locked for strangers or for a known device, and addresses locked out',
          tags: ['users'],
          response: { 200: signInLocksSchema },
        },
        config: { permission: 'accounts:manage' },
      },
      async () => ({ items: await signInLocks(ctx.db) }),
    );
    app.delete(
      '/locks/usernames/:username',
      {
        schema: {
          summary:
            'Lift the sign-in locks of a username, for strangers and for its devices (as `outpost user unlock --username`)',
          tags: ['users'],
          params: lockedUsernameParams,
          response: { 200: liftedSchema },
        },
        config: { permission: 'accounts:manage' },
      },
      async (request) => liftUsernameLock(ctx.db, requestActor(request), request.params.username),
    );
    app.delete(
      '/locks/addresses/:address',
      {
        schema: {
          summary: 'Lift the sign-in lockout of an address (as `outpost user unlock --address`)',
          tags: ['users'],
          params: addressParams,
          response: { 200: liftedSchema },
        },
        config: { permission: 'accounts:manage' },
      },
      async (request) => liftAddressLock(ctx.db, requestActor(request), request.params.address),
    );
  };
