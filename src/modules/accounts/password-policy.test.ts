import { describe, expect, it } from 'vitest';
import { commonPasswords, DEMO_PASSWORD, passwordProblem } from './password-policy.ts';

const REAL = { demonstration: false };
const codeOf = (password: string, username = 'li.wei') => passwordProblem(password, username, REAL)?.code;

describe('password policy', () => {
  it('wants at least 12 characters, counted as characters, not bytes', () => {
    expect(passwordProblem('short pass', 'li.wei', REAL)).toEqual({
      code: 'password_too_short',
      params: { min: 12, length: 10 },
    });
    expect(passwordProblem('长城长城长城长城长城长城', 'li.wei', REAL)).toBeNull();
  });

  it('refuses the shipped common passwords whatever their case', () => {
    expect(commonPasswords().size).toBeGreaterThan(300);
    expect(codeOf('1qaz2wsx3edc')).toBe('password_common');
    expect(codeOf('Password1234')).toBe('password_common');
  });

  it('refuses the username itself', () => {
    expect(codeOf('county.manager', 'county.manager')).toBe('password_is_username');
  });

  it('counts blanks only, invisible characters only and one character repeated as common', () => {
    expect(codeOf(' '.repeat(12))).toBe('password_blank');
    expect(codeOf('\u3000\t \u00a0'.repeat(3))).toBe('password_blank');
    expect(codeOf('\u200b'.repeat(12))).toBe('password_invisible');
    expect(codeOf('\u200d\u2060\ufeff\u202e \u00ad'.repeat(2))).toBe('password_invisible');
    expect(codeOf('\u3164'.repeat(12))).toBe('password_invisible');
    expect(codeOf('a'.repeat(12))).toBe('password_one_character');
    expect(codeOf('aAaAaAaAaAaA')).toBe('password_one_character');
    expect(codeOf('警'.repeat(12))).toBe('password_one_character');
    expect(codeOf('😀'.repeat(12))).toBe('password_one_character');
  });

  it('refuses the demonstration password outside a demonstration database only', () => {
    expect(codeOf(DEMO_PASSWORD, 'admin')).toBe('password_demo');
    expect(codeOf(DEMO_PASSWORD.toUpperCase(), 'admin')).toBe('password_demo');
    expect(passwordProblem(DEMO_PASSWORD, 'admin', { demonstration: true })).toBeNull();
  });

  it('has no other rules: a long plain passphrase is fine, visible characters among invisible ones too', () => {
    expect(passwordProblem('river stone lantern', 'li.wei', REAL)).toBeNull();
    expect(passwordProblem('aaaaaaaaaaab', 'li.wei', REAL)).toBeNull();
    expect(passwordProblem(`${'\u200b'.repeat(11)}x`, 'li.wei', REAL)).toBeNull();
    expect(passwordProblem('            .', 'li.wei', REAL)).toBeNull();
  });
});
