import { afterAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { freshDatabaseUrl } from './support/engines.ts';
import { serve, type RunningServer } from '../src/server/serve.ts';
import { main } from '../src/cli/main.ts';
import { load, TINY } from './support/factory.ts';
import { openDatabase } from '../src/db/database.ts';
import { DEMO_PASSWORD } from '../src/modules/demo/demo.service.ts';
import { sessionHeaders } from './support/session.ts';
import { createLogger } from '../src/server/logging.ts';

function capture() {
  let out = '';
  let err = '';
  return {
    io: { stdout: { write: (s: string) => (out += s) }, stderr: { write: (s: string) => (err += s) } },
    out: () => out,
    err: () => err,
  };
}

describe('npm start on an empty database', () => {
  let server: RunningServer | undefined;
  afterAll(() => server?.close());

  it('answers health 503 until the demonstration province is built, then 200; the CLI agrees with the API', async () => {
    const url = await freshDatabaseUrl('sqlite');
    server = await serve({ dbUrl: url, port: 0, host: '127.0.0.1', demoWhenEmpty: true, demoScale: 0.02 });
    const early = await fetch(`${server.url}/api/v1/health`);
    expect(early.status).toBe(503);
    await server.ready;
    expect((await fetch(`${server.url}/api/v1/health`)).status).toBe(200);
    // The demonstration database has an account per role (README).
    const login = await fetch(`${server.url}/api/v1/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'analyst', password: DEMO_PASSWORD }),
    });
    expect(login.status).toBe(200);
    const { token } = await login.json();
    const api = await (
      await fetch(`${server.url}/api/v1/overview?area=220000000000&date=2019-12-31`, {
        headers: { authorization: `Bearer ${token}` },
      })
    ).json();
    expect(api.units.community_room).toBe(Math.round(2312 * 0.02));
    const c = capture();
    expect(
      await main(['overview', '--area', '220000000000', '--date', '2019-12-31', '--json', '--db', url], c.io),
    ).toBe(0);
    expect(JSON.parse(c.out())).toEqual(api);
  });
});

describe('npm start on a demonstration database whose build stopped before its accounts', () => {
  it('adds the demonstration accounts, and leaves a database with accounts alone', async () => {
    const url = await freshDatabaseUrl('sqlite');
    const first = await serve({ dbUrl: url, port: 0, host: '127.0.0.1', demoWhenEmpty: true, demoScale: 0.01 });
    await first.ready;
    await first.close();
    // As if the build had stopped after its data committed: no account at all.
    const db = await openDatabase(url);
    await db.kysely.deleteFrom('sessions').execute();
    await db.kysely.deleteFrom('accounts').execute();
    await db.close();
    const logged: string[] = [];
    const again = await serve({
      dbUrl: url,
      port: 0,
      host: '127.0.0.1',
      demoWhenEmpty: true,
      demoScale: 0.01,
      logger: createLogger({ stream: { write: (line: string) => void logged.push(JSON.parse(line).msg) } }),
    });
    await again.ready;
    const login = (username: string) =>
      fetch(`${again.url}/api/v1/session`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username, password: DEMO_PASSWORD }),
      });
    expect((await login('admin')).status).toBe(200);
    expect(logged.some((l) => l.includes('demonstration accounts were added'))).toBe(true);
    await again.close();
    const third = await serve({ dbUrl: url, port: 0, host: '127.0.0.1', demoWhenEmpty: true, demoScale: 0.01 });
    await third.ready;
    const check = await openDatabase(url);
    expect((await check.kysely.selectFrom('accounts').select('username').execute()).length).toBe(5);
    await check.close();
    await third.close();
  }, 60_000);
});

describe('a long write elsewhere on SQLite', () => {
  it('makes an API write wait or answer 503 with Retry-After, never another 5xx', async () => {
    const url = await freshDatabaseUrl('sqlite');
    const db = await openDatabase(url);
    await load(db, TINY);
    await db.close();
    const server = await serve({ dbUrl: url, port: 0, host: '127.0.0.1' });
    await server.ready;
    const auth = await sessionHeaders(server.db, { username: 'clerk', role: 'admin' });
    // Another process holds the write lock for longer than the busy timeout (5 s).
    const holder = spawn(
      process.execPath,
      [
        '-e',
        `const D = require('better-sqlite3'); const d = new D(${JSON.stringify(url)}); d.pragma('busy_timeout = 5000');
       d.exec('begin immediate'); d.prepare("insert into meta (key, value) values ('lock', 'x')").run();
       console.log('locked'); setTimeout(() => { d.exec('rollback'); process.exit(0); }, 6500);`,
      ],
      { cwd: process.cwd() },
    );
    await new Promise<void>((resolve) => holder.stdout.once('data', () => resolve()));
    const row = [
      { ref: 'LOCKED-1', date: '2019-06-05', area_code: 'V1', knows_officer: 'yes', satisfaction: 5, channel: 'door' },
    ];
    const res = await fetch(`${server.url}/api/v1/records/surveys`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...auth },
      body: JSON.stringify(row),
    });
    expect([201, 503]).toContain(res.status);
    if (res.status === 503) {
      expect(res.headers.get('retry-after')).toBeTruthy();
      expect((await res.json()).error.code).toBe('busy');
    }
    await new Promise((resolve) => holder.once('exit', resolve));
    const retry = await fetch(`${server.url}/api/v1/records/surveys`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...auth },
      body: JSON.stringify(row),
    });
    expect(retry.status).toBe(201);
    await server.close();
  }, 30_000);
});
