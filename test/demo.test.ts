import { describe, expect, it } from 'vitest';
import { freshDatabase } from './support/engines.ts';
import { buildDemo, demoInfo } from '../src/modules/demo/demo.service.ts';
import { overviewOf } from '../src/modules/overview/overview.repository.ts';
import { AssessmentService } from '../src/modules/assessment/assessment.service.ts';
import type { Database } from '../src/db/database.ts';
import { boundaryShapes } from '../src/modules/maps/boundaries.store.ts';
import { contains } from '../src/modules/maps/domain/geometry.ts';

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
      await expectRoomsInTheirCounties(db);
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

/** Every room stored with an address and a point inside its county's shape (its city's in a development zone). */
async function expectRoomsInTheirCounties(db: Database): Promise<void> {
  const shapes = boundaryShapes();
  const rooms = await db.kysely
    .selectFrom('units as u')
    .innerJoin('areas as t', 't.code', 'u.area_code')
    .innerJoin('areas as k', 'k.code', 't.parent_code')
    .select(['u.code', 'u.address', 'u.longitude', 'u.latitude', 'k.code as county', 'k.parent_code as city'])
    .where('u.type', 'in', ['community_room', 'rural_office'])
    .execute();
  expect(rooms.length).toBeGreaterThan(100);
  for (const r of rooms) {
    const shape = shapes.get(r.county) ?? shapes.get(r.city ?? '');
    expect(r.address, r.code).toBeTruthy();
    expect(contains(shape!.shape, [Number(r.longitude), Number(r.latitude)]), r.code).toBe(true);
  }
}
