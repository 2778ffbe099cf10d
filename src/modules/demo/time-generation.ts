/**
 * Times the generation of every demo row and prints the count per kind.
 * Usage: `npx tsx src/modules/demo/time-generation.ts [seed] [scale]`
 */
import { demoSources, loadJilinAreas } from './generate.ts';

const seed = Number(process.argv[2] ?? 1);
const scale = Number(process.argv[3] ?? 1);
const started = performance.now();
let total = 0;
for (const source of demoSources(loadJilinAreas(), { seed, scale })) {
  const t0 = performance.now();
  let n = 0;
  for (const row of source.rows()) if (row) n++;
  total += n;
  console.log(
    `${source.kind.padEnd(20)} ${String(n).padStart(10)} rows ${((performance.now() - t0) / 1000).toFixed(2).padStart(7)} s`,
  );
}
console.log(
  `${'total'.padEnd(20)} ${String(total).padStart(10)} rows ${((performance.now() - started) / 1000).toFixed(2).padStart(7)} s (seed ${seed}, scale ${scale})`,
);
