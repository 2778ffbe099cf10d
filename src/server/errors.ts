/**
 * The one place where failures become HTTP responses: `{"error": {"code", "message", "details",
 * "request_id"}}`, a 4xx for anything the caller got wrong, and never a stack trace. Every 5xx is
 * logged with its stack under the request's id, which the body names so that an operator can
 * find it; the id is the only part of an error body that differs between two identical requests.
 */
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError, HTTP_STATUS, type ErrorCode } from '../shared/errors.ts';

export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError | AppError | Error, request, reply) => {
    if (error instanceof AppError) {
      const status = HTTP_STATUS[error.code];
      if (error.code === 'busy' || error.code === 'not_ready') reply.header('Retry-After', '2');
      if (error.code === 'rate_limited') reply.header('Retry-After', String(retryAfter(error.details)));
      if (status >= 500) logServerError(request, error, status);
      return answer(reply, status, body(request, error.code, error.message, error.details));
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const details = error.validation.map((v) => ({
        path: v.instancePath.replace(/^\//, '').replace(/\//g, '.'),
        message: v.message,
      }));
      const where = error.validationContext ?? 'request';
      const message = details.map((d) => `${where}${d.path ? `.${d.path}` : ''}: ${d.message}`).join('; ');
      return answer(reply, 400, body(request, 'invalid_input', message, details));
    }
    const status = (error as FastifyError).statusCode;
    if (status && status >= 400 && status < 500) {
      return answer(reply, status, body(request, status === 413 ? 'too_large' : 'invalid_input', error.message, []));
    }
    if ((error as { code?: string }).code === 'SQLITE_BUSY') {
      reply.header('Retry-After', '2');
      logServerError(request, error, 503);
      return answer(
        reply,
        503,
        body(request, 'busy', 'the database is busy with another write; try again shortly', []),
      );
    }
    logServerError(request, error, 500);
    return answer(
      reply,
      500,
      body(request, 'internal', 'an unexpected failure; it has been logged under this request_id', []),
    );
  });
  app.setNotFoundHandler((request, reply) =>
    answer(reply, 404, body(request, 'not_found', `no route ${request.method} ${request.url.split('?')[0]}`, [])),
  );
}

/**
 * A failure of the server's own, with its stack, on the request's log line (which carries its
 * request_id). A 500 is an error; a 503 or 507 (busy, starting, shutting down, disk full) is
 * the server saying it cannot now, a warning.
 */
function logServerError(request: FastifyRequest, error: Error, status: number): void {
  const line = { err: error, status, route: request.routeOptions.url ?? null };
  if (status === 500) request.log.error(line, 'an unexpected failure');
  else request.log.warn(line, 'the server could not serve the request now');
}

/** Seconds to wait, as a rate_limited error's first detail gives them (`{retry_after: n}`). */
function retryAfter(details: unknown[]): number {
  const first = details[0] as { retry_after?: unknown } | undefined;
  return typeof first?.retry_after === 'number' ? first.retry_after : 60;
}

/** Errors the router raises before any route runs (a malformed or over-long address). */
export function frameworkError(error: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  const tooLong = error.code === 'FST_ERR_MAX_PARAM_LENGTH';
  answer(
    reply,
    tooLong ? 414 : 400,
    body(
      request,
      'invalid_input',
      tooLong ? 'a value in the address is too long' : 'the address is not valid (bad percent-encoding)',
      [],
    ),
  );
}

/**
 * Sends an error body as plain JSON: a route's response schema for the same status (health's
 * 503) describes its own answers, not errors, and must not reshape or refuse one.
 */
function answer(reply: FastifyReply, status: number, payload: ReturnType<typeof body>): FastifyReply {
  return reply.status(status).type('application/json; charset=utf-8').serializer(JSON.stringify).send(payload);
}

function body(request: FastifyRequest, code: ErrorCode | 'too_large', message: string, details: unknown[]) {
  return { error: { code, message, details, request_id: request.id } };
}
