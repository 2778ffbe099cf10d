/**
 * The password rule (SPEC §4): at least 12 characters, not a common password, not the
 * username — and no other rules (no forced mixtures of character classes, no expiry, no
 * strength score). "Common" is the shipped list, and also what any guesser tries first whatever
 * list it holds: a password of blanks only, of invisible characters only (zero-width spaces and
 * other format characters), of one character repeated, and the demonstration password anywhere
 * but in a demonstration database.
 */
import fs from 'node:fs';
import { textOf } from '#core/errors/registry.ts';
import { AppError, coded, type CodedAs } from '../../shared/errors.ts';
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from '#core/accounts/password-length.ts';

/** The password of every demonstration account (README): refused in any other database. */
export const DEMO_PASSWORD = 'outpost-demo-2019';

let common: Set<string> | undefined;

/** The shipped list (see its header for provenance), lower-cased. */
export function commonPasswords(): Set<string> {
  common ??= new Set(
    fs
      .readFileSync(new URL('./common-passwords.txt', import.meta.url), 'utf8')
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l && !l.startsWith('#'))
      .map((l) => l.toLowerCase()),
  );
  return common;
}

const BLANK = /^\p{White_Space}+$/u;
/**
 * Characters that show nothing: whitespace, format characters (zero-width spaces and joiners,
 * bidi controls, the BOM), other default-ignorables, controls, marks with nothing to sit on, and
 * the blank look-alikes (Hangul fillers, the braille blank).
 */
const INVISIBLE =
  /^[\p{White_Space}\p{Default_Ignorable_Code_Point}\p{Cf}\p{Cc}\p{Mn}\p{Me}\u2800\u3164\uFFA0\u115F\u1160]+$/u;

export interface PasswordContext {
  /** The database is a demonstration database, whose accounts all have DEMO_PASSWORD. */
  demonstration: boolean;
}

type PasswordCode =
  | 'password_too_short'
  | 'password_too_long'
  | 'password_is_username'
  | 'password_blank'
  | 'password_invisible'
  | 'password_one_character'
  | 'password_demo'
  | 'password_common';

/** Why a password is refused (a registered code), or null when it is acceptable. */
export function passwordProblem(
  password: string,
  username: string,
  context: PasswordContext,
): CodedAs<PasswordCode> | null {
  const length = [...password].length;
  if (length < MIN_PASSWORD_LENGTH) return coded('password_too_short', { min: MIN_PASSWORD_LENGTH, length });
  if (length > MAX_PASSWORD_LENGTH) return coded('password_too_long', { max: MAX_PASSWORD_LENGTH });
  const lower = password.toLowerCase();
  if (lower === username.toLowerCase()) return coded('password_is_username', {});
  if (BLANK.test(password)) return coded('password_blank', {});
  if (INVISIBLE.test(password)) return coded('password_invisible', {});
  if (new Set(lower).size === 1) return coded('password_one_character', {});
  if (lower === DEMO_PASSWORD && !context.demonstration) return coded('password_demo', {});
  if (commonPasswords().has(lower)) return coded('password_common', {});
  return null;
}

export function assertPasswordAcceptable(password: string, username: string, context: PasswordContext): void {
  const problem = passwordProblem(password, username, context);
  if (!problem) return;
  throw new AppError(problem.code, problem.params, [{ path: 'password', ...problem, message: textOf(problem) }]);
}
