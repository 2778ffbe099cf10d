/**
 * The server's warm-up on both engines: once it has run, the dashboard's first requests (the
 * latest month's rankings under both schemes and twelve months of the performance figures) are
 * answered from the cache, reading nothing but the data version.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KyselyPlugin, QueryResult, RootOperationNode, UnknownRow } from 'kysely';
import { ENGINES, freshDatabase } from './support/engines.ts';
import { load, TINY } from './support/factory.ts';
import type { Database } from '../src/db/database.ts';
import { AssessmentService } from '../src/modules/assessment/assessment.service.ts';
import { latestMonth, warmUp } from '../src/modules/assessment/warm-up.ts';
import { monthsEnding } from '../src/modules/assessment/month.ts';

/** Counts the queries that touch anything but the data version. */
class Reads implements KyselyPlugin {
  tables: string[] = [];
  transformQuery({ node }: { node: RootOperationNode }): RootOperationNode {
    const text = JSON.stringify(node);
    const names = [...text.matchAll(/"kind":"IdentifierNode","name":"([a-z_]+)"/g)].map((m) => m[1]);
    const table = names.find((n) => n !== 'data_version' && n !== 'meta' && n !== 'value' && n !== 'key');
    if (!text.includes('data_version') && table) this.tables.push(table);
    return node;
  }
  async transformResult({ result }: { result: QueryResult<UnknownRow> }): Promise<QueryResult<UnknownRow>> {
    return result;
  }
}

for (const engine of ENGINES) {
  describe(`warm-up on ${engine}`, () => {
    let db: Database;
    beforeAll(async () => {
      db = await freshDatabase(engine);
      await load(db, {
        ...TINY,
        surveys: [
          { ref: 'Q1', date: '2019-06-05', area_code: 'V1', knows_officer: 'yes', satisfaction: 5, channel: 'door' },
        ],
      });
    });
    afterAll(() => db?.close());

    it('computes the latest month and its trend ahead, so the first requests read nothing', async () => {
      expect(await latestMonth(db.kysely)).toBe('2019-06');
      const reads = new Reads();
      const assessment = new AssessmentService(db.kysely.withPlugin(reads));
      expect((await warmUp(assessment)).month).toBe('2019-06');
      expect(reads.tables.length).toBeGreaterThan(0);
      reads.tables = [];
      await assessment.rankings('P', '2019-06', 'performance');
      await assessment.rankings('P', '2019-06', 'construction');
      for (const m of monthsEnding('2019-06', 12)) await assessment.indicators('P', m, 'performance');
      expect(reads.tables).toEqual([]);
      // A month it did not warm is computed on demand, as before.
      await assessment.indicators('P', '2018-05', 'performance');
      expect(reads.tables.length).toBeGreaterThan(0);
    });

    it('stops between months when told to', async () => {
      const reads = new Reads();
      const assessment = new AssessmentService(db.kysely.withPlugin(reads));
      const stop = new AbortController();
      stop.abort();
      await warmUp(assessment, stop.signal);
      reads.tables = [];
      await assessment.indicators('P', '2019-01', 'performance');
      expect(reads.tables.length).toBeGreaterThan(0);
    });
  });
}
