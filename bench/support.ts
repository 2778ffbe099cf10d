/** Small helpers shared by the benchmarks: timing, percentiles, a demo database per engine. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { sql } from 'kysely';
import { openDatabase, type Database } from '../src/db/database.ts';
import { buildDemo } from '../src/modules/demo/demo.service.ts';
import { startPostgres, type PostgresServer } from '../test/support/postgres-server.ts';

export async function time<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const t = process.hrtime.bigint();
  const result = await fn();
  return [result, Number(process.hrtime.bigint() - t) / 1e6];
}

export function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

export const ms = (n: number) => `${n.toFixed(n < 10 ? 2 : 0)} ms`;

export interface BenchDb {
  db: Database;
  engine: 'sqlite' | 'postgres';
  buildMs: number;
  sizeBytes: number;
  close(): Promise<void>;
}

let server: PostgresServer | undefined;
/** The SQLite benches' folders, removed with the servers (each run had left gigabytes behind). */
const folders: string[] = [];

/**
 * An empty database of the engine: a SQLite file in a temporary folder, or a new PostgreSQL
 * database; `stopServers` removes both.
 */
export async function emptyDatabaseUrl(engine: 'sqlite' | 'postgres'): Promise<string> {
  if (engine === 'sqlite') {
    folders.push(fs.mkdtempSync(path.join(os.tmpdir(), 'outpost-bench-')));
    return path.join(folders.at(-1)!, 'bench.sqlite');
  }
  server ??= await startPostgres();
  const name = `bench_${Date.now()}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = new pg.Client({ connectionString: server.adminUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const u = new URL(server.adminUrl);
  u.pathname = `/${name}`;
  return u.toString();
}

/** A database of each engine holding the demonstration province at `scale`, built and timed. */
export async function demoDatabase(engine: 'sqlite' | 'postgres', scale: number): Promise<BenchDb> {
  const url = await emptyDatabaseUrl(engine);
  const db = await openDatabase(url);
  const [, buildMs] = await time(() => buildDemo(db, { seed: 1, scale }));
  let sizeBytes: number;
  if (engine === 'sqlite') {
    db.sqlite!.pragma('wal_checkpoint(TRUNCATE)');
    sizeBytes = fs.statSync(url).size;
  } else {
    const { rows } = await sql<{ n: number }>`select pg_database_size(current_database()) as n`.execute(db.kysely);
    sizeBytes = Number(rows[0].n);
  }
  return { db, engine, buildMs, sizeBytes, close: () => db.close() };
}

export async function stopServers(): Promise<void> {
  await server?.stop();
  server = undefined;
  for (const folder of folders.splice(0)) fs.rmSync(folder, { recursive: true, force: true });
}

export function scaleArg(fallback = 1): number {
  const i = process.argv.indexOf('--scale');
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
}

export function enginesArg(): ('sqlite' | 'postgres')[] {
  const i = process.argv.indexOf('--engine');
  return i > 0 ? [process.argv[i + 1] as 'sqlite' | 'postgres'] : ['sqlite', 'postgres'];
}
