import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../server/context.ts';
import { AppError } from '../../shared/errors.ts';
import { requestActor } from '../audit/audit.actor.ts';
import { assertAggregateVisible, scopeOf } from '../accounts/scope.ts';
import { isWithin } from '../supervision/leaders.repository.ts';
import type { OfficialDocument } from './document/document.ts';
import { CONTENT_TYPES, renderDocument, type DocumentFormat } from './document/render.ts';
import { notificationSettingsPatch, notificationSettingsSchema } from './notification.settings.ts';
import {
  archiveQuery,
  issueBody,
  issuedSchema,
  noticeParams,
  noticeQuery,
  notificationEntrySchema,
  presentEntry,
  previewQuery,
} from './notifications.schema.ts';
import { defaultDate, NotificationsService } from './notifications.service.ts';
import { loadSettings, updateSettings } from './settings.service.ts';

/** The monthly notification: drafts rendered on demand, the archive of issued ones, issuing, settings. */
export const notificationsRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    const notices = new NotificationsService(ctx.db, ctx.assessment);
    const visible = async (scope: ReturnType<typeof scopeOf>, area: string) =>
      assertAggregateVisible(await ctx.assessment.areaTree(), scope, area, 'children');

    app.get(
      '/notifications/preview',
      {
        schema: {
          summary:
            "A draft of the monthly notification of an area's children, as html, pdf, docx, xlsx, md, or the document model (json)",
          tags: ['notifications'],
          querystring: previewQuery,
        },
        config: { permission: 'aggregate:read' },
      },
      async (request, reply) => {
        const q = request.query;
        await ctx.assessment.area(q.area);
        await visible(scopeOf(request), q.area);
        const draft = await notices.draft({
          area: q.area,
          month: q.month,
          lang: q.lang,
          date: q.date ?? defaultDate(q.month),
        });
        if (q.format === 'json') return draft;
        return sendDocument(reply, draft.document, q.format, `notification-${q.area}-${q.month}-draft`);
      },
    );
    app.get(
      '/notifications',
      {
        schema: {
          summary: 'The archive of issued notifications by area and month, newest first',
          tags: ['notifications'],
          querystring: archiveQuery,
          response: { 200: z.array(notificationEntrySchema) },
        },
        config: { permission: 'aggregate:read' },
      },
      async (request) => {
        const scope = scopeOf(request);
        if (request.query.area) {
          await ctx.assessment.area(request.query.area);
          await visible(scope, request.query.area);
        }
        const entries = await notices.list(request.query);
        const tree = await ctx.assessment.areaTree();
        return entries
          .filter((e) => seen(() => assertAggregateVisible(tree, scope, e.area_code, 'children')))
          .map(presentEntry);
      },
    );
    app.get(
      '/notifications/settings',
      {
        schema: {
          summary: 'Notification settings: number pattern, issuers, distribution lists, deadline, thresholds',
          tags: ['notifications'],
          response: { 200: notificationSettingsSchema },
        },
        config: { permission: 'settings:manage' },
      },
      async () => loadSettings(ctx.db.kysely),
    );
    app.put(
      '/notifications/settings',
      {
        schema: {
          summary: 'Change notification settings (top-level keys replace; issuers and distribution merge by key)',
          tags: ['notifications'],
          body: notificationSettingsPatch,
          response: { 200: notificationSettingsSchema },
        },
        config: { permission: 'settings:manage' },
      },
      async (request) => updateSettings(ctx.db, requestActor(request), request.body),
    );
    app.get(
      '/notifications/:id',
      {
        schema: {
          summary: 'An issued notification as stored (json), or rendered from what was stored',
          tags: ['notifications'],
          params: noticeParams,
          querystring: noticeQuery,
        },
        config: { permission: 'aggregate:read' },
      },
      async (request, reply) => {
        const notice = await notices.get(request.params.id);
        await visible(scopeOf(request), notice.entry.area_code);
        if (request.query.format === 'json')
          return { notification: presentEntry(notice.entry), content: notice.content };
        return sendDocument(
          reply,
          notice.content.document,
          request.query.format,
          `notification-${notice.entry.area_code}-${notice.entry.month}-${notice.entry.id}`,
        );
      },
    );
    app.post(
      '/notifications',
      {
        schema: {
          summary:
            'Issue the monthly notification (numbered, archived, one supervision task per problem), or a correction of the standing one',
          tags: ['notifications'],
          body: issueBody,
          response: { 201: issuedSchema },
        },
        config: { permission: 'notifications:write' },
      },
      async (request, reply) => {
        const scope = scopeOf(request);
        const b = request.body;
        await ctx.assessment.area(b.area);
        if (scope && !(await isWithin(ctx.db.kysely, scope.area, b.area)))
          throw new AppError('notification_outside_scope', { area: b.area, scope: scope.area });
        const issued = await notices.issue(requestActor(request), { ...b, date: b.date ?? defaultDate(b.month) });
        return reply.status(201).send({ notification: presentEntry(issued.entry), tasks: issued.tasks });
      },
    );
  };

function seen(check: () => void): boolean {
  try {
    check();
    return true;
  } catch {
    return false;
  }
}

async function sendDocument(reply: FastifyReply, doc: OfficialDocument, format: DocumentFormat, name: string) {
  const bytes = await renderDocument(doc, format);
  const disposition = format === 'html' ? 'inline' : 'attachment';
  return reply
    .header('content-type', CONTENT_TYPES[format])
    .header('content-disposition', `${disposition}; filename="${name}.${format}"`)
    .send(bytes);
}
