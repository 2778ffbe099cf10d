/**
 * While the server closes (SIGTERM, SIGINT), the requests under way finish, and a new one that
 * still reaches it on an open connection is told to come back: 503 `not_ready` with
 * Retry-After, in the API's error shape, and the connection closed behind it.
 */
import type { FastifyInstance } from 'fastify';
import { AppError } from '../shared/errors.ts';

export function installClosingGuard(app: FastifyInstance): void {
  let closing = false;
  app.addHook('preClose', async () => {
    closing = true;
  });
  app.addHook('onRequest', async (_request, reply) => {
    if (!closing) return;
    reply.header('Connection', 'close');
    throw new AppError('not_ready', {});
  });
}
