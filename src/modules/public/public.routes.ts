import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../app-context.ts';
import { AppError } from '../../shared/errors.ts';
import { today } from '../../shared/clock.ts';
import {
  challengeSchema,
  findAreasQuery,
  officersQuery,
  publicAreaSchema,
  publicOfficersSchema,
  publicSettingsPatch,
  publicSettingsSchema,
  surveyBody,
} from '#core/contracts/public.schema.ts';
import { findVillages, responsibleOfficers, villageByCode } from './public.repository.ts';
import { PublicService } from './public.service.ts';
import { PublicLimits } from './public-limits.ts';
import { loadPublicSettings, updatePublicSettings } from './public.settings.ts';
import { actorOf } from '../accounts/access.ts';

/** Pages for residents: no account, Chinese first, phone first. */
export const publicRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    const limits = new PublicLimits(ctx.db);
    const service = new PublicService(ctx.db, limits, Number(process.env.OUTPOST_PUBLIC_POW_BITS ?? '') || undefined);
    // Every read without a session counts against its network's look-ups, before it reads anything.
    const lookup = async (request: { ip: string }) => limits.take('lookup', request.ip);
    app.get(
      '/public/areas',
      {
        schema: {
          summary: 'Find a community or village by name',
          tags: ['public'],
          querystring: findAreasQuery,
          response: { 200: z.array(publicAreaSchema) },
        },
        config: { permission: 'public' },
      },
      async (request) => {
        await lookup(request);
        return findVillages(ctx.db.kysely, request.query.q);
      },
    );
    app.get(
      '/public/officers',
      {
        schema: {
          summary:
            'The rooms and front-line officers responsible for a community or village today, with work phones and hours',
          tags: ['public'],
          querystring: officersQuery,
          response: { 200: publicOfficersSchema },
        },
        config: { permission: 'public' },
      },
      async (request) => {
        await lookup(request);
        const { query } = request;
        const area = await villageByCode(ctx.db.kysely, query.area);
        if (!area) throw new AppError('community_not_found', { area: query.area });
        const { phones } = await loadPublicSettings(ctx.db.kysely);
        return { area, rooms: await responsibleOfficers(ctx.db.kysely, area.code, today(), phones) };
      },
    );
    app.get(
      '/public/challenge',
      {
        schema: {
          summary: 'A proof-of-work challenge to answer the survey with',
          tags: ['public'],
          response: { 200: challengeSchema },
        },
        config: { permission: 'public' },
      },
      async (request, reply) => {
        await lookup(request);
        return reply.header('Cache-Control', 'no-store').send(await service.challenge());
      },
    );
    app.post(
      '/public/surveys',
      {
        schema: {
          summary:
            "An anonymous satisfaction and awareness answer for a community (kept apart from survey records: the area's online answers)",
          tags: ['public'],
          body: surveyBody,
          response: { 201: z.object({ ok: z.literal(true) }) },
        },
        config: { permission: 'public' },
        bodyLimit: 4096,
      },
      async (request, reply) => {
        await service.answer(request.body, request.ip);
        return reply.status(201).send({ ok: true as const });
      },
    );
    app.get(
      '/public/settings',
      {
        schema: {
          summary: "Settings of the public pages: whose phones they publish (the room's or the officers' own)",
          tags: ['public'],
          response: { 200: publicSettingsSchema },
        },
        config: { permission: 'aggregate:read' },
      },
      async () => loadPublicSettings(ctx.db.kysely),
    );
    app.put(
      '/public/settings',
      {
        schema: {
          summary: "Change whose phones the public pages publish: the room's or the officers' own (audited)",
          tags: ['public'],
          body: publicSettingsPatch.strict(),
          response: { 200: publicSettingsSchema },
        },
        config: { permission: 'settings:manage' },
      },
      async (request) => updatePublicSettings(ctx.db, actorOf(request).who, request.body),
    );
  };
