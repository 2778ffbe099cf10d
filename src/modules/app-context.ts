import type { Database } from '../db/database.ts';
import { DataVersionCache } from '../db/data-version.ts';
import { AreaTreeService } from './areas/area-tree.service.ts';
import { AssessmentService } from './assessment/assessment.service.ts';

/** What every route module and use case is given: the database and the services built on it. */
export interface AppContext {
  db: Database;
  /** The area tree: what contains what, per data version. */
  areas: AreaTreeService;
  assessment: AssessmentService;
  /** False until the server can serve everything (migrations, the demo under `npm start`). */
  ready(): boolean;
  /**
   * Aborted when the server begins to stop: background work (the warm-up, jobs) checks it
   * between two steps and ends there, so that the database can close behind it.
   */
  stopping: AbortSignal;
}

export function createContext(
  db: Database,
  ready: () => boolean = () => true,
  stopping: AbortSignal = new AbortController().signal,
): AppContext {
  const cache = new DataVersionCache(db.kysely);
  const areas = new AreaTreeService(cache);
  return { db, areas, assessment: new AssessmentService(db.kysely, cache, areas), ready, stopping };
}
