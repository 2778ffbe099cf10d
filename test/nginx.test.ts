/**
 * The production guide's reverse proxy, end to end: Debian's nginx runs docs/nginx/outpost.conf
 * (its ports and certificate paths replaced, nothing else) with a self-signed certificate in
 * front of a server on loopback. A client on 127.0.0.2 signs in over HTTPS; nginx reaches the
 * server from 127.0.0.1. With OUTPOST_TRUST_PROXY naming nginx, the cookie is Secure, HSTS is
 * sent once, and the address the server records is the client's own, whatever it forged; without
 * it, nothing nginx (or a client) forwards is believed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import https from 'node:https';
import http from 'node:http';
import net from 'node:net';
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { freshDatabaseUrl } from './support/engines.ts';
import { ensureAccount, TEST_PASSWORD } from './support/session.ts';
import { systemHas } from './support/system-tools.ts';
import { openDatabase, type Database } from '../src/db/database.ts';
import { serve, type RunningServer } from '../src/server/serve.ts';
import type { TrustProxy } from '../src/server/proxy.ts';

const CONF = fileURLToPath(new URL('../docs/nginx/outpost.conf', import.meta.url));
const NGINX = '/usr/sbin/nginx';
const present = systemHas('the nginx TLS test', { programs: ['openssl'], files: [NGINX], install: 'nginx openssl' });
const CLIENT = '127.0.0.2';
const FORGED = '203.0.113.66';

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** The guide's file with this run's ports and certificate; each replaced line must be there once. */
function templated(ports: { https: number; http: number; app: number }, dir: string): string {
  let conf = fs.readFileSync(CONF, 'utf8');
  const swaps: [string, string][] = [
    ['listen 443 ssl http2;', `listen 127.0.0.1:${ports.https} ssl http2;`],
    ['listen 80;', `listen 127.0.0.1:${ports.http};`],
    ['server 127.0.0.1:3000;', `server 127.0.0.1:${ports.app};`],
    ['/etc/ssl/outpost/fullchain.pem', path.join(dir, 'cert.pem')],
    ['/etc/ssl/outpost/privkey.pem', path.join(dir, 'key.pem')],
  ];
  for (const [from, to] of swaps) {
    expect(conf.split(from).length - 1, `docs/nginx/outpost.conf has "${from}" once`).toBe(1);
    conf = conf.replace(from, to);
  }
  return conf;
}

function mainConf(dir: string): string {
  const temp = (name: string) => `${name}_temp_path ${path.join(dir, 'tmp', name)};`;
  return [
    'daemon off;',
    'worker_processes 1;',
    `pid ${path.join(dir, 'nginx.pid')};`,
    `error_log ${path.join(dir, 'error.log')} info;`,
    'events { worker_connections 64; }',
    'http {',
    `  access_log ${path.join(dir, 'access.log')};`,
    ...['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((n) => `  ${temp(n)}`),
    `  include ${path.join(dir, 'outpost.conf')};`,
    '}',
    '',
  ].join('\n');
}

interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  rawHeaders: string[];
  body: string;
}

describe.skipIf(!present)('Outpost behind nginx with TLS (docs/operations.md)', () => {
  let dir: string;
  let nginx: ChildProcess;
  let server: RunningServer | undefined;
  let db: Database;
  let dbUrl: string;
  const ports = { https: 0, http: 0, app: 0 };
  let cert: Buffer;

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'outpost-nginx-'));
    // nginx's workers may run as nobody: they must reach the temporary folders.
    fs.chmodSync(dir, 0o755);
    for (const n of ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'])
      fs.mkdirSync(path.join(dir, 'tmp', n), { recursive: true, mode: 0o777 });
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-days',
        '2',
        '-subj',
        '/CN=outpost.test',
        '-addext',
        'subjectAltName=IP:127.0.0.1,DNS:outpost.test',
        '-keyout',
        path.join(dir, 'key.pem'),
        '-out',
        path.join(dir, 'cert.pem'),
      ],
      { stdio: 'ignore' },
    );
    cert = fs.readFileSync(path.join(dir, 'cert.pem'));
    dbUrl = await freshDatabaseUrl('sqlite');
    db = await openDatabase(dbUrl);
    await ensureAccount(db, { username: 'desk', role: 'analyst' });
    ports.app = await freePort();
    ports.https = await freePort();
    ports.http = await freePort();
    fs.writeFileSync(path.join(dir, 'outpost.conf'), templated(ports, dir));
    fs.writeFileSync(path.join(dir, 'nginx.conf'), mainConf(dir));
    const conf = path.join(dir, 'nginx.conf');
    execFileSync(NGINX, ['-t', '-q', '-e', path.join(dir, 'error.log'), '-p', dir, '-c', conf], { stdio: 'pipe' });
    nginx = spawn(NGINX, ['-e', path.join(dir, 'error.log'), '-p', dir, '-c', conf], { stdio: 'ignore' });
    for (let i = 0; ; i++) {
      const up = await new Promise<boolean>((resolve) => {
        const s = net.connect({ host: '127.0.0.1', port: ports.https });
        s.once('connect', () => (s.destroy(), resolve(true)));
        s.once('error', () => resolve(false));
      });
      if (up) break;
      if (i > 100 || nginx.exitCode !== null)
        throw new Error(`nginx did not start: ${fs.readFileSync(path.join(dir, 'error.log'), 'utf8')}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  });

  afterAll(async () => {
    await server?.close();
    await db?.close();
    if (nginx && nginx.exitCode === null) {
      const gone = new Promise((r) => nginx.once('exit', r));
      nginx.kill('SIGQUIT');
      await gone;
    }
  });

  /** The server on the port nginx proxies to, trusting nginx or not. */
  async function serveWith(trustProxy: TrustProxy): Promise<void> {
    await server?.close();
    server = await serve({ dbUrl, port: ports.app, host: '127.0.0.1', app: { trustProxy } });
    await server.ready;
  }

  /** A request from the client's own address, 127.0.0.2: over TLS to nginx, or plain to a port. */
  function request(
    options: { tls: boolean; port: number; method?: string; path: string; headers?: Record<string, string> },
    body?: string,
  ): Promise<Answer> {
    return new Promise((resolve, reject) => {
      const common = {
        host: '127.0.0.1',
        port: options.port,
        localAddress: CLIENT,
        method: options.method ?? 'GET',
        path: options.path,
        agent: false as const,
        headers: { ...(body ? { 'content-type': 'application/json' } : {}), ...options.headers },
      };
      const req = options.tls ? https.request({ ...common, ca: cert }) : http.request(common);
      req.on('response', (res) => {
        let text = '';
        res.on('data', (d) => (text += d));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, rawHeaders: res.rawHeaders, body: text }),
        );
      });
      req.on('error', reject);
      req.end(body);
    });
  }

  const signIn = (tls: boolean, port: number, headers: Record<string, string> = {}) =>
    request(
      { tls, port, method: 'POST', path: '/api/v1/session', headers },
      JSON.stringify({ username: 'desk', password: TEST_PASSWORD }),
    );
  const lastLoginAddress = async () =>
    (
      await db.kysely
        .selectFrom('audit_log')
        .select('ip')
        .where('action', '=', 'session.login')
        .orderBy('id', 'desc')
        .executeTakeFirstOrThrow()
    ).ip;
  const hsts = (a: Answer) =>
    a.rawHeaders.filter((_, i) => i % 2 === 0 && a.rawHeaders[i].toLowerCase() === 'strict-transport-security');

  it('signs in over HTTPS with a Secure cookie and HSTS, recording the client’s own address', async () => {
    await serveWith('127.0.0.1');
    const origin = `https://127.0.0.1:${ports.https}`;
    const res = await signIn(true, ports.https, { origin, 'x-forwarded-for': FORGED });
    expect(res.status, res.body).toBe(200);
    const cookie = String(res.headers['set-cookie']);
    expect(cookie).toMatch(/^outpost_session=[\w-]+;/);
    expect(cookie).toMatch(/; Secure/);
    expect(cookie).toMatch(/; HttpOnly/);
    expect(cookie).toMatch(/; SameSite=Strict/);
    expect(hsts(res)).toHaveLength(1);
    expect(res.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
    expect(await lastLoginAddress()).toBe(CLIENT);
    // The cookie opens the API through the proxy.
    const token = /^outpost_session=([\w-]+);/.exec(cookie)![1];
    const me = await request({
      tls: true,
      port: ports.https,
      path: '/api/v1/session',
      headers: { cookie: `outpost_session=${token}` },
    });
    expect(me.status).toBe(200);
    expect(JSON.parse(me.body).username).toBe('desk');
  });

  it('sends plain HTTP to HTTPS, and keeps the metrics from the public', async () => {
    const plain = await request({ tls: false, port: ports.http, path: '/api/v1/health' });
    expect(plain.status).toBe(301);
    expect(plain.headers.location).toBe('https://127.0.0.1/api/v1/health');
    const metrics = await request({ tls: true, port: ports.https, path: '/metrics' });
    expect(metrics.status).toBe(404);
    expect(metrics.body).not.toContain('outpost_');
    // The server itself answers them on loopback, past nginx.
    const local = await fetch(`http://127.0.0.1:${ports.app}/metrics`);
    expect(local.status).toBe(200);
  });

  it('believes no forwarded header without OUTPOST_TRUST_PROXY, from nginx or from a client', async () => {
    await serveWith(false);
    const res = await signIn(true, ports.https, { 'x-forwarded-for': FORGED });
    expect(res.status, res.body).toBe(200);
    // nginx's X-Forwarded-Proto is not believed: the server sees plain HTTP from 127.0.0.1.
    expect(String(res.headers['set-cookie'])).not.toMatch(/; Secure/);
    expect(await lastLoginAddress()).toBe('127.0.0.1');
    // A client past nginx, forging every header, is still itself.
    const direct = await signIn(false, ports.app, {
      'x-forwarded-for': FORGED,
      'x-forwarded-proto': 'https',
      'x-forwarded-host': 'outpost.example',
    });
    expect(direct.status).toBe(200);
    expect(await lastLoginAddress()).toBe(CLIENT);
    expect(String(direct.headers['set-cookie'])).not.toMatch(/; Secure/);
    expect(direct.headers['strict-transport-security']).toBeUndefined();
  });
});
