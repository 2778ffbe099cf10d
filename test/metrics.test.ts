/**
 * GET /metrics: who it answers, and what it counts — requests by route pattern and status,
 * imports, jobs, and waits for a database connection.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { ENGINES, freshDatabase, freshDatabaseUrl } from './support/engines.ts';
import { load, TINY } from './support/factory.ts';
import { sessionHeaders } from './support/session.ts';
import type { Database } from '../src/db/database.ts';
import { openDatabase } from '../src/db/database.ts';
import { buildApp } from '../src/server/app.ts';
import { createContext } from '../src/modules/app-context.ts';
import { serve } from '../src/server/serve.ts';
import { metricsRegistry, trackJob } from '../src/shared/metrics.ts';

const TOKEN = 'a-scraper-token-of-32-characters!';

/** The value of one sample of the Prometheus text, 0 when absent. */
function sample(text: string, name: string, labels: Record<string, string> = {}): number {
  for (const line of text.split('\n')) {
    if (!line.startsWith(`${name}{`) && !line.startsWith(`${name} `)) continue;
    const found = Object.entries(labels).every(([k, v]) => line.includes(`${k}="${v}"`));
    if (found) return Number(line.slice(line.lastIndexOf(' ') + 1));
  }
  return 0;
}

for (const engine of ENGINES) {
  describe(`GET /metrics on ${engine}`, () => {
    let db: Database;
    let app: FastifyInstance;
    beforeAll(async () => {
      db = await freshDatabase(engine);
      app = await buildApp(createContext(db), { web: false, metricsToken: TOKEN, trustProxy: '127.0.0.1' });
    });
    afterAll(async () => {
      await app?.close();
      await db?.close();
    });
    const scrape = async () => {
      const res = await app.inject({ url: '/metrics' });
      expect(res.statusCode).toBe(200);
      return res.body;
    };

    it('answers a caller on this machine that came through no proxy, or one with the token; no one else', async () => {
      const direct = await app.inject({ url: '/metrics', remoteAddress: '127.0.0.1' });
      expect(direct.statusCode).toBe(200);
      expect(direct.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4/);
      expect(direct.body).toContain('# TYPE outpost_http_request_duration_seconds histogram');
      expect((await app.inject({ url: '/metrics', remoteAddress: '::1' })).statusCode).toBe(200);
      // nginx on the same machine adds forwarded headers: what it passes on is refused.
      for (const header of ['x-forwarded-for', 'x-real-ip', 'forwarded', 'x-forwarded-proto']) {
        const proxied = await app.inject({ url: '/metrics', remoteAddress: '127.0.0.1', headers: { [header]: 'x' } });
        expect(proxied.statusCode, header).toBe(403);
        expect(proxied.json().error).toMatchObject({ code: 'metrics_refused', category: 'forbidden' });
      }
      const remote = await app.inject({ url: '/metrics', remoteAddress: '203.0.113.9' });
      expect(remote.statusCode).toBe(403);
      const wrong = await app.inject({
        url: '/metrics',
        remoteAddress: '203.0.113.9',
        headers: { authorization: `Bearer ${TOKEN.slice(1)}x` },
      });
      expect(wrong.statusCode).toBe(403);
      const scraper = await app.inject({
        url: '/metrics',
        remoteAddress: '203.0.113.9',
        headers: { authorization: `Bearer ${TOKEN}`, 'x-forwarded-for': '198.51.100.1' },
      });
      expect(scraper.statusCode).toBe(200);
      // It is a route of the registry, public to the account system, with its own guard.
      expect(app.routeCatalog).toContainEqual(expect.objectContaining({ url: '/metrics', permission: 'public' }));
    });

    it('times requests by route pattern and status, never by the raw address', async () => {
      const headers = await sessionHeaders(db, { username: 'metrics-analyst', role: 'analyst' });
      const labels = { route: '/api/v1/units/:code', method: 'GET', status: '404' };
      const before = sample(await scrape(), 'outpost_http_request_duration_seconds_count', labels);
      for (const code of ['NOPE-1', 'NOPE-2', 'NOPE-3'])
        expect((await app.inject({ url: `/api/v1/units/${code}`, headers })).statusCode).toBe(404);
      await app.inject({ url: '/api/v1/no-such-thing-42' });
      const text = await scrape();
      expect(sample(text, 'outpost_http_request_duration_seconds_count', labels)).toBe(before + 3);
      expect(text).not.toContain('NOPE-1');
      expect(text).not.toContain('no-such-thing-42');
      expect(sample(text, 'outpost_http_request_duration_seconds_count', { route: 'unmatched' })).toBeGreaterThan(0);
    });

    it('counts import rows and durations by outcome', async () => {
      const count = (text: string, outcome: string) =>
        sample(text, 'outpost_import_rows_total', { kind: 'areas', outcome });
      const before = await scrape();
      await load(db, TINY);
      const headers = await sessionHeaders(db, { username: 'metrics-admin', role: 'admin' });
      const refused = await app.inject({
        method: 'POST',
        url: '/api/v1/records/areas',
        headers,
        payload: [{ code: 'X9', name: 'Nowhere', level: 'village', parent_code: 'NO-SUCH', urban_rural: 'urban' }],
      });
      expect(refused.statusCode).toBe(422);
      const after = await scrape();
      expect(count(after, 'written') - count(before, 'written')).toBe(TINY.areas!.length);
      expect(count(after, 'rejected') - count(before, 'rejected')).toBe(1);
      const durations = (text: string) =>
        sample(text, 'outpost_import_duration_seconds_count', { source: 'api', outcome: 'rejected' });
      expect(durations(after) - durations(before)).toBe(1);
    });

    it('counts the jobs running and ended, by kind and outcome', async () => {
      const before = await scrape();
      const job = trackJob('metrics-test');
      expect(sample(await scrape(), 'outpost_jobs_running', { kind: 'metrics-test' })).toBe(1);
      job.done('stopped');
      job.done('ok'); // a second end changes nothing
      const after = await scrape();
      expect(sample(after, 'outpost_jobs_running', { kind: 'metrics-test' })).toBe(0);
      expect(
        sample(after, 'outpost_jobs_total', { kind: 'metrics-test', outcome: 'stopped' }) -
          sample(before, 'outpost_jobs_total', { kind: 'metrics-test', outcome: 'stopped' }),
      ).toBe(1);
      expect(sample(after, 'outpost_jobs_total', { kind: 'metrics-test', outcome: 'ok' })).toBe(0);
    });

    it('times the waits for a database connection (on SQLite, a writer waiting for the write gate)', async () => {
      const waits = (text: string) => sample(text, 'outpost_db_connection_wait_seconds_count', { engine });
      const before = waits(await scrape());
      // SQLite's reads have a connection of their own and never wait; its writes wait their turn.
      await db.transaction((tx) => tx.kysely.selectFrom('areas').select('code').execute());
      expect(waits(await scrape())).toBeGreaterThan(before);
    });
  });
}

describe('the PostgreSQL pool in the metrics', () => {
  it('shows queries waiting for a pooled connection while the pool is exhausted', async () => {
    const db = await openDatabase(await freshDatabaseUrl('postgres'));
    const app = await buildApp(createContext(db), { web: false, metricsToken: null });
    try {
      // The pool holds 10 connections: 13 slow queries leave 3 waiting.
      const slow = Array.from({ length: 13 }, () => sql`select pg_sleep(1.5)`.execute(db.kysely));
      await new Promise((r) => setTimeout(r, 500));
      const text = (await app.inject({ url: '/metrics' })).body;
      expect(sample(text, 'outpost_db_pool_waiting')).toBeGreaterThanOrEqual(3);
      expect(sample(text, 'outpost_db_pool_connections', { state: 'busy' })).toBeGreaterThanOrEqual(10);
      await Promise.all(slow);
      const waited = (await app.inject({ url: '/metrics' })).body;
      expect(sample(waited, 'outpost_db_pool_waiting')).toBe(0);
      expect(
        sample(waited, 'outpost_db_connection_wait_seconds_bucket', { engine: 'postgres', le: '+Inf' }) -
          sample(waited, 'outpost_db_connection_wait_seconds_bucket', { engine: 'postgres', le: '1' }),
      ).toBeGreaterThanOrEqual(3);
    } finally {
      await app.close();
      await db.close();
    }
  });
});

describe('the warm-up as a job', () => {
  it('is counted when a server warms its latest month', async () => {
    const url = await freshDatabaseUrl('sqlite');
    const db = await openDatabase(url);
    await load(db, {
      ...TINY,
      surveys: [
        { ref: 'W1', date: '2019-06-05', area_code: 'V1', knows_officer: 'yes', satisfaction: 5, channel: 'door' },
      ],
    });
    await db.close();
    const ended = async () =>
      sample(await metricsRegistry.metrics(), 'outpost_jobs_total', { kind: 'warm-up', outcome: 'ok' });
    const before = await ended();
    const server = await serve({ dbUrl: url, port: 0, host: '127.0.0.1', warm: true });
    try {
      await server.ready;
      for (let i = 0; i < 100 && (await ended()) === before; i++) await new Promise((r) => setTimeout(r, 100));
      expect(await ended()).toBe(before + 1);
    } finally {
      await server.close();
    }
  });
});
