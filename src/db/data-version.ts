/**
 * A counter every write raises inside its transaction. Anything computed from the data (the
 * assessment cache) is valid only for the version it was computed at, so a write made by any
 * process is seen by every reader as soon as it commits.
 */
import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import { LRUCache } from 'lru-cache';
import type { DB } from './schema.ts';
import type { Tx } from './database.ts';

export async function bumpDataVersion(tx: Tx): Promise<void> {
  await sql`update meta set value = cast(cast(value as integer) + 1 as text) where key = 'data_version'`.execute(
    tx.kysely,
  );
}

export async function dataVersion(db: Kysely<DB>): Promise<number> {
  const row = await db.selectFrom('meta').select('value').where('key', '=', 'data_version').executeTakeFirst();
  return Number(row?.value ?? 0);
}

/** How many values a cache keeps by default: about a year of both schemes' months and their rankings. */
export const CACHE_ENTRIES = 128;

/**
 * Values computed once per data version and key, for every reader of one database: the first
 * read after a write (by any process) recomputes, no read sees figures older than the data. A
 * failure is not kept. At most `entries` values are kept: the least recently used goes first,
 * so that months, areas and indicators looked at once do not pile up until the next write.
 *
 * @example const tree = await cache.get('areas:tree', () => loadTree(db));
 */
export class DataVersionCache {
  private version = -1;
  private readonly entries: LRUCache<string, Promise<unknown>>;

  constructor(
    readonly db: Kysely<DB>,
    entries = CACHE_ENTRIES,
  ) {
    this.entries = new LRUCache({ max: entries });
  }

  /** How many values are kept now. */
  get size(): number {
    return this.entries.size;
  }

  async get<T>(key: string, compute: () => Promise<T>): Promise<T> {
    const v = await dataVersion(this.db);
    if (v !== this.version) {
      this.version = v;
      this.entries.clear();
    }
    let result = this.entries.get(key) as Promise<T> | undefined;
    if (!result) {
      result = compute();
      result.catch(() => this.entries.peek(key) === result && this.entries.delete(key));
      this.entries.set(key, result);
    }
    return result;
  }
}
