/**
 * The error answers of every route, in the OpenAPI document: each status a route can answer
 * besides its own successes, with the error body (errorSchema). Most follow from what the route
 * is: every route can be refused as malformed (400, 414) or meet a server that cannot serve now
 * (500, 503, 507); a route behind a permission answers 401 and 403; a write can be refused as
 * cross-site (403), conflict with what is there (409), or come with a body too large (413) or
 * of a type the server does not read (415: Fastify reads a DELETE's body too); a route that
 * names something (in its path, query or body) can find nothing there (404). The few routes
 * that answer more say so in ROUTE_ANSWERS.
 * test/openapi-statuses.test.ts compares all this with the statuses the test suites observe.
 */
import type { FastifySchema } from 'fastify';
import type { SwaggerTransform } from '@fastify/swagger';
import { z } from 'zod';
import { errorSchema } from '#core/contracts/common.ts';

const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const ALWAYS = [400, 414, 500, 503, 507];

/**
 * Statuses of a route's own: rows or a file rejected (422), sign-in limits (401, 429), and the
 * public pages' limits per network (429, modules/public/public-limits.ts).
 */
const ROUTE_ANSWERS: Record<string, readonly number[]> = {
  'POST /api/v1/session': [401, 429],
  'GET /api/v1/public/areas': [429],
  'GET /api/v1/public/officers': [429],
  'GET /api/v1/public/challenge': [429],
  'POST /api/v1/public/surveys': [429],
  'POST /api/v1/records/:kind': [422],
  'POST /api/v1/imports': [422],
  'PUT /api/v1/leaders/:area': [422],
  'POST /api/v1/tasks/:id/evidence': [422],
};

/** The error statuses a route can answer. */
export function errorStatuses(method: string, url: string, schema: FastifySchema, permission?: string): number[] {
  const statuses = new Set(ALWAYS);
  if (permission !== 'public') [401, 403].forEach((s) => statuses.add(s));
  if (WRITES.has(method)) [403, 409, 413, 415].forEach((s) => statuses.add(s));
  if (url.includes(':') || schema.querystring || schema.body) statuses.add(404);
  for (const s of ROUTE_ANSWERS[`${method} ${url}`] ?? []) statuses.add(s);
  return [...statuses].sort((a, b) => a - b);
}

const A_FILE = {
  description: 'a file (CSV, XLSX, PDF, DOCX, an image…, as the route says)',
  content: { 'application/octet-stream': { schema: z.string() } },
};
/** The error body, once, as the document's component `Error`. */
const ERROR_BODY = errorSchema.meta({
  id: 'Error',
  description: 'an error: its code, category, parameters and message (docs/errors.md)',
});

/** Wraps the OpenAPI transform so that each operation declares its error answers. */
export function documentErrors(transform: SwaggerTransform): SwaggerTransform {
  return (arg) => {
    const method = [arg.route.method].flat()[0] ?? 'GET';
    const response: Record<string, unknown> = { ...(arg.schema.response as Record<string, unknown> | undefined) };
    // A route that answers a file declares no schema of its success: say it answers one.
    if (!Object.keys(response).some((s) => s.startsWith('2'))) response[200] = A_FILE;
    for (const status of errorStatuses(method, arg.url, arg.schema, arg.route.config?.permission))
      response[status] ??= ERROR_BODY;
    return transform({ ...arg, schema: { ...arg.schema, response } });
  };
}
