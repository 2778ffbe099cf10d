/**
 * The demonstration province's build on each engine: time, rate and size, beside the lower
 * bound of just generating its rows in the same run (goal: at most 60 s at scale 1 on SQLite).
 * Run: npm run bench:demo [-- --scale 1 --engine sqlite]
 */
import { demoSources, loadJilinAreas } from '../src/modules/demo/generate.ts';
import { demoDatabase, enginesArg, ms, scaleArg, stopServers, time } from './support.ts';

const scale = scaleArg();
const [rows, generateMs] = await time(async () => {
  let n = 0;
  for (const s of demoSources(loadJilinAreas(), { seed: 1, scale })) for (const _ of s.rows()) n++;
  return n;
});
console.log(
  `demonstration province at scale ${scale}: ${rows.toLocaleString('en')} rows; generating them alone takes ${ms(generateMs)}`,
);
console.log('engine    build        rows/s     size      build / generate');
for (const engine of enginesArg()) {
  const b = await demoDatabase(engine, scale);
  console.log(
    `${engine.padEnd(9)} ${(b.buildMs / 1000).toFixed(1).padStart(6)} s  ${Math.round(rows / (b.buildMs / 1000))
      .toLocaleString('en')
      .padStart(
        10,
      )}  ${(b.sizeBytes / 2 ** 20).toFixed(0).padStart(6)} MiB  ${(b.buildMs / generateMs).toFixed(1).padStart(8)}x`,
  );
  await b.close();
}
await stopServers();
