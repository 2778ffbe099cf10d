/**
 * The public side: residents find their community officer and answer the satisfaction and
 * awareness survey without an account. Answers are kept apart from survey records (table
 * `public_answers`): they are the area's own figure and count in the scored rates only where the
 * year's scheme says so (`count_online_answers`), as a scripted flood of them must not move a
 * score. They are guarded by a proof of work whose spent tokens are kept in the database, a limit
 * per network prefix kept there too (public-limits.ts), and one answer per address, community and
 * day. Past a community's daily cap answers are still taken, and flagged for its data quality.
 */
import { createHash } from 'node:crypto';
import type { Database } from '../../db/database.ts';
import { AppError } from '../../shared/errors.ts';
import { now, timestamp, today } from '../../shared/clock.ts';
import { bumpDataVersion } from '../../db/data-version.ts';
import { appendAudit } from '../audit/audit.repository.ts';
import { ProofOfWork } from './proof-of-work.ts';
import type { PublicLimits } from './public-limits.ts';
import {
  answerExists,
  deploymentSecret,
  flagPastCap,
  insertAnswer,
  onlineAnswersToday,
  spendToken,
  villageByCode,
} from './public.repository.ts';

/**
 * Online answers one community takes in a day before the rest are flagged: past it a flood is
 * likely, but a genuine resident is never turned away; the community's data quality counts them.
 */
export const PER_COMMUNITY_PER_DAY = 200;

export interface PublicAnswer {
  area_code: string;
  knows_officer: 'yes' | 'no' | null;
  satisfaction: number | null;
  token: string;
  nonce: string;
}

export class PublicService {
  private secret?: Promise<Buffer>;
  private work?: Promise<ProofOfWork>;
  constructor(
    private readonly db: Database,
    private readonly limits: PublicLimits,
    private readonly difficulty?: number,
  ) {}

  private async proof(): Promise<ProofOfWork> {
    this.secret ??= deploymentSecret(this.db.kysely);
    const spend = (hash: string, expiresAt: number) =>
      spendToken(this.db.kysely, hash, new Date(expiresAt).toISOString(), timestamp());
    this.work ??= this.secret.then((s) => new ProofOfWork(s, spend, this.difficulty, () => now().getTime()));
    return this.work;
  }

  async challenge() {
    return (await this.proof()).issue();
  }

  async answer(answer: PublicAnswer, address: string): Promise<void> {
    const area = await villageByCode(this.db.kysely, answer.area_code);
    if (!area) throw new AppError('community_not_found', { area: answer.area_code });
    // A forged or reused challenge costs us one HMAC and is refused before it counts anywhere.
    const refused = await (await this.proof()).check(answer.token, answer.nonce);
    if (refused) throw new AppError(refused, {});
    await this.limits.take('survey', address);
    const day = today();
    const pastCap = (await onlineAnswersToday(this.db.kysely, area.code, day)) >= PER_COMMUNITY_PER_DAY;
    // One answer per address, community and day: the ref is derived from them, so a repeat
    // names the same row. The address itself is never stored.
    const secret = await this.secret!;
    const digest = createHash('sha256')
      .update(secret)
      .update(`${address}|${area.code}|${day}`)
      .digest('base64url')
      .slice(0, 16);
    const ref = `WEB-${day.replace(/-/g, '')}-${digest}`;
    if (await answerExists(this.db.kysely, ref)) throw new AppError('survey_already_answered', {});
    await this.db.transaction(async (tx) => {
      // Raised so that the area's figures (its online answers, and its rates where they count) are current.
      await bumpDataVersion(tx);
      await insertAnswer(tx.kysely, {
        ref,
        date: day,
        area_code: area.code,
        knows_officer: answer.knows_officer === null ? null : answer.knows_officer === 'yes' ? 1 : 0,
        satisfaction: answer.satisfaction,
        received_at: timestamp(),
      });
      await appendAudit(
        tx,
        { actor: 'public', via: 'POST /api/v1/public/surveys', ip: null },
        { action: 'public.survey', target: area.code, detail: { ref, past_cap: pastCap } },
      );
      if (pastCap) await flagPastCap(tx.kysely, { ref, area_code: area.code, date: day });
    });
  }
}
