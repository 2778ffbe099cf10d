/**
 * The tiny province (factory.ts TINY) served in-process with accounts at each level: managers
 * `prov` (P), `city` (C), `city2` (C2) and `county` (K), admin `boss` and analyst `reader`.
 */
import type { FastifyInstance } from 'fastify';
import { freshDatabaseUrl } from './engines.ts';
import { load, TINY } from './factory.ts';
import { sessionHeaders } from './session.ts';
import { openDatabase, type Database } from '../../src/db/database.ts';
import { buildApp } from '../../src/server/app.ts';
import { createContext } from '../../src/modules/app-context.ts';
import type { Engine } from '../../src/db/engine.ts';

export interface TinyServer {
  url: string;
  db: Database;
  app: FastifyInstance;
  /** Each account's Bearer header, by the names above. */
  headers: Record<string, { authorization: string }>;
}

export async function tinyServer(engine: Engine): Promise<TinyServer> {
  const url = await freshDatabaseUrl(engine);
  const db = await openDatabase(url);
  await load(db, TINY);
  const app = await buildApp(createContext(db), {
    web: false,
    access: { publicAggregates: false, requireAdminTotp: false },
  });
  const headers: TinyServer['headers'] = {};
  for (const [name, area] of [
    ['prov', 'P'],
    ['city', 'C'],
    ['city2', 'C2'],
    ['county', 'K'],
  ])
    headers[name] = await sessionHeaders(db, { username: name, role: 'manager', area });
  headers.admin = await sessionHeaders(db, { username: 'boss', role: 'admin' });
  headers.analyst = await sessionHeaders(db, { username: 'reader', role: 'analyst' });
  return { url, db, app, headers };
}
