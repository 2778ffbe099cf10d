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

const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.html': 'text/html; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
};

/** The build's .br or .gz of a file, when the browser takes that encoding (see vite.config.ts). */
function precompressed(file: string, accept: string): { file: string; encoding: string } | null {
  for (const [encoding, suffix] of [
    ['br', '.br'],
    ['gzip', '.gz'],
  ] as const) {
    if (new RegExp(`\\b${encoding}\\b`).test(accept) && fs.existsSync(file + suffix))
      return { file: file + suffix, encoding };
  }
  return null;
}

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
      reply.header('Cache-Control', cache);
      const compressed = precompressed(file, String(request.headers['accept-encoding'] ?? ''));
      if (compressed) {
        return reply
          .header('Content-Encoding', compressed.encoding)
          .header('Vary', 'Accept-Encoding')
          .type(TYPES[path.extname(file)] ?? 'application/octet-stream')
          .send(fs.createReadStream(compressed.file));
      }
      return reply.sendFile(path.relative(dist, file));
    }
    return reply.header('Cache-Control', 'no-cache').type('text/html; charset=utf-8').send(html);
  });
  return true;
}
