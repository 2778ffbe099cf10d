/**
 * The password rule (SPEC §4): at least 12 characters, not a common password, not the
 * username — and no other rules (no forced mixtures of character classes, no expiry).
 */
import fs from 'node:fs';
import { textOf } from '#core/errors/registry.ts';
import { AppError, coded, type CodedAs } from '../../shared/errors.ts';
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

type PasswordCode = 'password_too_short' | 'password_too_long' | 'password_is_username' | 'password_common';

/** Why a password is refused (a registered code), or null when it is acceptable. */
export function passwordProblem(password: string, username: string): CodedAs<PasswordCode> | null {
  const length = [...password].length;
  if (length < MIN_PASSWORD_LENGTH) return coded('password_too_short', { min: MIN_PASSWORD_LENGTH, length });
  if (length > MAX_PASSWORD_LENGTH) return coded('password_too_long', { max: MAX_PASSWORD_LENGTH });
  const lower = password.toLowerCase();
  if (lower === username.toLowerCase()) return coded('password_is_username', {});
  if (commonPasswords().has(lower)) return coded('password_common', {});
  return null;
}

export function assertPasswordAcceptable(password: string, username: string): void {
  const problem = passwordProblem(password, username);
  if (!problem) return;
  throw new AppError(problem.code, problem.params, [{ path: 'password', ...problem, message: textOf(problem) }]);
}
