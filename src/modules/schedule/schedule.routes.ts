import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../app-context.ts';
import { now, timeZone, today } from '../../shared/clock.ts';
import { requestActor } from '../audit/audit.actor.ts';
import { audit } from '../audit/audit.repository.ts';
import { JOBS } from './jobs/index.ts';
import { runJob, runnerContext, type RunOutcome } from './schedule.runner.ts';
import { isEnabled } from './due.ts';
import {
  jobNameParams,
  jobSchema,
  runListQuery,
  runOutcomeSchema,
  runPageSchema,
  scheduleSettingsView,
} from '#core/contracts/schedule.schema.ts';
import { jobNamed, jobsView, runsView } from './schedule.service.ts';
import { loadScheduleSettings, scheduleSettingsPatch, updateScheduleSettings } from './schedule.settings.ts';

/**
 * The schedule for admins: jobs with their next run times and last run, the runs, the settings,
 * and running a job for today. No route takes a day: the server's clock says which it is.
 */
export const scheduleRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['schedule'];
    app.get(
      '/schedule/jobs',
      {
        schema: {
          summary: 'Scheduled jobs: pattern, time zone, next run times and last run',
          tags,
          response: { 200: z.array(jobSchema) },
        },
        config: { permission: 'schedule:manage' },
      },
      async () => jobsView(ctx.db.kysely, JOBS, timeZone(), now()),
    );
    app.get(
      '/schedule/runs',
      {
        schema: {
          summary: 'Runs of the scheduled jobs, newest first, with their outcome',
          tags,
          querystring: runListQuery,
          response: { 200: runPageSchema },
        },
        config: { permission: 'schedule:manage' },
      },
      async (request) => runsView(ctx.db.kysely, JOBS, request.query),
    );
    app.post(
      '/schedule/jobs/:name/run',
      {
        schema: {
          summary: "Run a job for today (the server's day) now, unless it ran today already or is disabled",
          tags,
          params: jobNameParams,
          response: { 200: runOutcomeSchema },
        },
        config: { permission: 'schedule:manage' },
      },
      async (request) => {
        const job = jobNamed(JOBS, request.params.name);
        const day = today();
        const enabled = isEnabled(job, await loadScheduleSettings(ctx.db.kysely));
        const outcome: RunOutcome = enabled
          ? await runJob(runnerContext(ctx.db, ctx.assessment), job, day, 'command')
          : { job: job.name, day, status: 'skipped', reason: 'disabled', events: 0, deliveries: 0 };
        await audit(ctx.db, requestActor(request), {
          action: 'schedule.run',
          target: job.name,
          outcome: outcome.status === 'failed' ? 'failed' : 'ok',
          detail: { day, status: outcome.status, reason: outcome.reason ?? null },
        });
        return outcome;
      },
    );
    app.get(
      '/schedule/settings',
      {
        schema: {
          summary: 'Schedule settings: draft day, reminder days, escalation step, backups, per-job patterns',
          tags,
          response: { 200: scheduleSettingsView },
        },
        config: { permission: 'schedule:manage' },
      },
      async () => loadScheduleSettings(ctx.db.kysely),
    );
    app.put(
      '/schedule/settings',
      {
        schema: {
          summary: 'Change schedule settings (top-level keys replace; jobs merge by job)',
          tags,
          body: scheduleSettingsPatch,
          response: { 200: scheduleSettingsView },
        },
        config: { permission: 'schedule:manage' },
      },
      async (request) =>
        updateScheduleSettings(
          ctx.db,
          requestActor(request),
          request.body,
          JOBS.map((j) => j.name),
        ),
    );
  };
