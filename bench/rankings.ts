/**
 * Rankings on the demonstration province, per engine: a month's full recomputation (cold) and
 * cached requests (warm), p50/p99, beside the lower bound measured in the same run — one GROUP BY
 * over each table of that month's records the scheme reads. Goals: p99 <= 20 ms, cold <= 2x bound.
 * Run: npm run bench:rankings [-- --scale 1 --engine sqlite]
 */
import { sql } from 'kysely';
import { AssessmentService } from '../src/modules/assessment/assessment.service.ts';
import { bumpDataVersion } from '../src/db/data-version.ts';
import { demoDatabase, enginesArg, ms, percentile, scaleArg, stopServers, time } from './support.ts';

const scale = scaleArg();
const MONTH = '2019-06';
const PROVINCE = '220000000000';
const CITIES = ['220100000000', '220200000000', '222400000000'];

for (const engine of enginesArg()) {
  const b = await demoDatabase(engine, scale);
  const { db } = b;
  const bound = async () => {
    for (const table of ['surveys', 'familiarity_checks', 'info_reports', 'incidents', 'patrol_logs'])
      await sql`select count(*) as n from ${sql.table(table)} where date >= ${`${MONTH}-01`} and date <= ${`${MONTH}-30`} group by ${sql.ref(table === 'info_reports' || table === 'familiarity_checks' ? 'badge' : table === 'patrol_logs' ? 'patrol_code' : 'area_code')}`.execute(
        db.kysely,
      );
  };
  const boundSamples: number[] = [];
  for (let i = 0; i < 5; i++) boundSamples.push((await time(bound))[1]);
  const boundMs = percentile(boundSamples, 50);

  const coldSamples: number[] = [];
  for (let i = 0; i < 5; i++) {
    await db.transaction((tx) => bumpDataVersion(tx));
    const service = new AssessmentService(db.kysely);
    coldSamples.push((await time(() => service.rankings(PROVINCE, MONTH, 'performance')))[1]);
  }
  const service = new AssessmentService(db.kysely);
  await service.rankings(PROVINCE, MONTH, 'performance');
  await service.rankings(PROVINCE, MONTH, 'construction');
  const warm: number[] = [];
  for (let i = 0; i < 400; i++) {
    const within = i % 4 === 0 ? PROVINCE : CITIES[i % CITIES.length];
    warm.push((await time(() => service.rankings(within, MONTH, i % 2 ? 'performance' : 'construction')))[1]);
  }
  const cold = percentile(coldSamples, 50);
  console.log(
    `\n${engine} (demo at scale ${scale}: built in ${(b.buildMs / 1000).toFixed(1)} s, ${(b.sizeBytes / 2 ** 20).toFixed(0)} MiB)`,
  );
  console.log(`  lower bound (one GROUP BY per record table of ${MONTH}): ${ms(boundMs)}`);
  console.log(
    `  cold ranking (recompute ${MONTH} and the month before): ${ms(cold)}  = ${(cold / boundMs).toFixed(2)}x the bound (each month ${(cold / 2 / boundMs).toFixed(2)}x)`,
  );
  console.log(
    `  warm ranking requests: p50 ${ms(percentile(warm, 50))}, p99 ${ms(percentile(warm, 99))} over ${warm.length}`,
  );
  await b.close();
}
await stopServers();
