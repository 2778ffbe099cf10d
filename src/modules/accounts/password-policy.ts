/**
 * The password rule (SPEC §4): at least 12 characters, not a common password, not the
 * username — and no other rules (no forced mixtures of character classes, no expiry, no
 * strength score). "Common" is the shipped list, and also what any guesser tries first whatever
 * list it holds: a password of blanks only, of invisible characters only (zero-width spaces and
 * other format characters), of one character repeated, and the demonstration password anywhere
 * but in a demonstration database.
 */
import fs from 'node:fs';
import { AppError } from '../../shared/errors.ts';
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

/** Why a password is refused, or null when it is acceptable. */
export function passwordProblem(password: string, username: string, context: PasswordContext): string | null {
  const length = [...password].length;
  if (length < MIN_PASSWORD_LENGTH)
    return `the password must have at least ${MIN_PASSWORD_LENGTH} characters (it has ${length})`;
  if (length > MAX_PASSWORD_LENGTH) return `the password may have at most ${MAX_PASSWORD_LENGTH} characters`;
  const lower = password.toLowerCase();
  if (lower === username.toLowerCase()) return 'the password may not be the username';
  if (BLANK.test(password)) return 'the password is only blanks; choose one you can see';
  if (INVISIBLE.test(password)) return 'the password is only invisible characters; choose one you can see';
  if (new Set(lower).size === 1) return 'the password is one character repeated; choose another';
  if (lower === DEMO_PASSWORD && !context.demonstration)
    return 'the password is the demonstration password, which everyone knows; choose another';
  if (commonPasswords().has(lower))
    return 'the password is one of the most common passwords; choose another (a few unrelated words make a good one)';
  return null;
}

export function assertPasswordAcceptable(password: string, username: string, context: PasswordContext): void {
  const problem = passwordProblem(password, username, context);
  if (problem) throw new AppError('invalid_input', `password: ${problem}`, [{ path: 'password', message: problem }]);
}
