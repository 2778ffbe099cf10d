/**
 * Times every wait for a database connection into `outpost_db_connection_wait_seconds`: on
 * PostgreSQL, for a connection of the pool. (SQLite's readers never wait; its writers' waits
 * for the write gate are timed by the gate: database.ts.)
 */
import type { Dialect } from 'kysely';
import type { Engine } from './engine.ts';
import { connectionWait } from '../shared/metrics.ts';

/** Runs `acquire`, observing how long it took to give a connection. */
export async function timedAcquire<T>(engine: Engine, acquire: () => Promise<T>): Promise<T> {
  const started = performance.now();
  const connection = await acquire();
  connectionWait.observe({ engine }, (performance.now() - started) / 1000);
  return connection;
}

/** The dialect, with its driver's connection waits timed. */
export function timeConnectionWaits(dialect: Dialect, engine: Engine): Dialect {
  return {
    createAdapter: () => dialect.createAdapter(),
    createQueryCompiler: () => dialect.createQueryCompiler(),
    createIntrospector: (db) => dialect.createIntrospector(db),
    createDriver: () => {
      const driver = dialect.createDriver();
      const acquire = driver.acquireConnection.bind(driver);
      driver.acquireConnection = () => timedAcquire(engine, acquire);
      return driver;
    },
  };
}
