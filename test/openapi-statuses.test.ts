/**
 * Issue 16, finding 11: the OpenAPI document declared only each route's success. It now declares
 * every error status a route can answer, with the error body, and the calendar-day, month and
 * password rules. Every server of the test run logs what it answers (src/server/status-log.ts);
 * this file, started last (test/support/last-sequencer.ts), requires every status the suites
 * observed on a documented route to be declared for it. Run alone, it checks what its own
 * requests observe.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { freshDatabase } from './support/engines.ts';
import { sessionHeaders } from './support/session.ts';
import { statusLogFolder } from './support/test-keys.ts';
import type { Database } from '../src/db/database.ts';
import { buildApp } from '../src/server/app.ts';
import { createContext } from '../src/modules/app-context.ts';

interface Answer {
  method: string;
  route: string;
  status: number;
}
type Operation = {
  responses: Record<string, unknown>;
  parameters?: { name: string; schema: Record<string, unknown> }[];
};
type Doc = {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, { properties: object }> };
};

const FOLDER = process.env.OUTPOST_STATUS_LOG ?? statusLogFolder();

/** What every server of this run answered so far, once the other files have gone quiet. */
async function observed(): Promise<Answer[]> {
  let before = -1;
  for (;;) {
    const files = fs.existsSync(FOLDER) ? fs.readdirSync(FOLDER).map((f) => path.join(FOLDER, f)) : [];
    const size = files.reduce((n, f) => n + fs.statSync(f).size, 0);
    if (size === before) {
      const lines = files.flatMap((f) => fs.readFileSync(f, 'utf8').split('\n').filter(Boolean));
      return lines.map((l) => JSON.parse(l) as Answer);
    }
    before = size;
    await new Promise((resolve) => setTimeout(resolve, 3000));
  }
}

describe('the OpenAPI document declares every status the routes answer', () => {
  let db: Database;
  let app: FastifyInstance;
  let doc: Doc;
  beforeAll(async () => {
    db = await freshDatabase('sqlite');
    app = await buildApp(createContext(db), {
      web: false,
      access: { publicAggregates: false, requireAdminTotp: false },
    });
    doc = (await app.inject({ url: '/api/openapi.json' })).json();
  });
  afterAll(async () => {
    await app?.close();
    await db?.close();
  });

  const operation = (method: string, route: string) =>
    doc.paths[route.replace(/:(\w+)/g, '{$1}')]?.[method.toLowerCase()];

  it('declares the error answers of a route with the error body', async () => {
    const units = operation('GET', '/api/v1/units/:code');
    expect(Object.keys(units.responses).sort()).toEqual([
      '200',
      '400',
      '401',
      '403',
      '404',
      '414',
      '500',
      '503',
      '507',
    ]);
    const error = units.responses['404'] as { content: Record<string, { schema: { $ref: string } }> };
    expect(error.content['application/json'].schema.$ref).toBe('#/components/schemas/Error');
    const body = doc.components.schemas.Error.properties as { error: { required: string[] } };
    expect(body.error.required).toEqual(['code', 'category', 'message', 'params', 'details', 'request_id']);
    const summary = operation('GET', '/api/v1/summary').responses['200'] as { content: object };
    expect(Object.keys(summary.content)).toEqual(['application/octet-stream']);
    expect(Object.keys(operation('POST', '/api/v1/session').responses)).toContain('429');
  });

  it('states the calendar-day, month and password rules', () => {
    const param = (op: Operation, name: string) => op.parameters?.find((p) => p.name === name)?.schema;
    expect(param(operation('GET', '/api/v1/units/:code'), 'date')).toMatchObject({ format: 'date' });
    expect(param(operation('GET', '/api/v1/rankings'), 'month')).toMatchObject({ pattern: '^\\d{4}-(0[1-9]|1[0-2])$' });
    const body = operation('PUT', '/api/v1/users/:username/password') as unknown as {
      requestBody: { content: Record<string, { schema: { properties: { password: { minLength: number } } } }> };
    };
    expect(body.requestBody.content['application/json'].schema.properties.password.minLength).toBe(12);
  });

  it('declares every status observed on a documented route', async () => {
    // Answers of this file's own, so that it checks something when run alone.
    const admin = await sessionHeaders(db, { username: 'chief', role: 'admin' });
    await app.inject({ url: '/api/v1/units/NOPE' });
    await app.inject({ url: '/api/v1/units/NOPE', headers: admin });
    await app.inject({ url: '/api/v1/rankings?month=2019-13&within=510000000000', headers: admin });
    await app.inject({
      method: 'PUT',
      url: '/api/v1/users/chief/password',
      headers: admin,
      payload: { password: 'a'.repeat(12) },
    });
    const seen = await observed();
    expect(seen.length).toBeGreaterThan(3);
    const undeclared = new Set<string>();
    for (const { method, route, status } of seen) {
      const op = operation(method, route);
      if (op && status >= 400 && !(String(status) in op.responses)) undeclared.add(`${method} ${route} ${status}`);
    }
    expect([...undeclared].sort()).toEqual([]);
  });
});
