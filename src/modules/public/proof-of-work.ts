/**
 * A cheap proof of work for the public survey: the server hands out a signed, expiring token;
 * the browser finds a nonce whose SHA-256 with the token starts with `difficulty` zero bits
 * (about 2^difficulty hashes, a second or so on a phone), and each token is accepted once.
 * Spamming thousands of answers then costs thousands of seconds of someone's CPU. The tokens
 * spent are kept by the caller (in the database: public.repository.ts), so that a restart does
 * not let a spent token be replayed within its life.
 */
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { leadingZeroBits } from '#core/public/proof-of-work.ts';

export const DIFFICULTY = 14;

/** Why an answer's challenge is refused: a registered error code (#core/errors). */
export type ChallengeRefusal = 'challenge_foreign' | 'challenge_expired' | 'challenge_used' | 'proof_invalid';
export const LIFETIME_MS = 10 * 60 * 1000;

/**
 * Spends a token once: true the first time, false when it was spent before. `hash` names the
 * token; `expiresAt` (ms) is when it can be forgotten, as a replay is refused as expired then.
 */
export type SpendToken = (hash: string, expiresAt: number) => Promise<boolean>;

export class ProofOfWork {
  constructor(
    private readonly secret: Buffer,
    private readonly spend: SpendToken,
    private readonly difficulty = DIFFICULTY,
    private readonly now: () => number = Date.now,
  ) {}

  issue(): { token: string; difficulty: number; expires_in: number } {
    const payload = `${this.now() + LIFETIME_MS}.${randomBytes(9).toString('base64url')}`;
    return { token: `${payload}.${this.sign(payload)}`, difficulty: this.difficulty, expires_in: LIFETIME_MS / 1000 };
  }

  /** Why the answer is refused, or null when it is good (and the token is then spent). */
  async check(token: string, nonce: string): Promise<ChallengeRefusal | null> {
    const parts = token.split('.');
    if (parts.length !== 3) return 'challenge_foreign';
    const payload = `${parts[0]}.${parts[1]}`;
    const given = Buffer.from(parts[2]);
    const wanted = Buffer.from(this.sign(payload));
    if (given.length !== wanted.length || !timingSafeEqual(given, wanted)) return 'challenge_foreign';
    if (Number(parts[0]) < this.now()) return 'challenge_expired';
    if (leadingZeroBits(createHash('sha256').update(`${token}:${nonce}`).digest()) < this.difficulty)
      return 'proof_invalid';
    const hash = createHash('sha256').update(token).digest('base64url');
    return (await this.spend(hash, Number(parts[0]))) ? null : 'challenge_used';
  }

  private sign(payload: string): string {
    return createHmac('sha256', this.secret).update(payload).digest('base64url');
  }
}

/** What a browser does (also used by tests): the first nonce that satisfies the challenge. */
export function solve(token: string, difficulty: number): string {
  for (let n = 0; ; n++) {
    if (leadingZeroBits(createHash('sha256').update(`${token}:${n}`).digest()) >= difficulty) return String(n);
  }
}
