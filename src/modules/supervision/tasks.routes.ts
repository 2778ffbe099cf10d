import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../app-context.ts';
import { today } from '../../shared/clock.ts';
import { requestActor } from '../audit/audit.actor.ts';
import { scopeOf } from '../accounts/scope.ts';
import {
  assignBody,
  assignResultSchema,
  commentBody,
  evidenceParams,
  evidenceQuery,
  statusBody,
  taskDetailSchema,
  taskDetailQuery,
  taskIdParams,
  taskListQuery,
  taskPageSchema,
} from '#core/contracts/supervision.schema.ts';
import { TasksService } from './tasks.service.ts';
import { sendEvidence, uploadedEvidence } from './evidence.http.ts';
import { assignTasks } from './tasks.assign.ts';
import { bindRows } from '#core/exports/export-table.ts';
import { TASKS_TABLE } from '#core/exports/tables/supervision-tables.ts';
import { ALL_ROWS, sendTable } from '../exports/export.reply.ts';

/** The largest upload the route reads; the configured evidence limit (settings) is checked below it. */
const UPLOAD_CAP = 64 * 1024 * 1024;

/** Supervision tasks: the board, one task with its events and evidence, and the moves on it. */
export const tasksRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    const tasks = new TasksService(ctx.db);

    app.get(
      '/tasks',
      {
        schema: {
          summary:
            'Supervision tasks within your jurisdiction, by area, notifying area, status, month or overdue on a day',
          tags: ['supervision'],
          querystring: taskListQuery,
          response: { 200: taskPageSchema },
        },
        config: { permission: 'tasks:read' },
      },
      async (request, reply) => {
        const q = request.query;
        const filter = { ...q, overdue: q.overdue === 'true', date: q.date ?? today() };
        if (q.format === 'json') return tasks.list(scopeOf(request), filter);
        const all = await tasks.list(scopeOf(request), { ...filter, ...ALL_ROWS });
        return sendTable(reply, bindRows(TASKS_TABLE, all.items), q, `tasks-${q.area ?? 'all'}`);
      },
    );
    app.get(
      '/tasks/:id',
      {
        schema: {
          summary: 'One supervision task with its history and evidence',
          tags: ['supervision'],
          params: taskIdParams,
          querystring: taskDetailQuery,
          response: { 200: taskDetailSchema },
        },
        config: { permission: 'tasks:read' },
      },
      async (request) => tasks.get(scopeOf(request), request.params.id, request.query.date ?? today()),
    );
    app.post(
      '/tasks/assign',
      {
        schema: {
          summary:
            'Give the selected tasks the responsible leader registered for an area (all or none; closed tasks are refused)',
          tags: ['supervision'],
          body: assignBody,
          response: { 200: assignResultSchema },
        },
        config: { permission: 'tasks:write' },
      },
      async (request) =>
        assignTasks(ctx.db, requestActor(request), scopeOf(request), request.body.ids, request.body.leader),
    );
    app.put(
      '/tasks/:id/status',
      {
        schema: {
          summary:
            'Move a task: open → in_progress → rectified → verified (verified by the notifying area; sent back to in_progress with a comment)',
          tags: ['supervision'],
          params: taskIdParams,
          body: statusBody,
          response: { 200: taskDetailSchema },
        },
        config: { permission: 'tasks:write' },
      },
      async (request) =>
        tasks.changeStatus(
          requestActor(request),
          scopeOf(request),
          request.params.id,
          request.body.status,
          request.body.comment,
          request.body.backdate,
        ),
    );
    app.post(
      '/tasks/:id/comments',
      {
        schema: {
          summary: 'Comment on a task',
          tags: ['supervision'],
          params: taskIdParams,
          body: commentBody,
          response: { 201: taskDetailSchema },
        },
        config: { permission: 'tasks:write' },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(
            await tasks.comment(requestActor(request), scopeOf(request), request.params.id, request.body.body, today()),
          ),
    );
    await app.register(evidenceUpload(tasks));
    app.get(
      '/tasks/:id/evidence/:evidence',
      {
        schema: {
          summary: 'Download an evidence file (checked against its SHA-256)',
          tags: ['supervision'],
          params: evidenceParams,
        },
        config: { permission: 'tasks:read' },
      },
      async (request, reply) => {
        return sendEvidence(reply, await tasks.evidence(scopeOf(request), request.params.id, request.params.evidence));
      },
    );
  };

/**
 * POST /tasks/:id/evidence in a context of its own, where every body is read as the file's raw
 * bytes: text/plain and JSON included, whose built-in parsers would otherwise take them first.
 * The other routes, here and elsewhere, keep parsing JSON.
 */
const evidenceUpload =
  (tasks: TasksService): FastifyPluginAsyncZod =>
  async (app) => {
    app.removeAllContentTypeParsers();
    app.addContentTypeParser('*', { parseAs: 'buffer' }, (_request, body, done) => done(null, body));
    app.post(
      '/tasks/:id/evidence',
      {
        bodyLimit: UPLOAD_CAP,
        schema: {
          summary:
            'Attach a file as evidence of rectification: the body is the file, ?name= its name (size limit in the notification settings)',
          tags: ['supervision'],
          params: taskIdParams,
          querystring: evidenceQuery,
          response: { 201: taskDetailSchema },
        },
        config: { permission: 'tasks:write' },
      },
      async (request, reply) => {
        const file = uploadedEvidence(request);
        return reply
          .status(201)
          .send(await tasks.attach(requestActor(request), scopeOf(request), request.params.id, file, today()));
      },
    );
  };
