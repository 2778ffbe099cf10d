/**
 * The public side: residents find their community officer and answer the satisfaction and
 * awareness survey without an account. Answers become survey records (channel `online`)
 * through the ordinary import path, guarded by a proof of work, a limit per address and per
 * community, and one answer per address, community and day.
 */
import { createHash } from 'node:crypto';
import type { Database } from '../../db/database.ts';
import { AppError } from '../../shared/errors.ts';
import { today } from '../../shared/clock.ts';
import { importInTransaction } from '../imports/import.service.ts';
import { sourceFromObjects } from '../imports/sources.ts';
import { kindByName } from '../imports/kinds/index.ts';
import { appendAudit } from '../audit/audit.repository.ts';
import { ProofOfWork } from './proof-of-work.ts';
import { RateLimit } from './rate-limit.ts';
import { deploymentSecret, onlineAnswersToday, surveyExists, villageByCode } from './public.repository.ts';

/** Most online answers one community takes in a day; beyond it they are plainly abuse. */
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
  readonly perAddress = new RateLimit(10, 60 * 60 * 1000);

  constructor(
    private readonly db: Database,
    private readonly difficulty?: number,
  ) {}

  private async proof(): Promise<ProofOfWork> {
    this.secret ??= deploymentSecret(this.db.kysely);
    this.work ??= this.secret.then((s) => new ProofOfWork(s, this.difficulty));
    return this.work;
  }

  async challenge() {
    return (await this.proof()).issue();
  }

  async answer(answer: PublicAnswer, address: string): Promise<void> {
    const area = await villageByCode(this.db.kysely, answer.area_code);
    if (!area) throw new AppError('community_not_found', { area: answer.area_code });
    // A forged or reused challenge costs us one HMAC and is refused before it counts anywhere.
    const refused = (await this.proof()).check(answer.token, answer.nonce);
    if (refused) throw new AppError(refused, {});
    if (!this.perAddress.take(address)) throw new AppError('survey_address_limit', {});
    const day = today();
    if ((await onlineAnswersToday(this.db.kysely, area.code, day)) >= PER_COMMUNITY_PER_DAY)
      throw new AppError('survey_community_limit', {});
    // One answer per address, community and day: the ref is derived from them, so a repeat
    // names the same row. The address itself is never stored.
    const secret = await this.secret!;
    const digest = createHash('sha256')
      .update(secret)
      .update(`${address}|${area.code}|${day}`)
      .digest('base64url')
      .slice(0, 16);
    const ref = `WEB-${day.replace(/-/g, '')}-${digest}`;
    if (await surveyExists(this.db.kysely, ref)) throw new AppError('survey_already_answered', {});
    const row = {
      ref,
      date: day,
      area_code: area.code,
      knows_officer: answer.knows_officer ?? '',
      satisfaction: answer.satisfaction ?? '',
      channel: 'online',
    };
    await this.db.transaction(async (tx) => {
      await importInTransaction(tx, [sourceFromObjects('public', kindByName('surveys')!, [row])], {
        actor: 'public',
        source: 'public',
      });
      await appendAudit(
        tx,
        { actor: 'public', via: 'POST /api/v1/public/surveys', ip: null },
        { action: 'public.survey', target: area.code, detail: { ref } },
      );
    });
  }
}
