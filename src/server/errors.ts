/**
 * The one place where failures become HTTP responses: `{"error": {"code", "message", "details"}}`,
 * a 4xx for anything the caller got wrong, and never a stack trace.
 */
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError, HTTP_STATUS } from '../shared/errors.ts';

export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError | AppError | Error, request, reply) => {
    if (error instanceof AppError) {
      if (error.code === 'busy' || error.code === 'not_ready') reply.header('Retry-After', '2');
      if (error.code === 'rate_limited') reply.header('Retry-After', String(retryAfter(error.details)));
      return reply.status(HTTP_STATUS[error.code]).send(body(error.code, error.message, error.details));
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const details = error.validation.map((v) => ({
        path: v.instancePath.replace(/^\//, '').replace(/\//g, '.'),
        message: v.message,
      }));
      const where = error.validationContext ?? 'request';
      const message = details.map((d) => `${where}${d.path ? `.${d.path}` : ''}: ${d.message}`).join('; ');
      return reply.status(400).send(body('invalid_input', message, details));
    }
    const status = (error as FastifyError).statusCode;
    if (status && status >= 400 && status < 500) {
      return reply.status(status).send(body(status === 413 ? 'too_large' : 'invalid_input', error.message, []));
    }
    if ((error as { code?: string }).code === 'SQLITE_BUSY') {
      reply.header('Retry-After', '2');
      return reply.status(503).send(body('busy', 'the database is busy with another write; try again shortly', []));
    }
    request.log.error(error);
    return reply.status(500).send(body('internal', 'an unexpected failure; it has been logged', []));
  });
  app.setNotFoundHandler((request, reply) =>
    reply.status(404).send(body('not_found', `no route ${request.method} ${request.url.split('?')[0]}`, [])),
  );
}

/** Seconds to wait, as a rate_limited error's first detail gives them (`{retry_after: n}`). */
function retryAfter(details: unknown[]): number {
  const first = details[0] as { retry_after?: unknown } | undefined;
  return typeof first?.retry_after === 'number' ? first.retry_after : 60;
}

/** Errors the router raises before any route runs (a malformed or over-long address). */
export function frameworkError(error: FastifyError, _request: FastifyRequest, reply: FastifyReply): void {
  const tooLong = error.code === 'FST_ERR_MAX_PARAM_LENGTH';
  reply
    .status(tooLong ? 414 : 400)
    .send(
      body(
        'invalid_input',
        tooLong ? 'a value in the address is too long' : 'the address is not valid (bad percent-encoding)',
        [],
      ),
    );
}

function body(code: string, message: string, details: unknown[]) {
  return { error: { code, message, details } };
}
