import { describe, expect, it } from 'vitest';
import { commonPasswords, DEMO_PASSWORD, passwordProblem } from './password-policy.ts';

const REAL = { demonstration: false };

describe('password policy', () => {
  it('wants at least 12 characters, counted as characters, not bytes', () => {
    expect(passwordProblem('short pass', 'li.wei', REAL)).toMatch(/at least 12/);
    expect(passwordProblem('长城长城长城长城长城长城', 'li.wei', REAL)).toBeNull();
  });

  it('refuses the shipped common passwords whatever their case', () => {
    expect(commonPasswords().size).toBeGreaterThan(300);
    expect(passwordProblem('1qaz2wsx3edc', 'li.wei', REAL)).toMatch(/common/);
    expect(passwordProblem('Password1234', 'li.wei', REAL)).toMatch(/common/);
  });

  it('refuses the username itself', () => {
    expect(passwordProblem('county.manager', 'county.manager', REAL)).toMatch(/username/);
  });

  it('counts blanks only, invisible characters only and one character repeated as common', () => {
    expect(passwordProblem(' '.repeat(12), 'li.wei', REAL)).toMatch(/only blanks/);
    expect(passwordProblem('\u3000\t \u00a0'.repeat(3), 'li.wei', REAL)).toMatch(/only blanks/);
    expect(passwordProblem('\u200b'.repeat(12), 'li.wei', REAL)).toMatch(/only invisible/);
    expect(passwordProblem('\u200d\u2060\ufeff\u202e \u00ad'.repeat(2), 'li.wei', REAL)).toMatch(/only invisible/);
    expect(passwordProblem('\u3164'.repeat(12), 'li.wei', REAL)).toMatch(/only invisible/);
    expect(passwordProblem('a'.repeat(12), 'li.wei', REAL)).toMatch(/one character repeated/);
    expect(passwordProblem('aAaAaAaAaAaA', 'li.wei', REAL)).toMatch(/one character repeated/);
    expect(passwordProblem('警'.repeat(12), 'li.wei', REAL)).toMatch(/one character repeated/);
    expect(passwordProblem('😀'.repeat(12), 'li.wei', REAL)).toMatch(/one character repeated/);
  });

  it('refuses the demonstration password outside a demonstration database only', () => {
    expect(passwordProblem(DEMO_PASSWORD, 'admin', REAL)).toMatch(/demonstration password/);
    expect(passwordProblem(DEMO_PASSWORD.toUpperCase(), 'admin', REAL)).toMatch(/demonstration password/);
    expect(passwordProblem(DEMO_PASSWORD, 'admin', { demonstration: true })).toBeNull();
  });

  it('has no other rules: a long plain passphrase is fine, visible characters among invisible ones too', () => {
    expect(passwordProblem('river stone lantern', 'li.wei', REAL)).toBeNull();
    expect(passwordProblem('aaaaaaaaaaab', 'li.wei', REAL)).toBeNull();
    expect(passwordProblem(`${'\u200b'.repeat(11)}x`, 'li.wei', REAL)).toBeNull();
    expect(passwordProblem('            .', 'li.wei', REAL)).toBeNull();
  });
});
