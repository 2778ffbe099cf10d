import type { Database } from '../db/database.ts';
import { AssessmentService } from './assessment/assessment.service.ts';

/** What every route module is given: the database and the services built on it. */
export interface AppContext {
  db: Database;
  assessment: AssessmentService;
  /** False until the server can serve everything (migrations, the demo under `npm start`). */
  ready(): boolean;
}

export function createContext(db: Database, ready: () => boolean = () => true): AppContext {
  return { db, assessment: new AssessmentService(db.kysely), ready };
}
