import type { Command } from '../shared/cli/command.ts';
import { importCommand, importsCommand, templateCommand, voidCommand } from '../modules/imports/import.command.ts';
import { explainCommand, indicatorsCommand, rankCommand } from '../modules/assessment/assessment.command.ts';
import { overviewCommand } from '../modules/overview/overview.command.ts';
import { demoCommand } from '../modules/demo/demo.command.ts';
import { serveCommand, startCommand } from '../server/serve.command.ts';
import { backupCommand, restoreCommand } from '../modules/backup/backup.command.ts';
import { userCommand } from '../modules/accounts/user.command.ts';
import { auditCommand } from '../modules/audit/audit.command.ts';
import { notifyCommand } from '../modules/notifications/notify.command.ts';
import { tasksCommand } from '../modules/supervision/tasks.command.ts';
import { leadersCommand } from '../modules/supervision/leaders.command.ts';
import { problemsCommand } from '../modules/summary/problems.command.ts';
import { summaryCommand } from '../modules/summary/summary.command.ts';
import { schemeCommand } from '../modules/schemes/scheme.command.ts';
import { informationalCommand, trendCommand } from '../modules/assessment/subjects.command.ts';
import { proposalsCommand } from '../modules/rewards/proposals.command.ts';
import { qualityCommand } from '../modules/quality/quality.command.ts';
import { scheduleCommand } from '../modules/schedule/schedule.command.ts';
import { channelCommand } from '../modules/channels/channel.command.ts';
import { completenessCommand } from '../modules/completeness/completeness.command.ts';
import { periodCommand } from '../modules/periods/period.command.ts';
import { appealCommand } from '../modules/appeals/appeal.command.ts';
import { publicCommand } from '../modules/public/public.command.ts';

/** Every subcommand of `outpost`, in the order `outpost help` lists them. */
export const COMMANDS: Command[] = [
  startCommand,
  serveCommand,
  demoCommand,
  importCommand,
  importsCommand,
  templateCommand,
  voidCommand,
  overviewCommand,
  indicatorsCommand,
  rankCommand,
  explainCommand,
  completenessCommand,
  schemeCommand,
  trendCommand,
  informationalCommand,
  proposalsCommand,
  qualityCommand,
  periodCommand,
  appealCommand,
  publicCommand,
  notifyCommand,
  tasksCommand,
  leadersCommand,
  problemsCommand,
  summaryCommand,
  backupCommand,
  restoreCommand,
  userCommand,
  auditCommand,
  scheduleCommand,
  channelCommand,
];
