/** zod schemas of accounts and sessions, shared by the API and the CLI. */
import { z } from 'zod';
import { areaCodeSchema, codeSchema, nameText } from './common.ts';
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from '../accounts/password-length.ts';
import { ROLES } from '../accounts/permissions.ts';

export const usernameSchema = z
  .string()
  .regex(
    /^[a-z0-9][a-z0-9._-]{0,63}$/,
    'a username (lower-case letters, digits, . _ -, starting with a letter or digit, up to 64 characters)',
  );
export const roleSchema = z.enum(ROLES);
const passwordSchema = z.string().min(1).max(MAX_PASSWORD_LENGTH);
/** The name shown for an account in documents, histories and pages (王建国). */
export const displayNameSchema = nameText(64);
/** Any username a sign-in may name (strangers' included), as the lock list shows it. */
const signInNameSchema = z.string().regex(/^\P{Cc}{1,64}$/u, 'expected_sign_in_name');
/**
 * A password being set. Its rule (SPEC §4) is checked by the accounts service, so that each
 * refusal has its own code; the document states it.
 */
const newPasswordSchema = passwordSchema.meta({
  minLength: MIN_PASSWORD_LENGTH,
  description: `at least ${MIN_PASSWORD_LENGTH} characters (counted as characters, not bytes), not a common password (nor blanks, invisible characters or one character repeated only), not the username; no other rule`,
});

export const newAccountBody = z
  .object({
    username: usernameSchema,
    password: newPasswordSchema,
    role: roleSchema,
    area: areaCodeSchema.optional(),
    badge: codeSchema.optional(),
    name: displayNameSchema.optional(),
  })
  .strict();
export type NewAccount = z.infer<typeof newAccountBody>;

export const accountSchema = z.object({
  username: z.string(),
  role: roleSchema,
  area: z.string().nullable(),
  badge: z.string().nullable(),
  /** The display name; null: shown by its username. */
  name: z.string().nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  disabled: z.boolean(),
  totp: z.boolean(),
  created_at: z.string(),
});
export type Account = z.infer<typeof accountSchema>;

export const usernameParams = z.object({ username: usernameSchema }).strict();
export const passwordBody = z.object({ password: newPasswordSchema }).strict();
export const ownPasswordBody = z.object({ current: passwordSchema, password: newPasswordSchema }).strict();
/** What an admin changes of an account's person: its display name, email, phone (null clears one). */
export const profileBody = z
  .object({
    name: displayNameSchema.nullable().optional(),
    email: z.email().max(254).nullable().optional(),
    phone: z
      .string()
      .trim()
      .regex(/^\+?[0-9][0-9 -]{4,30}$/, 'expected_phone')
      .nullable()
      .optional(),
  })
  .strict();
export type ProfilePatch = z.infer<typeof profileBody>;
export const disabledBody = z.object({ disabled: z.boolean() }).strict();
export const totpBody = z.object({ enabled: z.boolean() }).strict();
export const totpSchema = z.object({
  username: z.string(),
  enabled: z.boolean(),
  /** Shown once, when the second factor is turned on. */
  secret: z.string().nullable(),
  otpauth_url: z.string().nullable(),
});

export const loginBody = z
  .object({ username: signInNameSchema, password: passwordSchema, totp: z.string().trim().max(16).optional() })
  .strict();
export const sessionSchema = accountSchema
  .omit({ disabled: true, created_at: true, email: true, phone: true })
  .extend({ expires_at: z.string() });
export const loginResponse = sessionSchema.extend({ token: z.string() });
export const okSchema = z.object({ ok: z.literal(true) });

/**
 * A sign-in lock in force: a username's for strangers (`username`), for one of its known devices
 * (`device`), or an address's lockout (`address`).
 */
export const signInLockSchema = z.object({
  kind: z.enum(['username', 'device', 'address']),
  username: z.string().nullable(),
  address: z.string().nullable(),
  /** Whether an account has the username (strangers lock unknown usernames the same way). */
  account: z.boolean(),
  until: z.string(),
});
export type SignInLock = z.infer<typeof signInLockSchema>;
export const signInLocksSchema = z.object({ items: z.array(signInLockSchema) });
/** Any username a sign-in named, as the lock list shows it. */
export const lockedUsernameParams = z.object({ username: signInNameSchema }).strict();
export const addressParams = z.object({ address: z.union([z.ipv4(), z.ipv6()]) }).strict();
export const liftedSchema = z.object({ lifted: z.boolean() });
