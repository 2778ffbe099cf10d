/**
 * The error answers of every route, in the OpenAPI document: each status a route can answer
 * besides its own successes, with the error body (errorSchema). Which statuses follow from what
 * the route is — every route can be refused as malformed (400, 414) or meet a server that cannot
 * serve now (500, 503, 507); a route behind a permission answers 401 and 403; a write can be
 * refused as cross-site (403) or too large (413); a route that names something (in its path,
 * query or body) can find nothing there (404) — and a route says its own further ones
 * (`config.answers`: 409, 422, 429). test/openapi-statuses.test.ts compares them with the
 * statuses the suites observe.
 */
import type { FastifySchema } from 'fastify';
import type { SwaggerTransform } from '@fastify/swagger';
import { errorSchema } from '#core/contracts/common.ts';

const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const ALWAYS = [400, 414, 500, 503, 507];

/** The error statuses a route can answer, by what it is and what it says of itself. */
export function errorStatuses(
  method: string,
  url: string,
  schema: FastifySchema,
  config: { permission?: string; answers?: readonly number[] } = {},
): number[] {
  const statuses = new Set(ALWAYS);
  if (config.permission !== 'public') [401, 403].forEach((s) => statuses.add(s));
  if (WRITES.has(method)) [403, 413].forEach((s) => statuses.add(s));
  if (url.includes(':') || schema.querystring || schema.body) statuses.add(404);
  for (const s of config.answers ?? []) statuses.add(s);
  return [...statuses].sort((a, b) => a - b);
}

const ERROR_BODY = errorSchema.describe('an error: its code, category, parameters and message (docs/errors.md)');

/** Wraps the OpenAPI transform so that each operation declares its error answers. */
export function documentErrors(transform: SwaggerTransform): SwaggerTransform {
  return (arg) => {
    const method = [arg.route.method].flat()[0] ?? 'GET';
    const response: Record<string, unknown> = { ...(arg.schema.response as Record<string, unknown> | undefined) };
    for (const status of errorStatuses(method, arg.url, arg.schema, arg.route.config)) response[status] ??= ERROR_BODY;
    return transform({ ...arg, schema: { ...arg.schema, response } });
  };
}
