import { describe, expect, it } from 'vitest';
import { commonPasswords, passwordProblem } from './password-policy.ts';

describe('password policy', () => {
  it('wants at least 12 characters, counted as characters, not bytes', () => {
    expect(passwordProblem('short pass', 'li.wei')).toEqual({
      code: 'password_too_short',
      params: { min: 12, length: 10 },
    });
    expect(passwordProblem('长城长城长城长城长城长城', 'li.wei')).toBeNull();
  });

  it('refuses the shipped common passwords whatever their case', () => {
    expect(commonPasswords().size).toBeGreaterThan(300);
    expect(passwordProblem('1qaz2wsx3edc', 'li.wei')?.code).toBe('password_common');
    expect(passwordProblem('Password1234', 'li.wei')?.code).toBe('password_common');
  });

  it('refuses the username itself', () => {
    expect(passwordProblem('county.manager', 'county.manager')?.code).toBe('password_is_username');
  });

  it('has no other rules: a long plain passphrase is fine', () => {
    expect(passwordProblem('river stone lantern', 'li.wei')).toBeNull();
  });
});
