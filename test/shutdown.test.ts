/**
 * `outpost serve` as a service: JSON lines on stdout naming the address it bound, and on
 * SIGTERM a graceful stop — no new connections, the request under way finishes and is written,
 * the database closes, and the process exits 0.
 */
import { describe, expect, it } from 'vitest';
import http from 'node:http';
import net from 'node:net';
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { freshDatabaseUrl } from './support/engines.ts';
import { load, TINY } from './support/factory.ts';
import { sessionHeaders } from './support/session.ts';
import { openDatabase } from '../src/db/database.ts';
import { serve } from '../src/server/serve.ts';

type Line = { level: number; msg: string; port?: number; request_id?: string; req?: { url: string } };

describe('outpost serve stopped with SIGTERM', () => {
  it('finishes the request under way, refuses new connections, and exits 0', async () => {
    const url = await freshDatabaseUrl('sqlite');
    const db = await openDatabase(url);
    await load(db, TINY);
    const auth = await sessionHeaders(db, { username: 'shutdown-clerk', role: 'admin' });
    await db.close();

    const child = spawn(
      process.execPath,
      ['bin/outpost.js', 'serve', '--port', '0', '--host', '127.0.0.1', '--db', url],
      {
        env: { ...process.env, OUTPOST_LOG_LEVEL: 'info' },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    const lines: Line[] = [];
    const waiters: { test(l: Line): boolean; resolve(l: Line): void }[] = [];
    createInterface({ input: child.stdout }).on('line', (text) => {
      const line = JSON.parse(text) as Line; // every line on stdout is JSON
      lines.push(line);
      for (const w of waiters.filter((w) => w.test(line))) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve(line);
      }
    });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    const lineWhere = (test: (l: Line) => boolean) =>
      new Promise<Line>((resolve, reject) => {
        const seen = lines.find(test);
        if (seen) return resolve(seen);
        waiters.push({ test, resolve });
        void exited.then((code) => reject(new Error(`the server exited (${code}) first: ${stderr}`)));
      });

    try {
      const listening = await lineWhere((l) => l.msg.startsWith('listening on'));
      const port = listening.port!;
      expect(listening.msg).toBe(
        `listening on http://127.0.0.1:${port} (on this machine: http://127.0.0.1:${port}); database: sqlite`,
      );
      await lineWhere((l) => l.msg === 'ready');

      // A request whose body is still on its way when the signal comes.
      const row = JSON.stringify([
        {
          ref: 'SIGTERM-1',
          date: '2019-06-05',
          area_code: 'V1',
          knows_officer: 'yes',
          satisfaction: 5,
          channel: 'door',
        },
      ]);
      const request = http.request({
        host: '127.0.0.1',
        port,
        method: 'POST',
        path: '/api/v1/records/surveys',
        agent: false,
        headers: { ...auth, 'content-type': 'application/json', 'content-length': Buffer.byteLength(row) },
      });
      const answered = new Promise<{ status: number; body: string }>((resolve, reject) => {
        request.on('response', (res) => {
          let body = '';
          res.on('data', (d) => (body += d));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
        });
        request.on('error', reject);
      });
      const half = Math.floor(row.length / 2);
      request.write(row.slice(0, half));
      const incoming = await lineWhere((l) => l.msg === 'incoming request' && l.req?.url === '/api/v1/records/surveys');

      child.kill('SIGTERM');
      await lineWhere((l) => l.msg.startsWith('stopping'));
      // Soon no new connection is accepted, while the request under way still waits for its body.
      const refused = () =>
        new Promise<boolean>((resolve) => {
          const socket = net.connect({ host: '127.0.0.1', port });
          socket.once('connect', () => {
            socket.destroy();
            resolve(false);
          });
          socket.once('error', () => resolve(true));
        });
      let closed = false;
      for (let i = 0; i < 100 && !closed; i++) {
        closed = await refused();
        if (!closed) await new Promise((r) => setTimeout(r, 50));
      }
      expect(closed, 'new connections refused after SIGTERM').toBe(true);

      request.end(row.slice(half));
      const res = await answered;
      expect(res.status, res.body).toBe(201);
      expect(JSON.parse(res.body).written).toBe(1);
      expect(await exited).toBe(0);
      expect(lines.at(-1)?.msg).toBe('stopped');
      // Every line of the request names it.
      const ofRequest = lines.filter((l) => l.req || l.msg === 'request completed');
      expect(ofRequest.every((l) => l.request_id === incoming.request_id || l.request_id)).toBe(true);
      expect(lines.filter((l) => l.request_id === incoming.request_id).map((l) => l.msg)).toEqual([
        'incoming request',
        'request completed',
      ]);
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
    }

    const after = await openDatabase(url);
    const written = await after.kysely.selectFrom('surveys').select('ref').where('ref', '=', 'SIGTERM-1').execute();
    expect(written).toHaveLength(1);
    await after.close();
  }, 60_000);
});

describe('a request that reaches a closing server on an open connection', () => {
  it('is told to come back: 503 not_ready, Retry-After, its request id, and the connection closed', async () => {
    const url = await freshDatabaseUrl('sqlite');
    const server = await serve({ dbUrl: url, port: 0, host: '127.0.0.1' });
    await server.ready;
    const { port } = server.bound;
    const accepted = new Promise((resolve) => server.app.server.once('connection', resolve));
    const socket = net.connect({ host: '127.0.0.1', port });
    let answer = '';
    socket.on('data', (d) => (answer += d));
    const ended = new Promise((resolve) => socket.once('close', resolve));
    await accepted;
    // The request's head is still being written when the server starts to close.
    socket.write('GET /api/v1/health HTTP/1.1\r\nHost: 127.0.0.1\r\n');
    const closing = server.close();
    for (let i = 0; i < 100; i++) {
      const refused = await new Promise<boolean>((resolve) => {
        const probe = net.connect({ host: '127.0.0.1', port });
        probe.once('connect', () => (probe.destroy(), resolve(false)));
        probe.once('error', () => resolve(true));
      });
      if (refused) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    socket.write('\r\n');
    await ended;
    await closing;
    const [head, body] = answer.split('\r\n\r\n');
    expect(head).toMatch(/^HTTP\/1\.1 503 /);
    expect(head.toLowerCase()).toContain('retry-after: 2');
    expect(head.toLowerCase()).toContain('connection: close');
    const id = /x-request-id: (\S+)/i.exec(head)![1];
    expect(JSON.parse(body)).toEqual({
      error: {
        code: 'not_ready',
        category: 'not_ready',
        message: 'the server is shutting down; try again shortly',
        params: {},
        details: [],
        request_id: id,
      },
    });
  });
});
