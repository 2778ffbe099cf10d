/**
 * Everything the docs generator reads from the code, in one place: the import kinds, the
 * schemes, the ranking rules, the CLI's commands, the error codes, the permissions and the
 * routes, and the web app's words for the values. When a registry moves, repoint it here; no
 * other file of tools/docs imports from src/ or web/.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { OpenAPIV3 } from 'openapi-types';
import { openDatabase } from '../../src/db/database.ts';
import { buildApp } from '../../src/server/app.ts';
import { createContext } from '../../src/modules/app-context.ts';
import type { RouteEntry } from '../../src/modules/accounts/access.hook.ts';

export {
  ASPECTS,
  KINDS,
  LEVELS,
  STANDARD_KIT,
  type CellFormat,
  type ColumnDef,
  type ImportKind,
} from '../../src/modules/imports/kinds/index.ts';
export { RECORD_KINDS } from '../../src/core/kinds/order.ts';
export {
  DEFAULT_SCHEMES,
  INFORMATIONAL,
  OFFICER_SCHEME,
  PASSING_SCORE,
  REPORTS_FOR_PROVISION,
  evaluateScheme,
  scoreOf,
  type IndicatorDef,
  type RankingRow,
  type Scheme,
} from '../../src/modules/assessment/domain/index.ts';
export { LAST_RULE_COUNT, LAST_RULE_MIN_RANKED } from '../../src/core/assessment/ranking.ts';
export { DEFAULT_THRESHOLDS } from '../../src/core/schemes/scheme-definition.ts';
export { COMMANDS } from '../../src/cli/commands.ts';
export { CATEGORIES, type Category, type ErrorDef, type Params } from '../../src/core/errors/types.ts';
export {
  ERRORS,
  exitCodeOf,
  httpStatusOf,
  renderError,
  textOf,
  type ErrorCode,
} from '../../src/core/errors/registry.ts';
export { PERMISSIONS, ROLES, ROLE_DESCRIPTIONS } from '../../src/core/accounts/permissions.ts';
export {
  renderRoleTable,
  renderRouteTable,
  ROLES_BEGIN,
  ROUTES_BEGIN,
} from '../../src/modules/accounts/permissions.doc.ts';
export type { RouteEntry };
export { TASK_STATUSES } from '../../src/core/supervision/task-status.ts';
export { zh as WEB_ZH } from '../../web/src/i18n/messages-zh.ts';
export { en as WEB_EN } from '../../web/src/i18n/messages-en.ts';

/** The acceptance province's expected results: the numbers of the worked example. */
export const EXPECTED_FILE = fileURLToPath(
  new URL('../../test/fixtures/acceptance/province-51.expected.json', import.meta.url),
);

/** The routes as the app registers them, and the OpenAPI document it serves. */
export interface RouteReference {
  catalog: RouteEntry[];
  openapi: OpenAPIV3.Document;
}

/** Builds the app on an empty SQLite database of its own (removed after) and reads its routes. */
export async function routeReference(): Promise<RouteReference> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'outpost-docs-'));
  const db = await openDatabase(path.join(dir, 'docs.sqlite'));
  try {
    const app = await buildApp(createContext(db), {
      web: false,
      access: { publicAggregates: false, requireAdminTotp: false },
    });
    try {
      const openapi = (await app.inject({ url: '/api/openapi.json' })).json() as OpenAPIV3.Document;
      return { catalog: app.routeCatalog, openapi };
    } finally {
      await app.close();
    }
  } finally {
    await db.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
