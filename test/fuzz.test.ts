/**
 * Hostile input against every route the app registers: malformed JSON, wrong types, huge and
 * odd Unicode strings, injection payloads and prototype-pollution keys. No answer may be a 5xx,
 * and no refused request may write anything.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance, InjectOptions } from 'fastify';
import { sql, type Kysely } from 'kysely';
import { ENGINES, freshDatabase } from './support/engines.ts';
import { importProvince51 } from './support/province-51.ts';
import { sessionHeaders } from './support/session.ts';
import type { Database } from '../src/db/database.ts';
import { buildApp } from '../src/server/app.ts';
import { createContext } from '../src/modules/app-context.ts';
import { listTables } from '../src/modules/backup/backup.repository.ts';

const HOSTILE = [
  "' OR '1'='1",
  '1; DROP TABLE areas; --',
  '../../../etc/passwd',
  '\u0000',
  '%00',
  '𝔘𝔫𝔦𝔠𝔬𝔡𝔢 🚓 警务室',
  '\u202e\u200b\ufeff',
  '\ud800',
  'A'.repeat(100_000),
  '__proto__',
  'constructor',
  '<script>alert(1)</script>',
  '-1',
  '1e309',
  'NaN',
  '{}',
];

const BODIES: unknown[] = [
  '{"a":',
  '[',
  [],
  {},
  'just a string',
  123,
  null,
  JSON.parse('{"__proto__": {"polluted": "yes"}}'),
  { constructor: { prototype: { polluted: 'yes' } } },
  [JSON.parse('{"__proto__": {"polluted": "yes"}, "ref": "\' OR 1=1 --", "date": "2019-06-01"}')],
  [
    {
      ref: 'A'.repeat(100_000),
      date: '2019-06-01',
      area_code: '510101001002',
      knows_officer: 'yes',
      satisfaction: 5,
      channel: 'x',
    },
  ],
  { username: "admin' --", password: { $gt: '' } },
  Object.fromEntries(HOSTILE.map((h, i) => [`k${i}`, h])),
];

const PARAM_NAMES = [
  'area',
  'month',
  'within',
  'scheme',
  'q',
  'limit',
  'offset',
  'date',
  'indicator',
  'format',
  'lang',
  'unit',
  'role',
  'on',
  'kind',
  'since',
  'status',
  'parent',
  'level',
  'until',
  'year',
];

/** Like encodeURIComponent, but a lone surrogate goes out as the invalid UTF-8 a client might send. */
function encode(v: string): string {
  try {
    return encodeURIComponent(v);
  } catch {
    return '%ED%A0%80';
  }
}

async function fingerprint(db: Kysely<unknown>, engine: Database['engine']): Promise<string> {
  const out: Record<string, number> = {};
  for (const table of await listTables(db, engine)) {
    // Refusals are audited and sign-in attempts counted: those tables are meant to grow.
    if (/audit|session|login/.test(table)) continue;
    const { rows } = await sql<{ n: number }>`select count(*) as n from ${sql.table(table)}`.execute(db);
    out[table] = Number(rows[0].n);
  }
  const { rows } = await sql<{ value: string }>`select value from meta where key = 'data_version'`.execute(db);
  return JSON.stringify({ out, version: rows[0]?.value });
}

for (const engine of ENGINES) {
  describe(`hostile input on ${engine}`, () => {
    let db: Database;
    let app: FastifyInstance;
    beforeAll(async () => {
      db = await freshDatabase(engine);
      await importProvince51(db);
      app = await buildApp(createContext(db), { web: false });
    });
    afterAll(async () => {
      await app?.close();
      await db?.close();
    });

    it('sends security headers and a content security policy on every answer', async () => {
      for (const url of ['/api/v1/health', '/api/v1/units', '/api/v1/nowhere']) {
        const res = await app.inject({ url });
        expect(res.headers['content-security-policy'], url).toContain("default-src 'self'");
        expect(res.headers['content-security-policy'], url).toContain("frame-ancestors 'none'");
        expect(res.headers['x-content-type-options'], url).toBe('nosniff');
        expect(res.headers['x-frame-options'], url).toBe('DENY');
      }
      const big = await app.inject({
        method: 'POST',
        url: '/api/v1/public/surveys',
        headers: { 'content-type': 'application/json' },
        payload: JSON.stringify({ pad: 'x'.repeat(10_000) }),
      });
      expect(big.statusCode).toBe(413);
      expect(big.json().error.code).toBe('too_large');
    });

    it('never answers 5xx and writes nothing for a refused request, on every route', async () => {
      const routes = app.routeList.filter((r) => !r.hidden || r.url === '/api/openapi.json');
      expect(routes.length).toBeGreaterThan(20);
      const failures: string[] = [];
      let sent = 0;
      for (const route of routes) {
        const headers = await sessionHeaders(db, { username: 'fuzz-admin', role: 'admin' });
        const requests: InjectOptions[] = [];
        for (const h of HOSTILE) {
          const url = route.url.replace(/:(\w+)/g, () => encode(h));
          const query = PARAM_NAMES.map((p) => `${p}=${encode(h)}`).join('&');
          requests.push({ method: route.method as InjectOptions['method'], url: `${url}?${query}`, headers });
          requests.push({
            method: route.method as InjectOptions['method'],
            url: `${url}?${query}&extra[__proto__][polluted]=yes`,
            headers,
          });
        }
        if (route.method !== 'GET') {
          const url = route.url.replace(/:(\w+)/g, 'surveys');
          for (const body of BODIES) {
            const payload = typeof body === 'string' ? body : JSON.stringify(body);
            requests.push({
              method: route.method as InjectOptions['method'],
              url,
              headers: { ...headers, 'content-type': 'application/json' },
              payload,
            });
          }
          requests.push({
            method: route.method as InjectOptions['method'],
            url,
            headers: { ...headers, 'content-type': 'text/xml' },
            payload: '<a/>',
          });
        }
        for (const request of requests) {
          const before = await fingerprint(db.kysely as Kysely<unknown>, engine);
          const res = await app.inject(request);
          sent++;
          const where = `${request.method} ${String(request.url).slice(0, 120)}`;
          if (res.statusCode >= 500) failures.push(`${res.statusCode} ${where}: ${res.body.slice(0, 200)}`);
          if (res.statusCode >= 400) {
            if ((await fingerprint(db.kysely as Kysely<unknown>, engine)) !== before)
              failures.push(`wrote despite ${res.statusCode}: ${where}`);
            const body = res.json() as { error?: { code?: string } };
            if (!body.error?.code) failures.push(`no error object: ${where}`);
            if (/\bat .+\.(ts|js):\d+/.test(res.body)) failures.push(`stack trace: ${where}`);
          }
        }
      }
      expect(failures).toEqual([]);
      expect(sent).toBeGreaterThan(500);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      expect((Object.prototype as Record<string, unknown>).polluted).toBeUndefined();
    }, 300_000);
  });
}
