import type { TestProject } from 'vitest/node';
import fs from 'node:fs';
import { startPostgres } from './support/postgres-server.ts';
import { databaseFolder, statusLogFolder, testKeyFile } from './support/test-keys.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    pgAdminUrl: string;
  }
}

/** Starts one PostgreSQL server for the whole run; every test file makes its own databases. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  fs.rmSync(statusLogFolder(), { recursive: true, force: true });
  const server = await startPostgres();
  project.provide('pgAdminUrl', server.adminUrl);
  return async () => {
    await server.stop();
    fs.rmSync(testKeyFile(), { force: true });
    fs.rmSync(statusLogFolder(), { recursive: true, force: true });
    fs.rmSync(databaseFolder(), { recursive: true, force: true });
  };
}
