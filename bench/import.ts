/**
 * Import throughput against its lower bound, on both engines:
 *
 *   node --import tsx bench/import.ts [--rows N] [--repeat N] [--skip-country] [--skip-postgres]
 *
 * One million visits (after the areas, units and officers they refer to) go through the real
 * import (`importSources`: read, parse, stage, duplicate check, merge, checks). The lower bound is
 * measured in the same run on the same machine: the same rows, already in memory, written into
 * the same empty `visits` table by raw better-sqlite3 prepared inserts in one transaction
 * (SQLite) or by one raw `COPY` (PostgreSQL). Then the whole country's 665,271 areas are imported
 * on each engine. With --repeat, each measure is taken that many times, alternating, and the
 * fastest kept (other processes only ever slow a run down). Nothing is asserted (tests do that).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import pg from 'pg';
import copyStreams from 'pg-copy-streams';
import { openDatabase, type Database } from '../src/db/database.ts';
import { importSources } from '../src/modules/imports/import.service.ts';
import { sourcesFromPaths } from '../src/modules/imports/sources.ts';
import { startPostgres, type PostgresServer } from '../test/support/postgres-server.ts';

const COUNTRY = fileURLToPath(new URL('../data/divisions/china-2023.csv.gz', import.meta.url));

const { values: args } = parseArgs({
  options: {
    rows: { type: 'string', default: '1000000' },
    repeat: { type: 'string', default: '1' },
    'skip-country': { type: 'boolean', default: false },
    'skip-postgres': { type: 'boolean', default: false },
  },
});
const ROWS = Number(args.rows);
const REPEAT = Math.max(1, Number(args.repeat));
const VILLAGES = 1000;
const BADGES = 1000;
const DAYS = Array.from({ length: 365 }, (_, n) => new Date(Date.UTC(2019, 0, 1 + n)).toISOString().slice(0, 10));

interface Visit {
  date: string;
  badge: string;
  area_code: string;
  household_ref: string;
}

interface Result {
  what: string;
  engine: string;
  rows: number;
  ms: number;
  boundMs?: number;
}

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'outpost-bench-'));
const results: Result[] = [];
let server: PostgresServer | undefined;

try {
  const registry = writeRegistry(path.join(work, 'registry'));
  const visitsDir = path.join(work, 'visits');
  writeVisits(visitsDir, ROWS);
  log(`wrote ${ROWS.toLocaleString('en')} visits to ${visitsDir}`);

  results.push(
    await benchVisits(
      'sqlite',
      () => path.join(work, `db-${Math.random().toString(36).slice(2)}.sqlite`),
      registry,
      visitsDir,
    ),
  );
  if (!args['skip-postgres']) {
    server = await startPostgres();
    const pgServer = server;
    results.push(await benchVisits('postgres', () => freshPostgres(pgServer), registry, visitsDir));
  }
  if (!args['skip-country'] && fs.existsSync(COUNTRY)) {
    const countryDir = path.join(work, 'country');
    fs.mkdirSync(countryDir);
    fs.symlinkSync(COUNTRY, path.join(countryDir, 'areas.csv.gz'));
    results.push(
      await benchCountry(
        'sqlite',
        () => path.join(work, `country-${Math.random().toString(36).slice(2)}.sqlite`),
        countryDir,
      ),
    );
    if (server) {
      const pgServer = server;
      results.push(await benchCountry('postgres', () => freshPostgres(pgServer), countryDir));
    }
  }
  printTable(results);
} finally {
  if (server) {
    await untilDisconnected(server);
    await server.stop();
  }
  fs.rmSync(work, { recursive: true, force: true });
}

async function benchVisits(
  engine: 'sqlite' | 'postgres',
  fresh: () => string | Promise<string>,
  registry: string,
  visitsDir: string,
): Promise<Result> {
  let ms = Infinity;
  let boundMs = Infinity;
  for (let round = 1; round <= REPEAT; round++) {
    // The import, on a database holding the registry the visits refer to.
    const db = await openDatabase(await fresh());
    await importSources(db, await sourcesFromPaths([registry]), { actor: 'bench', source: 'bench' });
    const sources = await sourcesFromPaths([visitsDir]);
    const phases: string[] = [];
    const t0 = performance.now();
    const report = await importSources(db, sources, {
      actor: 'bench',
      source: 'bench',
      onProgress: (p) => {
        if (p.phase !== 'reading') phases.push(`${p.phase} at ${Math.round(performance.now() - t0)} ms`);
      },
    });
    const took = performance.now() - t0;
    await discard(db);
    if (report.written !== ROWS) throw new Error(`the import wrote ${report.written} of ${ROWS} visits`);
    log(`${engine}: imported ${ROWS.toLocaleString('en')} visits in ${Math.round(took)} ms (${phases.join(', ')})`);
    ms = Math.min(ms, took);

    // The lower bound: the same rows, parsed already, into the same empty table of a database
    // with the same registry.
    const raw = await openDatabase(await fresh());
    await importSources(raw, await sourcesFromPaths([registry]), { actor: 'bench', source: 'bench' });
    const visits = Array.from({ length: ROWS }, (_, i) => visitAt(i));
    const bound = engine === 'sqlite' ? rawSqlite(raw, visits) : await rawCopy(raw, visits);
    await discard(raw);
    log(`${engine}: raw ${engine === 'sqlite' ? 'prepared inserts' : 'COPY'} in ${Math.round(bound)} ms`);
    boundMs = Math.min(boundMs, bound);
  }
  return { what: `${(ROWS / 1e6).toLocaleString('en')}M visits`, engine, rows: ROWS, ms, boundMs };
}

function rawSqlite(db: Database, visits: Visit[]): number {
  const handle = db.sqlite!;
  const t0 = performance.now();
  const insert = handle.prepare(
    'insert into visits (badge, date, household_ref, area_code, import_id, voided_at, void_reason, province) values (?, ?, ?, ?, 1, null, null, ?)',
  );
  handle.transaction(() => {
    for (const v of visits) insert.run(v.badge, v.date, v.household_ref, v.area_code, 'B0');
  })();
  return performance.now() - t0;
}

async function rawCopy(db: Database, visits: Visit[]): Promise<number> {
  const client = new pg.Client({ connectionString: db.url });
  await client.connect();
  try {
    const t0 = performance.now();
    await client.query('begin');
    const copy = client.query(
      copyStreams.from(
        'copy visits (badge, date, household_ref, area_code, import_id, voided_at, void_reason, province) from stdin',
      ),
    );
    await pipeline(Readable.from(copyLines(visits)), copy);
    await client.query('commit');
    return performance.now() - t0;
  } finally {
    await client.end();
  }
}

function* copyLines(visits: Visit[]): Generator<string> {
  let chunk: string[] = [];
  for (const v of visits) {
    chunk.push(`${v.badge}\t${v.date}\t${v.household_ref}\t${v.area_code}\t1\t\\N\t\\N\tB0\n`);
    if (chunk.length === 2000) {
      yield chunk.join('');
      chunk = [];
    }
  }
  if (chunk.length > 0) yield chunk.join('');
}

async function benchCountry(engine: string, fresh: () => string | Promise<string>, dir: string): Promise<Result> {
  let ms = Infinity;
  let rows = 0;
  for (let round = 1; round <= REPEAT; round++) {
    const db = await openDatabase(await fresh());
    const t0 = performance.now();
    const report = await importSources(db, await sourcesFromPaths([dir]), { actor: 'bench', source: 'bench' });
    const took = performance.now() - t0;
    await discard(db);
    log(`${engine}: the country's ${report.written.toLocaleString('en')} areas in ${Math.round(took)} ms`);
    ms = Math.min(ms, took);
    rows = report.written;
  }
  return { what: 'country areas', engine, rows, ms };
}

/** A province of VILLAGES villages under 100 townships, a station in each, BADGES officers. */
function writeRegistry(dir: string): string {
  fs.mkdirSync(dir, { recursive: true });
  const areas = ['code,name,level,parent_code,urban_rural', 'B0,Bench,province,,', 'B1,City,city,B0,'];
  const units = ['code,name,type,area_code,station_code,covers,status,opened_on,closed_on'];
  for (let c = 0; c < 10; c++) areas.push(`B1-${c},County ${c},county,B1,`);
  for (let t = 0; t < 100; t++) {
    areas.push(`B1-${t % 10}-${t},Town ${t},township,B1-${t % 10},`);
    units.push(`S${t},Station ${t},station,B1-${t % 10}-${t},,,open,2010-01-01,`);
  }
  for (let v = 0; v < VILLAGES; v++)
    areas.push(`${villageCode(v)},Village ${v},village,B1-${(v % 100) % 10}-${v % 100},${v % 2 ? 'rural' : 'urban'}`);
  const officers = ['badge,name,role,unit_code,start_date,end_date,origin'];
  for (let b = 0; b < BADGES; b++)
    officers.push(`${badgeOf(b)},Officer ${b},community,S${b % 100},2015-01-01,,existing`);
  fs.writeFileSync(path.join(dir, 'areas.csv'), areas.join('\n') + '\n');
  fs.writeFileSync(path.join(dir, 'units.csv'), units.join('\n') + '\n');
  fs.writeFileSync(path.join(dir, 'officers.csv'), officers.join('\n') + '\n');
  return dir;
}

/** Writes visits.csv: ROWS visits with distinct keys (see visitAt). */
function writeVisits(dir: string, rows: number): void {
  fs.mkdirSync(dir, { recursive: true });
  const fd = fs.openSync(path.join(dir, 'visits.csv'), 'w');
  let chunk = 'date,badge,area_code,household_ref\n';
  for (let i = 0; i < rows; i++) {
    const v = visitAt(i);
    chunk += `${v.date},${v.badge},${v.area_code},${v.household_ref}\n`;
    if (chunk.length > 1 << 20) {
      fs.writeSync(fd, chunk);
      chunk = '';
    }
  }
  fs.writeSync(fd, chunk);
  fs.closeSync(fd);
}

/** The i-th visit: each badge visits one household a day, 1,000 badges a day, a year round. */
function visitAt(i: number): Visit {
  const b = i % BADGES;
  const day = Math.floor(i / BADGES) % 365;
  return {
    date: DAYS[day],
    badge: badgeOf(b),
    area_code: villageCode((b + day) % VILLAGES),
    household_ref: `H${Math.floor(i / (BADGES * 365))}-${b}-${day}`,
  };
}

function villageCode(v: number): string {
  return `B1-${(v % 100) % 10}-${v % 100}-${v}`;
}

function badgeOf(b: number): string {
  return `X${String(b).padStart(6, '0')}`;
}

async function freshPostgres(server: PostgresServer): Promise<string> {
  const name = `bench_${Math.random().toString(36).slice(2, 10)}`;
  const client = new pg.Client({ connectionString: server.adminUrl });
  await client.connect();
  await client.query(`create database ${name}`);
  await client.end();
  const url = new URL(server.adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/** Closes a database and, on SQLite, deletes its files (a million rows take ~150 MB). */
async function discard(db: Database): Promise<void> {
  await db.close();
  if (db.engine === 'sqlite')
    for (const suffix of ['', '-wal', '-shm']) fs.rmSync(`${db.url}${suffix}`, { force: true });
}

/**
 * Waits for the backends of closed pools to exit: pg-pool's end() does not wait for its clients'
 * sockets, and a backend still there when the server stops ends with an error on the pool.
 */
async function untilDisconnected(server: PostgresServer): Promise<void> {
  const client = new pg.Client({ connectionString: server.adminUrl });
  await client.connect();
  try {
    for (let i = 0; i < 100; i++) {
      const { rows } = await client.query(
        "select count(*)::int as n from pg_stat_activity where backend_type = 'client backend' and pid <> pg_backend_pid()",
      );
      if (rows[0].n === 0) return;
      log(`waiting for ${rows[0].n} backends`);
      await new Promise((r) => setTimeout(r, 100));
    }
  } finally {
    await client.end();
  }
}

function printTable(rows: Result[]): void {
  const head = ['what', 'engine', 'rows', 'import ms', 'rows/s', 'bound ms', 'bound rows/s', 'ratio'];
  const body = rows.map((r) => [
    r.what,
    r.engine,
    r.rows.toLocaleString('en'),
    Math.round(r.ms).toLocaleString('en'),
    Math.round(r.rows / (r.ms / 1000)).toLocaleString('en'),
    r.boundMs === undefined ? '' : Math.round(r.boundMs).toLocaleString('en'),
    r.boundMs === undefined ? '' : Math.round(r.rows / (r.boundMs / 1000)).toLocaleString('en'),
    r.boundMs === undefined ? '' : (r.boundMs / r.ms).toFixed(2),
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => b[i].length)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (i < 2 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  console.log(`\n${line(head)}\n${widths.map((w) => '-'.repeat(w)).join('  ')}\n${body.map(line).join('\n')}`);
  console.log('\nratio = lower-bound time / import time (goal: >= 0.5)');
}

function log(message: string): void {
  console.error(message);
}
