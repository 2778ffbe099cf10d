/**
 * Serves the built web app (web/dist) beside the API: assets by path, every other non-API GET
 * answered with index.html so that the app's own routes work on reload. Absent a build, the
 * API alone is served.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import staticFiles from '@fastify/static';

export const WEB_DIST = fileURLToPath(new URL('../../web/dist/', import.meta.url));

export async function serveWebApp(app: FastifyInstance, dist = WEB_DIST): Promise<boolean> {
  const index = path.join(dist, 'index.html');
  if (!fs.existsSync(index)) return false;
  // serve: false — only the sendFile decorator; the one route below serves files, so that every
  // route the app has names its permission (see src/modules/accounts/access.hook.ts).
  await app.register(staticFiles, { root: dist, serve: false, index: false, cacheControl: false });
  const html = fs.readFileSync(index);
  app.get('/*', { schema: { hide: true }, config: { permission: 'public' } }, async (request, reply) => {
    if (request.url.startsWith('/api/')) return reply.callNotFound();
    const file = path.join(dist, decodeURIComponent(request.url.split('?')[0]));
    if (file.startsWith(dist) && fs.existsSync(file) && fs.statSync(file).isFile()) {
      const cache = request.url.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache';
      return reply.header('Cache-Control', cache).sendFile(path.relative(dist, file));
    }
    return reply.header('Cache-Control', 'no-cache').type('text/html; charset=utf-8').send(html);
  });
  return true;
}
