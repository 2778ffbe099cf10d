import { describe, expect, it } from 'vitest';
import { freshDatabase } from './support/engines.ts';
import { buildDemo, demoInfo } from '../src/modules/demo/demo.service.ts';
import { overviewOf } from '../src/modules/overview/overview.repository.ts';
import { AssessmentService } from '../src/modules/assessment/assessment.service.ts';

const JILIN = '220000000000';

describe('the demonstration province', () => {
  it('reproduces the 2019 summary exactly at scale 1 (SQLite)', async () => {
    const db = await freshDatabase('sqlite');
    await buildDemo(db, { seed: 1, scale: 1 });
    const o = await overviewOf(db.kysely, JILIN, '2019-12-31');
    expect(o.units.community_room).toBe(2312);
    expect(o.officers.community).toBe(4910);
    expect(o.units.rural_office).toBe(4054);
    expect(o.officers.resident).toBe(4400);
    expect(o.patrols.full_time.teams).toBe(2865);
    expect(o.patrols.full_time.members).toBeGreaterThanOrEqual(23000);
    expect(o.units.bureau).toBe(69);
    expect(o.units.station).toBe(1075);
    expect((await demoInfo(db))?.label.zh).toBe('演示数据');
    // Cities differ, so the ranking means something.
    const rows = await new AssessmentService(db.kysely).rankings(JILIN, '2019-12', 'construction');
    expect(rows).toHaveLength(9);
    expect(rows[0].composite - rows[8].composite).toBeGreaterThan(20);
    await db.close();
  }, 400_000);

  it('builds through COPY on PostgreSQL at a small scale, with the same figures as on SQLite', async () => {
    const figures = [];
    for (const engine of ['postgres', 'sqlite'] as const) {
      const db = await freshDatabase(engine);
      await buildDemo(db, { seed: 7, scale: 0.02 });
      const service = new AssessmentService(db.kysely);
      figures.push(
        JSON.stringify([
          await overviewOf(db.kysely, JILIN, '2019-12-31'),
          await service.rankings(JILIN, '2019-06', 'performance'),
          await service.rankings(JILIN, '2019-06', 'construction'),
        ]),
      );
      await db.close();
    }
    expect(figures[0]).toBe(figures[1]);
  }, 200_000);
});
