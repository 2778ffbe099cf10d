/**
 * Nobody waits behind a big write (issue 15), on both engines, against lower bounds measured in
 * the same run:
 *
 *   node --import tsx bench/upload.ts [--rows N | --mib M] [--engine sqlite|postgres]
 *
 * A surveys CSV of N rows (default one million; or as many as fill M MiB, for the peak RSS of
 * a file the size of the upload limit) is uploaded to `POST imports` of the real app
 * (in-process HTTP, the acceptance province loaded). Meanwhile another account reads
 * `GET areas?limit=1` one request after another: their p99 is set against the p99 of the same
 * reads with nothing else running (the lower bound). As the import job begins (the file stored,
 * its reading about to start), one record is posted to `POST records/surveys`: its wait is set
 * against the merge's own length (from the merge taking the lock to the import's answer) and
 * the import's whole length (reading, checking and merging). Last, the process's peak RSS.
 * Nothing is asserted (tests do that).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { openDatabase } from '../src/db/database.ts';
import { buildApp } from '../src/server/app.ts';
import { createContext } from '../src/modules/app-context.ts';
import { mergeHooks } from '../src/modules/imports/import.service.ts';
import { jobHooks } from '../src/modules/imports/import-jobs.service.ts';
import { importProvince51 } from '../test/support/province-51.ts';
import { adminHeaders, sessionHeaders } from '../test/support/session.ts';
import { emptyDatabaseUrl, ms, percentile, stopServers, time } from './support.ts';

const { values: args } = parseArgs({
  options: { rows: { type: 'string', default: '1000000' }, mib: { type: 'string' }, engine: { type: 'string' } },
});
// A generated row of a large file is 45 to 47 bytes: 46 on average.
const ROWS = args.mib ? Math.floor((Number(args.mib) * 2 ** 20) / 46) : Number(args.rows);
const ENGINES = (args.engine ? [args.engine] : ['sqlite', 'postgres']) as ('sqlite' | 'postgres')[];
const VILLAGES = ['510201001001', '510201001002', '510201002001', '510101002001', '510101001001'];
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'outpost-bench-upload-'));
const log = (m: string) => console.log(`[bench:upload] ${m}`);

try {
  const file = path.join(work, 'surveys.csv');
  writeSurveys(file, ROWS);
  log(`wrote ${ROWS.toLocaleString('en')} surveys (${(fs.statSync(file).size / 2 ** 20).toFixed(0)} MiB)`);
  const rows: string[] = [];
  for (const engine of ENGINES) rows.push(await benchEngine(engine, file));
  console.log(
    '\nengine    | reads p99 alone | reads p99 during upload | ratio | longest read | loop held | POST wait | merge | import | POST/merge',
  );
  for (const r of rows) console.log(r);
  // maxRSS is in KiB: the process's peak, the file's generation and both engines included.
  console.log(`peak RSS of this process: ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MiB`);
} finally {
  await stopServers();
  fs.rmSync(work, { recursive: true, force: true });
}

async function benchEngine(engine: 'sqlite' | 'postgres', file: string): Promise<string> {
  const db = await openDatabase(await emptyDatabaseUrl(engine));
  await importProvince51(db);
  log(`${engine}: province loaded`);
  const app = await buildApp(createContext(db), { web: false });
  const admin = await adminHeaders(db);
  const analyst = await sessionHeaders(db, { username: 'analyst', role: 'analyst' });
  // In-process requests resolve without reaching the event loop's I/O phase: each read first
  // lets it turn once (as requests over a socket would), or the upload's file I/O would starve.
  const read = async () => {
    await new Promise((resolve) => setImmediate(resolve));
    return time(() => app.inject({ method: 'GET', url: '/api/v1/areas?limit=1', headers: analyst }));
  };
  try {
    log(`${engine}: reading alone`);
    for (let i = 0; i < 100; i++) await read(); // warm-up: compiled paths, caches
    const alone: number[] = [];
    for (let i = 0; i < 300; i++) alone.push((await read())[1]);

    // The process's RSS sampled through the upload, its peak kept per phase: where memory goes.
    const peaks = { before: process.memoryUsage.rss(), receiving: 0, reading: 0, merging: 0 };
    let phase: 'receiving' | 'reading' | 'merging' = 'receiving';
    const sampler = setInterval(() => (peaks[phase] = Math.max(peaks[phase], process.memoryUsage.rss())), 50);
    let merging = 0;
    let turn = 0;
    let postWait = 0;
    let posted: Promise<void> | undefined;
    mergeHooks.onLock = (rows) => {
      // The import's own merge (the posted record's comes through here too, with its one row).
      if (rows < ROWS) return;
      delete mergeHooks.onLock;
      merging = performance.now();
      phase = 'merging';
    };
    jobHooks.onTurn = async () => {
      // One record posted as the job begins to read the file: how long it waits behind it.
      delete jobHooks.onTurn;
      turn = performance.now();
      phase = 'reading';
      posted = time(() =>
        app.inject({
          method: 'POST',
          url: '/api/v1/records/surveys',
          headers: admin,
          payload: [
            {
              ref: 'ONE-1',
              date: '2019-06-02',
              area_code: VILLAGES[0],
              knows_officer: 'yes',
              satisfaction: 5,
              channel: 'door',
            },
          ],
        }),
      ).then(([res, took]) => {
        if (res.statusCode !== 201) throw new Error(`the single POST answered ${res.statusCode}: ${res.body}`);
        postWait = took;
      });
    };
    log(`${engine}: uploading`);
    const started = performance.now();
    let done = false;
    const upload = app
      .inject({
        method: 'POST',
        url: '/api/v1/imports?name=surveys.csv',
        headers: { ...admin, 'content-type': 'text/csv' },
        payload: fs.createReadStream(file),
      })
      .finally(() => (done = true));
    const during: number[] = [];
    // How long the event loop itself was held at once: what every request of the server waits.
    const held = monitorEventLoopDelay({ resolution: 10 });
    held.enable();
    while (!done) during.push((await read())[1]);
    held.disable();
    const res = await upload;
    const ended = performance.now();
    clearInterval(sampler);
    if (res.statusCode !== 201) throw new Error(`the upload answered ${res.statusCode}: ${res.body.slice(0, 300)}`);
    await posted;
    const mergeMs = ended - merging;
    const importMs = ended - turn;
    const [p99Alone, p99During] = [percentile(alone, 99), percentile(during, 99)];
    const mib = (b: number) => `${(b / 2 ** 20).toFixed(0)} MiB`;
    log(
      `${engine}: RSS ${mib(peaks.before)} before the upload; peak ${mib(peaks.receiving)} receiving it, ${mib(peaks.reading)} reading and checking, ${mib(peaks.merging)} merging`,
    );
    log(
      `${engine}: ${during.length} reads during the upload (sent and stored in ${ms(turn - started)}, imported in ${ms(importMs)}, of which the merge ${ms(mergeMs)}); p99 ${ms(p99During)} against ${ms(p99Alone)} alone; a POST sent as the import began waited ${ms(postWait)}`,
    );
    return [
      engine.padEnd(9),
      ms(p99Alone).padStart(15),
      ms(p99During).padStart(23),
      `${(p99During / p99Alone).toFixed(1)}×`.padStart(5),
      // Reads follow one another, so a stall is one sample however long: the p99 cannot show it.
      ms(Math.max(...during)).padStart(12),
      ms(held.max / 1e6).padStart(11),
      ms(postWait).padStart(9),
      ms(mergeMs).padStart(5),
      ms(importMs).padStart(6),
      (postWait / mergeMs).toFixed(2).padStart(10),
    ].join(' | ');
  } finally {
    delete mergeHooks.onLock;
    delete jobHooks.onTurn;
    await app.close();
    await db.close();
  }
}

function writeSurveys(file: string, n: number): void {
  const fd = fs.openSync(file, 'w');
  fs.writeSync(fd, 'ref,date,area_code,knows_officer,satisfaction,channel\n');
  let chunk: string[] = [];
  for (let i = 0; i < n; i++) {
    const day = String(1 + (i % 28)).padStart(2, '0');
    chunk.push(`B-${i},2019-06-${day},${VILLAGES[i % VILLAGES.length]},${i % 3 ? 'yes' : 'no'},${1 + (i % 5)},door\n`);
    if (chunk.length === 10_000) {
      fs.writeSync(fd, chunk.join(''));
      chunk = [];
    }
  }
  fs.writeSync(fd, chunk.join(''));
  fs.closeSync(fd);
}
