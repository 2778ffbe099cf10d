import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES, freshDatabase } from './support/engines.ts';
import { expected, importProvince51 } from './support/province-51.ts';
import type { Database } from '../src/db/database.ts';
import { AssessmentService } from '../src/modules/assessment/assessment.service.ts';

const want = expected();

/** Every number to 1e-9, everything else exactly. */
function expectClose(actual: unknown, wanted: unknown, path: string): void {
  if (typeof wanted === 'number') {
    expect(typeof actual, path).toBe('number');
    expect(Math.abs((actual as number) - wanted), `${path}: ${actual} vs ${wanted}`).toBeLessThanOrEqual(1e-9);
  } else if (wanted && typeof wanted === 'object' && !Array.isArray(wanted)) {
    for (const [k, v] of Object.entries(wanted))
      expectClose((actual as Record<string, unknown>)?.[k], v, `${path}.${k}`);
  } else if (Array.isArray(wanted)) {
    expect(Array.isArray(actual), path).toBe(true);
    expect((actual as unknown[]).length, `${path}.length`).toBe(wanted.length);
    wanted.forEach((w, i) => expectClose((actual as unknown[])[i], w, `${path}[${i}]`));
  } else expect(actual, path).toEqual(wanted);
}

for (const engine of ENGINES) {
  describe(`province-51 on ${engine}`, () => {
    let db: Database;
    let assessment: AssessmentService;
    beforeAll(async () => {
      db = await freshDatabase(engine);
      await importProvince51(db);
      assessment = new AssessmentService(db.kysely);
    });
    afterAll(() => db?.close());

    for (const scheme of ['performance', 'construction'] as const) {
      it(`reproduces every ${scheme} indicator`, async () => {
        for (const [area, figures] of Object.entries(want.indicators[scheme])) {
          const got = await assessment.indicators(area, want.month, scheme);
          expectClose(got, figures, `${scheme}/${area}`);
        }
      });

      it(`reproduces every ${scheme} ranking`, async () => {
        for (const [within, rows] of Object.entries(want.rankings[scheme])) {
          const got = await assessment.rankings(within, want.month, scheme);
          expectClose(got, rows, `${scheme}/rank ${within}`);
        }
      });
    }

    it('changes nothing when imported again', async () => {
      const report = await importProvince51(db);
      expect(report.written).toBe(0);
      expect(report.kinds.every((k) => k.unchanged === k.rows)).toBe(true);
    });
  });
}
