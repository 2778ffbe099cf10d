/** The figures an issued notification kept beside its document (migration 014). */
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { RankingRow } from '#core/assessment/ranking.ts';

export interface IssuedFigures {
  /** The notice's areas (its own and those it ranks) whose period was locked when it was issued. */
  locked: string[];
  /** Per scheme, the ranking it was issued with. */
  rankings: Record<string, RankingRow[]>;
}

export async function insertFigures(db: Kysely<DB>, notificationId: number, f: IssuedFigures): Promise<void> {
  await db
    .insertInto('notification_figures')
    .values({ notification_id: notificationId, locked: JSON.stringify(f.locked), rankings: JSON.stringify(f.rankings) })
    .execute();
}

/** What notice `notificationId` kept; undefined for one issued before figures were kept. */
export async function issuedFigures(db: Kysely<DB>, notificationId: number): Promise<IssuedFigures | undefined> {
  const row = await db
    .selectFrom('notification_figures')
    .selectAll()
    .where('notification_id', '=', notificationId)
    .executeTakeFirst();
  return (
    row && {
      locked: JSON.parse(row.locked) as string[],
      rankings: JSON.parse(row.rankings) as IssuedFigures['rankings'],
    }
  );
}
