/**
 * What an accepted import does to rows already there, on both engines: same data changes
 * nothing, different data replaces and keeps the earlier version in history, a dry run writes
 * nothing, and a voided row stays (in history too) but leaves every figure.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../src/db/database.ts';
import { AssessmentService } from '../src/modules/assessment/assessment.service.ts';
import { importSources, type ImportReport } from '../src/modules/imports/import.service.ts';
import { sourcesFromPaths } from '../src/modules/imports/sources.ts';
import { voidRow } from '../src/modules/imports/void.service.ts';
import { AppError } from '../src/shared/errors.ts';
import { ENGINES, freshDatabase } from './support/engines.ts';
import { importProvince51 } from './support/province-51.ts';

const AREAS = 'code,name,level,parent_code,urban_rural';
const TREE = [
  'P,Province,province,,',
  'C,City,city,P,',
  'K,County,county,C,',
  'T,Town,township,K,',
  'V1,Village 1,village,T,urban',
  'V2,Village 2,village,T,rural',
];
const TABLES = ['areas', 'history', 'imports', 'surveys'] as const;

for (const engine of ENGINES) {
  describe(`import over existing rows on ${engine}`, () => {
    let db: Database;
    beforeAll(async () => {
      db = await freshDatabase(engine);
      await importAreas(db, TREE);
    });
    afterAll(() => db?.close());

    it('changes nothing when the same rows come again', async () => {
      const before = await counts(db);
      const report = await importAreas(db, TREE);
      expect(report.kinds).toEqual([{ kind: 'areas', rows: 6, added: 0, replaced: 0, unchanged: 6 }]);
      expect(report.written).toBe(0);
      expect({ ...(await counts(db)), imports: before.imports }).toEqual(before);
    });

    it('reports what a dry run would do and writes nothing', async () => {
      const before = await counts(db);
      const changed = TREE.map((r) => r.replace('Village 1', 'Village One'));
      const report = await importAreas(db, [...changed, 'V3,Village 3,village,T,rural'], { dryRun: true });
      expect(report).toEqual({
        importId: null,
        dryRun: true,
        written: 2,
        kinds: [{ kind: 'areas', rows: 7, added: 1, replaced: 1, unchanged: 5 }],
      });
      expect(await counts(db)).toEqual(before);
      expect(await nameOf(db, 'V1')).toBe('Village 1');
    });

    it('replaces a changed row and keeps its earlier version in history', async () => {
      const first = await db.kysely
        .selectFrom('areas')
        .select(['import_id'])
        .where('code', '=', 'V2')
        .executeTakeFirstOrThrow();
      const report = await importAreas(
        db,
        TREE.map((r) => r.replace('Village 1', 'Village One')),
      );
      expect(report.kinds).toEqual([{ kind: 'areas', rows: 6, added: 0, replaced: 1, unchanged: 5 }]);
      expect(await nameOf(db, 'V1')).toBe('Village One');
      const history = await db.kysely.selectFrom('history').selectAll().execute();
      expect(history).toHaveLength(1);
      expect(history[0]).toMatchObject({ kind: 'areas', row_key: 'V1', action: 'replaced' });
      expect(JSON.parse(history[0].data)).toMatchObject({
        code: 'V1',
        name: 'Village 1',
        level: 'village',
        parent_code: 'T',
        province: 'P',
      });
      const v1 = await db.kysely
        .selectFrom('areas')
        .select(['import_id', 'province'])
        .where('code', '=', 'V1')
        .executeTakeFirstOrThrow();
      expect(v1).toEqual({ import_id: report.importId, province: 'P' });
      // Unchanged rows keep the import that wrote them.
      const v2 = await db.kysely
        .selectFrom('areas')
        .select(['import_id'])
        .where('code', '=', 'V2')
        .executeTakeFirstOrThrow();
      expect(v2.import_id).toBe(first.import_id);
    });
  });

  describe(`voiding on ${engine}`, () => {
    let db: Database;
    let assessment: AssessmentService;
    const awareness = async () =>
      (await assessment.indicators('510000000000', '2019-06', 'performance')).indicators.awareness_rate;
    beforeAll(async () => {
      db = await freshDatabase(engine);
      await importProvince51(db);
      assessment = new AssessmentService(db.kysely);
    });
    afterAll(() => db?.close());

    it('keeps a voided survey in its table and in history but leaves it out of the figures', async () => {
      expect(await awareness()).toMatchObject({ numerator: 449, denominator: 593 });
      // Q1-000006: 2019-06-25, knows_officer = no.
      await voidRow(db, 'surveys', ['Q1-000006'], 'entered twice', 'test');
      expect(await awareness()).toMatchObject({ numerator: 449, denominator: 592 });
      const row = await db.kysely
        .selectFrom('surveys')
        .selectAll()
        .where('ref', '=', 'Q1-000006')
        .executeTakeFirstOrThrow();
      expect(row.void_reason).toBe('entered twice');
      expect(row.voided_at).not.toBeNull();
      const history = await db.kysely.selectFrom('history').selectAll().where('kind', '=', 'surveys').execute();
      expect(history).toMatchObject([{ row_key: 'Q1-000006', action: 'voided', reason: 'entered twice' }]);
      expect(JSON.parse(history[0].data)).toMatchObject({ ref: 'Q1-000006', knows_officer: 0, voided_by: 'test' });
    });

    it('leaves a voided row voided when the same data is imported again', async () => {
      const report = await importProvince51(db);
      expect(report.written).toBe(0);
      expect(await awareness()).toMatchObject({ numerator: 449, denominator: 592 });
    });

    it('refuses to void twice, a missing row, or without a reason', async () => {
      const codes = await Promise.all([
        voidRow(db, 'surveys', ['Q1-000006'], 'again', 'test').catch((e: AppError) => e.code),
        voidRow(db, 'surveys', ['Q-NONE'], 'gone', 'test').catch((e: AppError) => e.code),
        voidRow(db, 'surveys', ['Q1-000007'], ' ', 'test').catch((e: AppError) => e.code),
        voidRow(db, 'notes', ['x'], 'why', 'test').catch((e: AppError) => e.code),
      ]);
      expect(codes).toEqual(['row_already_voided', 'row_not_found', 'void_reason_required', 'record_kind_unknown']);
    });
  });
}

async function importAreas(db: Database, rows: string[], options: { dryRun?: boolean } = {}): Promise<ImportReport> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'outpost-history-'));
  fs.writeFileSync(path.join(dir, 'areas.csv'), [AREAS, ...rows].join('\n'));
  return importSources(db, await sourcesFromPaths([dir]), { actor: 'test', source: 'test', ...options });
}

async function nameOf(db: Database, code: string): Promise<string> {
  const row = await db.kysely.selectFrom('areas').select('name').where('code', '=', code).executeTakeFirstOrThrow();
  return row.name;
}

async function counts(db: Database): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const table of TABLES) {
    const row = await db.kysely
      .selectFrom(table)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    out[table] = Number(row.n);
  }
  return out;
}
