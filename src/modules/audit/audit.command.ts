/** `outpost audit verify|export|prune`: the operator's view of the audit log. */
import fs from 'node:fs';
import { once } from 'node:events';
import type { Command } from '../../shared/cli/command.ts';
import { parse, requireOption } from '../../shared/cli/args.ts';
import { withDatabase } from '../../shared/cli/with-db.ts';
import { AppError } from '../../shared/errors.ts';
import { dateSchema } from '#core/contracts/common.ts';
import { today } from '../../shared/clock.ts';
import { addDays } from '../notifications/document/dates.ts';
import { validate } from '../../shared/validate.ts';
import { AUDIT_RETENTION_DAYS } from '../../db/migrations/002-accounts-and-audit.ts';
import { commandActor } from './audit.actor.ts';
import { appendAudit, auditEntries, pruneAudit } from './audit.repository.ts';
import { verifyChain } from './audit.verify.ts';
import { auditInstant } from './audit-instant.ts';

const USAGE = [
  'outpost audit verify [--json]',
  'outpost audit export --out FILE [--since YYYY-MM-DD]',
  `outpost audit prune --before YYYY-MM-DD   (refused for entries younger than ${AUDIT_RETENTION_DAYS} days)`,
].join('\n       ');

export const auditCommand: Command = {
  name: 'audit',
  usage: USAGE,
  summary: 'the audit log: verify its hash chain, export it as JSON lines, prune entries past the retention',
  async run(argv, io) {
    const { values, positionals } = parse(
      argv,
      { json: { type: 'boolean' }, out: { type: 'string' }, since: { type: 'string' }, before: { type: 'string' } },
      USAGE,
    );
    const sub = positionals[0];
    return withDatabase(values.db, async (db) => {
      switch (sub) {
        case 'verify': {
          const report = await verifyChain(db.kysely, db.keys);
          if (values.json) io.stdout.write(`${JSON.stringify(report)}\n`);
          if (report.broken) {
            io.stderr.write(`outpost: the audit log is broken at entry ${report.broken.id}: ${report.broken.reason}\n`);
            return 1;
          }
          if (!values.json)
            io.stdout.write(
              `the audit log is intact: ${report.entries} entries checked; head #${report.head.seq} ${report.head.hash}\n`,
            );
          return 0;
        }
        case 'export': {
          const out = requireOption(values.out, 'out', USAGE);
          const since = values.since === undefined ? undefined : validate(dateSchema, values.since);
          const file = fs.createWriteStream(out);
          let n = 0;
          for await (const entry of auditEntries(db.kysely, auditInstant(since))) {
            if (!file.write(`${JSON.stringify(entry)}\n`)) await once(file, 'drain');
            n++;
          }
          await new Promise<void>((resolve, reject) => file.end((e?: Error | null) => (e ? reject(e) : resolve())));
          await db.transaction((tx) =>
            appendAudit(tx, commandActor('audit export'), {
              action: 'audit.export',
              target: out,
              detail: { since: since ?? null, entries: n },
            }),
          );
          io.stdout.write(`wrote ${n} entries to ${out}\n`);
          return 0;
        }
        case 'prune': {
          const before = validate(dateSchema, requireOption(values.before, 'before', USAGE));
          const limit = addDays(today(), -AUDIT_RETENTION_DAYS);
          if (before > limit) throw new AppError('audit_prune_too_recent', { days: AUDIT_RETENTION_DAYS, limit });
          const deleted = await db.transaction(async (tx) => {
            const { deleted, through } = await pruneAudit(tx, auditInstant(before));
            await appendAudit(tx, commandActor('audit prune'), {
              action: 'audit.prune',
              detail: { before, deleted, through },
            });
            return deleted;
          });
          io.stdout.write(`deleted ${deleted} entries older than ${before}\n`);
          return 0;
        }
        default:
          throw sub
            ? new AppError('subcommand_unknown', { command: 'audit', subcommand: sub, usage: USAGE })
            : new AppError('usage', { usage: USAGE });
      }
    });
  },
};
