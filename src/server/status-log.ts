/**
 * When OUTPOST_STATUS_LOG names a folder (the test run sets it), every answer's method, route
 * and status is appended to a file of this process there, so that test/openapi-statuses.test.ts
 * can compare the statuses the suites observed with those the OpenAPI document declares.
 * Unset (as in production) it installs nothing.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';

export function installStatusLog(app: FastifyInstance, folder = process.env.OUTPOST_STATUS_LOG): void {
  if (!folder) return;
  const file = path.join(folder, `${process.pid}.jsonl`);
  app.addHook('onResponse', async (request, reply) => {
    const route = request.routeOptions.url;
    if (route === undefined) return;
    fs.mkdirSync(folder, { recursive: true });
    fs.appendFileSync(file, `${JSON.stringify({ method: request.method, route, status: reply.statusCode })}\n`);
  });
}
