/**
 * The server's log and its error bodies: JSON lines naming the request, an error body that
 * differs between two identical requests only in its request_id, and a 500 whose stack is in
 * the log and nowhere in the answer.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyBaseLogger, FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { ENGINES, freshDatabase } from './support/engines.ts';
import { load, TINY } from './support/factory.ts';
import { sessionHeaders } from './support/session.ts';
import type { Database } from '../src/db/database.ts';
import { buildApp } from '../src/server/app.ts';
import { createContext } from '../src/modules/app-context.ts';
import { createLogger } from '../src/server/logging.ts';

type Line = Record<string, unknown> & { level: number; msg: string; request_id?: string };

for (const engine of ENGINES) {
  describe(`logs and error bodies on ${engine}`, () => {
    let db: Database;
    let app: FastifyInstance;
    let headers: Record<string, string>;
    const lines: Line[] = [];
    beforeAll(async () => {
      db = await freshDatabase(engine);
      await load(db, TINY);
      const logger = createLogger({ stream: { write: (line: string) => void lines.push(JSON.parse(line)) } });
      app = await buildApp(createContext(db), { web: false, logger: logger as FastifyBaseLogger });
      headers = await sessionHeaders(db, { username: 'log-analyst', role: 'analyst' });
    });
    afterAll(async () => {
      await app?.close();
      await db?.close();
    });
    const linesOf = (id: string) => lines.filter((l) => l.request_id === id);

    it('writes JSON lines, each line of a request naming it as its answer does', async () => {
      const res = await app.inject({ url: '/api/v1/units?area=P', headers });
      expect(res.statusCode).toBe(200);
      const id = res.headers['x-request-id'] as string;
      expect(id).toMatch(/^[0-9a-f-]{36}$/);
      const mine = linesOf(id);
      expect(mine.map((l) => l.msg)).toEqual(['incoming request', 'request completed']);
      expect(mine[1]).toMatchObject({ level: 30, res: { statusCode: 200 } });
      // No credentials in the log.
      expect(JSON.stringify(lines)).not.toContain(headers.authorization.slice(7));
    });

    it('answers the same bad request twice with bodies that differ only in request_id', async () => {
      const bad = () => app.inject({ url: '/api/v1/overview?area=P&date=2019-13-45', headers });
      const [a, b] = [await bad(), await bad()];
      expect([a.statusCode, b.statusCode]).toEqual([400, 400]);
      const [ea, eb] = [a.json().error, b.json().error];
      expect(ea.request_id).toBe(a.headers['x-request-id']);
      expect(eb.request_id).toBe(b.headers['x-request-id']);
      expect(ea.request_id).not.toBe(eb.request_id);
      expect({ ...ea, request_id: undefined }).toEqual({ ...eb, request_id: undefined });
      expect(ea.code).toBe('invalid_input');
      const missing = await app.inject({ url: '/api/v1/no-such-route', headers });
      expect(missing.json().error).toMatchObject({
        code: 'route_not_found',
        category: 'not_found',
        request_id: missing.headers['x-request-id'],
      });
    });

    it('logs a 500 with its stack under the request id, and answers without it', async () => {
      // A real failure of the server's own: a table it needs is gone.
      await sql`alter table patrols rename to patrols_gone`.execute(db.kysely);
      const res = await app.inject({ url: '/api/v1/patrols?area=P', headers });
      expect(res.statusCode).toBe(500);
      const id = res.headers['x-request-id'] as string;
      expect(res.json()).toEqual({
        error: {
          code: 'internal',
          category: 'internal',
          message: 'an unexpected failure; it has been logged under this request_id',
          params: {},
          details: [],
          request_id: id,
        },
      });
      expect(res.body).not.toMatch(/patrols|at .*\.ts|stack/);
      const failure = linesOf(id).find((l) => l.level === 50);
      expect(failure, 'an error line for the request').toBeDefined();
      const err = failure!.err as { message: string; stack: string };
      expect(err.message).toMatch(/patrols/);
      expect(err.stack).toMatch(/\n\s+at /);
      expect(failure).toMatchObject({ msg: 'an unexpected failure', status: 500, route: '/api/v1/patrols' });
    });
  });
}
