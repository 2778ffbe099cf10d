/**
 * `npm run docs`: rewrites the generated regions of docs/ from the code. With `--check` it
 * writes nothing and exits 1 naming each file that is out of date.
 */
import fs from 'node:fs';
import { generateDocs, ROOT } from './generate.ts';

const check = process.argv.includes('--check');
const stale: string[] = [];
for (const doc of await generateDocs()) {
  if (doc.current === doc.wanted) continue;
  stale.push(doc.file);
  if (!check) fs.writeFileSync(`${ROOT}${doc.file}`, doc.wanted);
}
if (check && stale.length > 0) {
  process.stderr.write(`out of date (run npm run docs): ${stale.join(', ')}\n`);
  process.exitCode = 1;
} else process.stdout.write(stale.length > 0 ? `rewrote ${stale.join(', ')}\n` : 'docs/ are up to date\n');
