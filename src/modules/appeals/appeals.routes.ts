import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../app-context.ts';
import { requestActor } from '../audit/audit.actor.ts';
import { scopeOf } from '../accounts/scope.ts';
import { evidenceParams, evidenceQuery } from '#core/contracts/supervision.schema.ts';
import {
  appealBody,
  appealDecisionBody,
  appealDetailSchema,
  appealIdParams,
  appealListQuery,
  appealPageSchema,
} from '#core/contracts/appeals.schema.ts';
import { AppealsService } from './appeals.service.ts';
import { sendEvidence, uploadedEvidence } from '../supervision/evidence.http.ts';

/** The largest upload the route reads; the configured evidence limit is checked below it. */
const UPLOAD_CAP = 64 * 1024 * 1024;

/** Appeals (申诉) of a ranked area against its score in an issued notice, and their decisions. */
export const appealsRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    const appeals = new AppealsService(ctx);
    app.get(
      '/appeals',
      {
        schema: {
          summary: 'Appeals within your jurisdiction, by notice, area or status, newest first',
          tags: ['supervision'],
          querystring: appealListQuery,
          response: { 200: appealPageSchema },
        },
        config: { permission: 'tasks:read' },
      },
      async (request) => appeals.list(scopeOf(request), request.query),
    );
    app.get(
      '/appeals/:id',
      {
        schema: {
          summary: 'One appeal with its evidence and, once upheld, the steps to its correction notice',
          tags: ['supervision'],
          params: appealIdParams,
          response: { 200: appealDetailSchema },
        },
        config: { permission: 'tasks:read' },
      },
      async (request) => appeals.get(scopeOf(request), request.params.id),
    );
    app.post(
      '/appeals',
      {
        schema: {
          summary: "Appeal your area's score in an issued notice, within the settings' appeal_days of its issue date",
          tags: ['supervision'],
          body: appealBody,
          response: { 201: appealDetailSchema },
        },
        config: { permission: 'tasks:write' },
      },
      async (request, reply) =>
        reply.status(201).send(await appeals.file(requestActor(request), scopeOf(request), request.body)),
    );
    app.post(
      '/appeals/:id/decision',
      {
        schema: {
          summary: "Uphold or reject a pending appeal, with a reason (the notice's issuing level; not your own appeal)",
          tags: ['supervision'],
          params: appealIdParams,
          body: appealDecisionBody,
          response: { 200: appealDetailSchema },
        },
        config: { permission: 'tasks:write' },
      },
      async (request) =>
        appeals.decide(
          requestActor(request),
          scopeOf(request),
          request.params.id,
          request.body.decision,
          request.body.reason,
        ),
    );
    app.get(
      '/appeals/:id/evidence/:evidence',
      {
        schema: {
          summary: "Download an appeal's evidence file (checked against its SHA-256)",
          tags: ['supervision'],
          params: evidenceParams,
        },
        config: { permission: 'tasks:read' },
      },
      async (request, reply) => {
        return sendEvidence(
          reply,
          await appeals.evidence(scopeOf(request), request.params.id, request.params.evidence),
        );
      },
    );
    await app.register(evidenceUpload(appeals));
  };

/** POST /appeals/:id/evidence where every body is the file's own bytes (see tasks.routes.ts for why). */
const evidenceUpload =
  (appeals: AppealsService): FastifyPluginAsyncZod =>
  async (app) => {
    app.removeAllContentTypeParsers();
    app.addContentTypeParser('*', { parseAs: 'buffer' }, (_request, body, done) => done(null, body));
    app.post(
      '/appeals/:id/evidence',
      {
        bodyLimit: UPLOAD_CAP,
        schema: {
          summary: 'Attach a file as evidence of a pending appeal: the body is the file, ?name= its name',
          tags: ['supervision'],
          params: appealIdParams,
          querystring: evidenceQuery,
          response: { 201: appealDetailSchema },
        },
        config: { permission: 'tasks:write' },
      },
      async (request, reply) => {
        const file = uploadedEvidence(request);
        return reply
          .status(201)
          .send(await appeals.attach(requestActor(request), scopeOf(request), request.params.id, file));
      },
    );
  };
