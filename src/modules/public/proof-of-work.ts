/**
 * A cheap proof of work for the public survey: the server hands out a signed, expiring token;
 * the browser finds a nonce whose SHA-256 with the token starts with `difficulty` zero bits
 * (about 2^difficulty hashes, a second or so on a phone), and each token is accepted once.
 * Spamming thousands of answers then costs thousands of seconds of someone's CPU.
 */
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { leadingZeroBits } from '#core/public/proof-of-work.ts';

export const DIFFICULTY = 14;

/** Why an answer's challenge is refused: a registered error code (#core/errors). */
export type ChallengeRefusal = 'challenge_foreign' | 'challenge_expired' | 'challenge_used' | 'proof_invalid';
const LIFETIME_MS = 10 * 60 * 1000;

export class ProofOfWork {
  private readonly used = new Map<string, number>();

  constructor(
    private readonly secret: Buffer,
    private readonly difficulty = DIFFICULTY,
    private readonly now: () => number = Date.now,
  ) {}

  issue(): { token: string; difficulty: number; expires_in: number } {
    const payload = `${this.now() + LIFETIME_MS}.${randomBytes(9).toString('base64url')}`;
    return { token: `${payload}.${this.sign(payload)}`, difficulty: this.difficulty, expires_in: LIFETIME_MS / 1000 };
  }

  /** Why the answer is refused, or null when it is good (and the token is then spent). */
  check(token: string, nonce: string): ChallengeRefusal | null {
    const parts = token.split('.');
    if (parts.length !== 3) return 'challenge_foreign';
    const payload = `${parts[0]}.${parts[1]}`;
    const given = Buffer.from(parts[2]);
    const wanted = Buffer.from(this.sign(payload));
    if (given.length !== wanted.length || !timingSafeEqual(given, wanted)) return 'challenge_foreign';
    if (Number(parts[0]) < this.now()) return 'challenge_expired';
    if (this.used.has(token)) return 'challenge_used';
    if (leadingZeroBits(createHash('sha256').update(`${token}:${nonce}`).digest()) < this.difficulty)
      return 'proof_invalid';
    this.forgetExpired();
    this.used.set(token, Number(parts[0]));
    return null;
  }

  private sign(payload: string): string {
    return createHmac('sha256', this.secret).update(payload).digest('base64url');
  }

  private forgetExpired(): void {
    const now = this.now();
    for (const [token, expires] of this.used) if (expires < now) this.used.delete(token);
  }
}

/** What a browser does (also used by tests): the first nonce that satisfies the challenge. */
export function solve(token: string, difficulty: number): string {
  for (let n = 0; ; n++) {
    if (leadingZeroBits(createHash('sha256').update(`${token}:${n}`).digest()) >= difficulty) return String(n);
  }
}
