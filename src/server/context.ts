import type { Database } from '../db/database.ts';
import { AssessmentService } from '../modules/assessment/assessment.service.ts';

/** What every route module is given: the database and the services built on it. */
export interface AppContext {
  db: Database;
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
  return { db, assessment: new AssessmentService(db.kysely), ready, stopping };
}
