import type { Command, Io } from '../../shared/cli/command.ts';
import { parse, requireOption } from '../../shared/cli/args.ts';
import { textTable } from '../../shared/cli/table.ts';
import { withDatabase } from '../../shared/cli/with-db.ts';
import { dayOf, now, timeOfDay, timeZone } from '../../shared/clock.ts';
import { AppError } from '../../shared/errors.ts';
import { validate } from '../../shared/validate.ts';
import { commandActor } from '../audit/audit.actor.ts';
import { dispatch } from '../channels/dispatcher.ts';
import { JOBS } from './jobs/index.ts';
import { runDay, runnerContext } from './schedule.runner.ts';
import { runDateSchema, runListQuery } from '#core/contracts/schedule.schema.ts';
import { jobNamed, jobsView, runsView } from './schedule.service.ts';
import { loadScheduleSettings, updateScheduleSettings } from './schedule.settings.ts';
import { settingsCommand } from '../../shared/cli/settings-command.ts';

const USAGE = [
  'outpost schedule run --date YYYY-MM-DD [--job NAME]... [--json]',
  'outpost schedule list [--json]',
  'outpost schedule runs [--job NAME] [--status ok|failed|running] [--limit N] [--offset N] [--json]',
  'outpost schedule settings [--set FILE.json]',
].join('\n       ');

export const scheduleCommand: Command = {
  name: 'schedule',
  usage: USAGE,
  summary:
    'scheduled jobs: run what is due on a day (again: nothing new), list jobs and next runs, their runs, settings',
  async run(argv, io) {
    const [sub, ...rest] = argv;
    if (sub === 'run') return run(rest, io);
    if (sub === 'list') return list(rest, io);
    if (sub === 'runs') return runs(rest, io);
    if (sub === 'settings') return settings(rest, io);
    throw new AppError('subcommand_missing', {
      command: 'schedule',
      choices: ['run', 'list', 'runs', 'settings'],
      usage: USAGE,
    });
  },
};

/** Runs every job due on the day, then sends what they announced (what fails is retried by the server). */
async function run(argv: string[], io: Io): Promise<number> {
  const { values } = parse(
    argv,
    { date: { type: 'string' }, job: { type: 'string', multiple: true }, json: { type: 'boolean' } },
    USAGE,
  );
  const day = validate(runDateSchema, requireOption(values.date, 'date', USAGE));
  for (const name of values.job ?? []) jobNamed(JOBS, name);
  return withDatabase(values.db, async (db) => {
    const outcomes = await runDay(runnerContext(db), day, { trigger: 'command', only: values.job });
    const sent = await dispatch(db);
    if (values.json) {
      io.stdout.write(`${JSON.stringify({ day, jobs: outcomes, deliveries: sent })}\n`);
    } else {
      io.stdout.write(
        textTable(
          ['job', 'day', 'outcome', 'events', 'deliveries', 'detail'],
          outcomes.map((o) => [
            o.job,
            o.day,
            o.status === 'skipped' ? `skipped (${o.reason})` : o.status,
            o.events,
            o.deliveries,
            o.error ?? (o.summary ? JSON.stringify(o.summary) : ''),
          ]),
        ),
      );
      io.stdout.write(
        `deliveries: ${sent.sent} sent, ${sent.retrying} failed and waiting to be retried, ${sent.failed} given up, ${sent.postponed} waiting (quiet hours or pace)\n`,
      );
    }
    return outcomes.some((o) => o.status === 'failed') ? 1 : 0;
  });
}

async function list(argv: string[], io: Io): Promise<number> {
  const { values } = parse(argv, { json: { type: 'boolean' } }, USAGE);
  return withDatabase(values.db, async (db) => {
    const jobs = await jobsView(db.kysely, JOBS, timeZone(), now());
    if (values.json) io.stdout.write(`${JSON.stringify(jobs)}\n`);
    else
      io.stdout.write(
        textTable(
          ['job', 'pattern', 'next runs', 'last run'],
          jobs.map((j) => [
            j.name,
            j.enabled ? `${j.pattern} (${j.time_zone})` : 'disabled',
            j.next_runs
              .map((t) => `${dayOf(new Date(t), j.time_zone)} ${timeOfDay(new Date(t), j.time_zone)}`)
              .join(', '),
            j.last_run
              ? `${j.last_run.day} ${j.last_run.status}${j.last_run.error ? `: ${j.last_run.error}` : ''}`
              : '',
          ]),
        ),
      );
    return 0;
  });
}

async function runs(argv: string[], io: Io): Promise<number> {
  const { values } = parse(
    argv,
    {
      job: { type: 'string' },
      status: { type: 'string' },
      limit: { type: 'string' },
      offset: { type: 'string' },
      json: { type: 'boolean' },
    },
    USAGE,
  );
  const q = validate(runListQuery, {
    job: values.job,
    status: values.status,
    limit: values.limit,
    offset: values.offset,
  });
  return withDatabase(values.db, async (db) => {
    const page = await runsView(db.kysely, JOBS, q);
    if (values.json) io.stdout.write(`${JSON.stringify(page)}\n`);
    else {
      io.stdout.write(
        textTable(
          ['id', 'job', 'day', 'status', 'attempt', 'trigger', 'started', 'events', 'error'],
          page.items.map((r) => [r.id, r.job, r.day, r.status, r.attempt, r.trigger, r.started_at, r.events, r.error]),
        ),
      );
      io.stdout.write(`${page.items.length} of ${page.total} runs\n`);
    }
    return 0;
  });
}

function settings(argv: string[], io: Io): Promise<number> {
  return settingsCommand(argv, io, USAGE, {
    load: (db) => loadScheduleSettings(db.kysely),
    update: (db, patch) =>
      updateScheduleSettings(
        db,
        commandActor('schedule settings'),
        patch,
        JOBS.map((j) => j.name),
      ),
  });
}
