/**
 * Both engines for contract suites: `for (const engine of ENGINES) describe(engine, ...)`.
 * Each call of freshDatabase gives an empty, migrated database of its own.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import { openDatabase, type Database } from '../../src/db/database.ts';
import type { Engine } from '../../src/db/engine.ts';

export const ENGINES: Engine[] = ['sqlite', 'postgres'];

export async function freshDatabaseUrl(engine: Engine): Promise<string> {
  if (engine === 'sqlite') {
    // Inside the run's folder, which the global teardown removes (test-keys.ts).
    const parent = process.env.OUTPOST_TEST_DB_FOLDER ?? os.tmpdir();
    fs.mkdirSync(parent, { recursive: true });
    const dir = fs.mkdtempSync(path.join(parent, 'outpost-test-'));
    return path.join(dir, 'outpost.sqlite');
  }
  const admin = inject('pgAdminUrl');
  const name = `t_${randomBytes(6).toString('hex')}`;
  const client = new pg.Client({ connectionString: admin });
  await client.connect();
  await client.query(`create database ${name}`);
  await client.end();
  const url = new URL(admin);
  url.pathname = `/${name}`;
  return url.toString();
}

export async function freshDatabase(engine: Engine): Promise<Database> {
  return openDatabase(await freshDatabaseUrl(engine));
}
