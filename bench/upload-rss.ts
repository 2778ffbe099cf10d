/**
 * The server's own peak RSS while it takes a file the size of the upload limit (issue 15:
 * under 400 MB), apart from any client: the server runs in a child process (`--serve URL`),
 * this process streams a surveys CSV of about M MiB (default 512, at most the limit) to its
 * `POST imports` over real HTTP, and the child says its RSS after starting and its peak.
 *
 *   node --import tsx bench/upload-rss.ts [--mib M] [--engine sqlite|postgres]
 */
import { fork } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { openDatabase } from '../src/db/database.ts';
import { buildApp } from '../src/server/app.ts';
import { createContext } from '../src/modules/app-context.ts';
import { mergeHooks } from '../src/modules/imports/import.service.ts';
import { jobHooks } from '../src/modules/imports/import-jobs.service.ts';
import { importProvince51 } from '../test/support/province-51.ts';
import { adminHeaders } from '../test/support/session.ts';
import { emptyDatabaseUrl, stopServers } from './support.ts';
import { UPLOAD_CAP } from '#core/imports/upload-limits.ts';

const { values: args } = parseArgs({
  options: {
    mib: { type: 'string', default: '512' },
    engine: { type: 'string', default: 'sqlite' },
    serve: { type: 'string' },
  },
});
const MIB = 2 ** 20;

if (args.serve) await serve(args.serve);
else await measure();

/** The child: the app on a port of its own; answers `rss` with its RSS now and at its peak. */
async function serve(url: string): Promise<void> {
  const db = await openDatabase(url);
  const app = await buildApp(createContext(db), { web: false });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const started = process.memoryUsage.rss();
  // The RSS and the JavaScript heap sampled through the upload, their peaks kept per phase.
  const peaks = { receiving: [0, 0], reading: [0, 0], merging: [0, 0] };
  let phase: keyof typeof peaks = 'receiving';
  const sampler = setInterval(() => {
    const { rss, heapTotal } = process.memoryUsage();
    peaks[phase] = [Math.max(peaks[phase][0], rss), Math.max(peaks[phase][1], heapTotal)];
  }, 50);
  jobHooks.onTurn = async () => void (phase = 'reading');
  mergeHooks.onLock = () => void (phase = 'merging');
  const { port } = app.server.address() as { port: number };
  process.send!({ port, started });
  process.on('message', async () => {
    clearInterval(sampler);
    process.send!({ started, peak: process.resourceUsage().maxRSS * 1024, peaks });
    await app.close();
    await db.close();
    process.exit(0);
  });
}

async function measure(): Promise<void> {
  const engine = args.engine as 'sqlite' | 'postgres';
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'outpost-bench-rss-'));
  try {
    const file = path.join(work, 'surveys.csv');
    writeSurveys(file, Math.min(Number(args.mib) * MIB, UPLOAD_CAP));
    const bytes = fs.statSync(file).size;
    const url = await emptyDatabaseUrl(engine);
    const db = await openDatabase(url);
    await importProvince51(db);
    const headers = await adminHeaders(db);
    await db.close();
    const child = fork(new URL(import.meta.url).pathname, ['--serve', url], { execArgv: ['--import', 'tsx'] });
    type Said = { port: number; started: number; peak: number; peaks: Record<string, [number, number]> };
    const next = () => new Promise<Said>((r) => child.once('message', r));
    const { port, started } = await next();
    const began = performance.now();
    const status = await post(port, headers, file);
    const took = performance.now() - began;
    child.send('rss');
    const { peak, peaks } = await next();
    const mib = (b: number) => `${(b / MIB).toFixed(0)} MiB`;
    const phases = Object.entries(peaks).map(([p, [rss, heap]]) => `${p} ${mib(rss)} (heap ${mib(heap)})`);
    console.log(`[bench:upload-rss] ${engine}: the server's peak RSS by phase: ${phases.join(', ')}`);
    console.log(
      `[bench:upload-rss] ${engine}: a ${mib(bytes)} CSV uploaded and imported (HTTP ${status}) in ${(took / 1000).toFixed(0)} s; the server's RSS ${mib(started)} once started, peak ${mib(peak)} (${(peak / 1e6).toFixed(0)} MB; goal under 400 MB)`,
    );
  } finally {
    await stopServers();
    fs.rmSync(work, { recursive: true, force: true });
  }
}

function post(port: number, headers: Record<string, string>, file: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        port,
        method: 'POST',
        path: '/api/v1/imports?name=surveys.csv',
        headers: { ...headers, 'content-type': 'text/csv', 'content-length': fs.statSync(file).size },
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      },
    );
    req.on('error', reject);
    fs.createReadStream(file).pipe(req);
  });
}

/** Surveys of June 2019 up to `bytes` bytes. */
function writeSurveys(file: string, bytes: number): void {
  const villages = ['510201001001', '510201001002', '510201002001', '510101002001', '510101001001'];
  const fd = fs.openSync(file, 'w');
  let size = fs.writeSync(fd, 'ref,date,area_code,knows_officer,satisfaction,channel\n');
  let chunk = '';
  for (let i = 0; ; i++) {
    const day = String(1 + (i % 28)).padStart(2, '0');
    const line = `R-${i},2019-06-${day},${villages[i % villages.length]},${i % 3 ? 'yes' : 'no'},${1 + (i % 5)},door\n`;
    if (size + chunk.length + line.length > bytes) break;
    chunk += line;
    if (chunk.length > MIB) {
      size += fs.writeSync(fd, chunk);
      chunk = '';
    }
  }
  fs.writeSync(fd, chunk);
  fs.closeSync(fd);
}
