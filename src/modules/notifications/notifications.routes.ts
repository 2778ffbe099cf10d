import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../app-context.ts';
import { requestActor } from '../audit/audit.actor.ts';
import { actorOf } from '../accounts/access.ts';
import type { OfficialDocument } from '#core/documents/document.ts';
import { CONTENT_TYPES, renderDocument } from './document/render.ts';
import type { DocumentFormat } from '#core/documents/document.ts';
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
} from '#core/contracts/notifications.schema.ts';
import { draftFor, issueFor, noticeFor, noticeRevisionFor, noticesFor } from './notifications.use-cases.ts';
import { notificationRevisionSchema } from '#core/contracts/periods.schema.ts';
import { loadSettings, updateSettings } from './settings.service.ts';

/** The monthly notification: drafts rendered on demand, the archive of issued ones, issuing, settings. */
export const notificationsRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
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
        const draft = await draftFor(ctx, actorOf(request), q);
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
      async (request) => (await noticesFor(ctx, actorOf(request), request.query)).map(presentEntry),
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
      '/notifications/:id/revision',
      {
        schema: {
          summary:
            'An issued notification\'s rankings against those of now, with which of its areas were locked when it was issued: "revised since issued"',
          tags: ['notifications'],
          params: noticeParams,
          response: { 200: notificationRevisionSchema },
        },
        config: { permission: 'aggregate:read' },
      },
      async (request) => noticeRevisionFor(ctx, actorOf(request), request.params.id),
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
        const notice = await noticeFor(ctx, actorOf(request), request.params.id);
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
            'Issue the monthly notification (numbered, archived, a rectification task per lagging area), or a correction of the standing one',
          tags: ['notifications'],
          body: issueBody,
          response: { 201: issuedSchema },
        },
        config: { permission: 'notifications:write' },
      },
      async (request, reply) => {
        const issued = await issueFor(ctx, actorOf(request), request.body);
        return reply.status(201).send({ notification: presentEntry(issued.entry), tasks: issued.tasks });
      },
    );
  };

async function sendDocument(reply: FastifyReply, doc: OfficialDocument, format: DocumentFormat, name: string) {
  const bytes = await renderDocument(doc, format);
  const disposition = format === 'html' ? 'inline' : 'attachment';
  return reply
    .header('content-type', CONTENT_TYPES[format])
    .header('content-disposition', `${disposition}; filename="${name}.${format}"`)
    .send(bytes);
}
