/**
 * The one place where failures become HTTP responses:
 * `{"error": {"code", "category", "message", "params", "details", "request_id"}}`, a 4xx for
 * anything the caller got wrong, and never a stack trace. `code` is a registered code
 * (#core/errors), whose `params` the web renders in the reader's language; `message` is its
 * English text. Every 5xx is logged with its stack under the request's id, which the body names
 * so that an operator can find it; the id is the only part of an error body that differs between
 * two identical requests.
 */
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { fieldDetail, fieldIssue, valueAt } from '#core/errors/field-issues.ts';
import { AppError } from '../shared/errors.ts';

export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError | AppError | Error, request, reply) => {
    if (error instanceof AppError) {
      const status = error.httpStatus;
      if (error.category === 'busy' || error.category === 'not_ready') reply.header('Retry-After', '2');
      if (error.category === 'rate_limited') reply.header('Retry-After', String(retryAfter(error.details)));
      if (status >= 500) logServerError(request, error, status);
      return answer(reply, status, body(request, error));
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const where = error.validationContext ?? 'request';
      const input = (request as unknown as Record<string, unknown>)[where];
      const found = error.validation.map((v) => {
        const keys = v.instancePath.split('/').filter(Boolean);
        const path = keys.join('.');
        const issue = fieldIssue(
          { ...v.params, code: v.keyword, message: v.message ?? '' },
          `${where}${path ? `.${path}` : ''}`,
          valueAt(input, keys),
        );
        return { issue, detail: fieldDetail(issue, path) };
      });
      const refused = new AppError(
        'invalid_input',
        { issues: found.map((f) => f.issue) },
        found.map((f) => f.detail),
      );
      return answer(reply, 400, body(request, refused));
    }
    const status = (error as FastifyError).statusCode;
    if (status && status >= 400 && status < 500) {
      const refused =
        status === 413
          ? new AppError('too_large', { detail: error.message })
          : new AppError('request_invalid', { detail: error.message });
      return answer(reply, status, body(request, refused));
    }
    if ((error as { code?: string }).code === 'SQLITE_BUSY') {
      reply.header('Retry-After', '2');
      logServerError(request, error, 503);
      return answer(reply, 503, body(request, new AppError('busy', {})));
    }
    logServerError(request, error, 500);
    return answer(reply, 500, body(request, new AppError('internal', {})));
  });
  app.setNotFoundHandler((request, reply) =>
    answer(
      reply,
      404,
      body(request, new AppError('route_not_found', { method: request.method, path: request.url.split('?')[0] })),
    ),
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
  const refused = new AppError(error.code === 'FST_ERR_MAX_PARAM_LENGTH' ? 'address_too_long' : 'address_invalid', {});
  answer(reply, refused.httpStatus, body(request, refused));
}

/**
 * Sends an error body as plain JSON: a route's response schema for the same status (health's
 * 503) describes its own answers, not errors, and must not reshape or refuse one.
 */
function answer(reply: FastifyReply, status: number, payload: ReturnType<typeof body>): FastifyReply {
  return reply.status(status).type('application/json; charset=utf-8').serializer(JSON.stringify).send(payload);
}

function body(request: FastifyRequest, e: AppError) {
  return {
    error: {
      code: e.code,
      category: e.category,
      message: e.message,
      params: e.params,
      details: e.details,
      request_id: request.id,
    },
  };
}
