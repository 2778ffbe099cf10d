/**
 * The one place where failures become HTTP responses:
 * `{"error": {"code", "category", "message", "params", "details"}}`, a 4xx for anything the
 * caller got wrong, and never a stack trace. `code` is a registered code (#core/errors), whose
 * `params` the web renders in the reader's language; `message` is its English text.
 */
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { fieldDetail, fieldIssue, valueAt } from '#core/errors/field-issues.ts';
import { AppError, type ErrorCode, type ErrorParams } from '../shared/errors.ts';

export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError | AppError | Error, request, reply) => {
    if (error instanceof AppError) {
      if (error.category === 'busy') reply.header('Retry-After', '2');
      if (error.category === 'rate_limited') reply.header('Retry-After', String(retryAfter(error.details)));
      return reply.status(error.httpStatus).send(body(error));
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
      const issues = found.map((f) => f.issue);
      return reply.status(400).send(
        body(
          new AppError(
            'invalid_input',
            { issues },
            found.map((f) => f.detail),
          ),
        ),
      );
    }
    const status = (error as FastifyError).statusCode;
    if (status && status >= 400 && status < 500) {
      const refused =
        status === 413
          ? new AppError('too_large', { detail: error.message })
          : new AppError('request_invalid', { detail: error.message });
      return reply.status(status).send(body(refused));
    }
    if ((error as { code?: string }).code === 'SQLITE_BUSY') {
      reply.header('Retry-After', '2');
      return reply.status(503).send(body(new AppError('busy', {})));
    }
    request.log.error(error);
    return reply.status(500).send(body(new AppError('internal', {})));
  });
  app.setNotFoundHandler((request, reply) =>
    reply.status(404).send(refusal('route_not_found', { method: request.method, path: request.url.split('?')[0] })),
  );
}

/** Seconds to wait, as a rate_limited error's first detail gives them (`{retry_after: n}`). */
function retryAfter(details: unknown[]): number {
  const first = details[0] as { retry_after?: unknown } | undefined;
  return typeof first?.retry_after === 'number' ? first.retry_after : 60;
}

/** Errors the router raises before any route runs (a malformed or over-long address). */
export function frameworkError(error: FastifyError, _request: FastifyRequest, reply: FastifyReply): void {
  const refused = new AppError(error.code === 'FST_ERR_MAX_PARAM_LENGTH' ? 'address_too_long' : 'address_invalid', {});
  reply.status(refused.httpStatus).send(body(refused));
}

function refusal<C extends ErrorCode>(code: C, params: ErrorParams<C>) {
  return body(new AppError(code, params));
}

function body(e: AppError) {
  return {
    error: { code: e.code, category: e.category, message: e.message, params: e.params, details: e.details },
  };
}
