/**
 * The password rule (SPEC §4): at least 12 characters, not a common password, not the
 * username — and no other rules (no forced mixtures of character classes, no expiry).
 */
import fs from 'node:fs';
import { AppError } from '../../shared/errors.ts';
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from '#core/accounts/password-length.ts';

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

/** Why a password is refused, or null when it is acceptable. */
export function passwordProblem(password: string, username: string): string | null {
  const length = [...password].length;
  if (length < MIN_PASSWORD_LENGTH)
    return `the password must have at least ${MIN_PASSWORD_LENGTH} characters (it has ${length})`;
  if (length > MAX_PASSWORD_LENGTH) return `the password may have at most ${MAX_PASSWORD_LENGTH} characters`;
  const lower = password.toLowerCase();
  if (lower === username.toLowerCase()) return 'the password may not be the username';
  if (commonPasswords().has(lower))
    return 'the password is one of the most common passwords; choose another (a few unrelated words make a good one)';
  return null;
}

export function assertPasswordAcceptable(password: string, username: string): void {
  const problem = passwordProblem(password, username);
  if (problem) throw new AppError('invalid_input', `password: ${problem}`, [{ path: 'password', message: problem }]);
}
