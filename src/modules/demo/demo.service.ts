/**
 * Builds the demonstration province into a database through the ordinary import, so the demo
 * is checked by every rule a real file is, and marks the database as demonstration data.
 */
import { anyAccount } from '../accounts/accounts.repository.ts';
import { sql } from 'kysely';
import type { Database } from '../../db/database.ts';
import { AppError } from '../../shared/errors.ts';
import { importInTransaction, type ImportProgress, type ImportReport } from '../imports/import.service.ts';
import { sourceFromObjects } from '../imports/sources.ts';
import { kindByName } from '../imports/kinds/index.ts';
import { addAccount } from '../accounts/accounts.service.ts';
import { DEMO_PASSWORD } from '../accounts/password-policy.ts';
import { appendAudit, type AuditActor } from '../audit/audit.repository.ts';
import { commandActor } from '../audit/audit.actor.ts';
import { DEMO_COLUMNS, DEMO_LABEL, demoSources, loadJilinAreas, type DemoKind } from './generate.ts';
import { timestamp } from '../../shared/clock.ts';

export interface DemoInfo {
  seed: number;
  scale: number;
  built_at: string;
  label: typeof DEMO_LABEL;
}

/** The password of every demonstration account (README), refused in any other database. */
export { DEMO_PASSWORD };
const DEMO_CITY = '220100000000';

/**
 * One account per role, so a newcomer can see what each role sees: the manager runs Changchun
 * (长春市), the officer is the first community officer posted there at the end of 2019.
 */
async function addDemoAccounts(db: Database, who: AuditActor): Promise<void> {
  const officer = await db.kysely
    .selectFrom('officers as o')
    .innerJoin('units as u', 'u.code', 'o.unit_code')
    .innerJoin('areas as t', 't.code', 'u.area_code')
    .innerJoin('areas as k', 'k.code', 't.parent_code')
    .select('o.badge')
    .where('o.role', '=', 'community')
    .where('k.parent_code', '=', DEMO_CITY)
    .where('o.start_date', '<=', '2019-12-31')
    .where((eb) => eb.or([eb('o.end_date', 'is', null), eb('o.end_date', '>=', '2019-12-31')]))
    .orderBy('o.badge')
    .executeTakeFirst();
  const accounts = [
    { username: 'admin', role: 'admin' as const },
    { username: 'analyst', role: 'analyst' as const },
    { username: 'manager', role: 'manager' as const, area: DEMO_CITY },
    ...(officer ? [{ username: 'officer', role: 'officer' as const, badge: officer.badge }] : []),
    { username: 'auditor', role: 'auditor' as const },
  ];
  for (const account of accounts) await addAccount(db, who, { ...account, password: DEMO_PASSWORD });
}

/**
 * Adds the demonstration accounts to a demonstration database that has no account at all: the
 * build commits its data before the accounts, so a build cut short in between would otherwise
 * leave a province nobody can sign in to. A database with any account is left as it is.
 */
export async function finishDemoAccounts(db: Database, who: AuditActor): Promise<boolean> {
  if ((await demoInfo(db)) === null || (await anyAccount(db.kysely))) return false;
  await addDemoAccounts(db, who);
  return true;
}

export async function isEmpty(db: Database): Promise<boolean> {
  const row = await db.kysely.selectFrom('areas').select('code').limit(1).executeTakeFirst();
  return !row;
}

export async function demoInfo(db: Database): Promise<DemoInfo | null> {
  const row = await db.kysely.selectFrom('meta').select('value').where('key', '=', 'demo').executeTakeFirst();
  return row ? (JSON.parse(row.value) as DemoInfo) : null;
}

export interface DemoOptions {
  seed: number;
  scale: number;
  /** Who the audit trail names as building it: the operator running `outpost demo` by default. */
  who?: AuditActor;
  onProgress?(p: ImportProgress): void;
}

/**
 * Fills an empty database with the demonstration province. The data, the mark that it is
 * demonstration data and one audit entry (`demo`: seed, scale, rows per kind) commit together;
 * the demonstration accounts follow, each audited as any account is.
 */
export async function buildDemo(db: Database, options: DemoOptions): Promise<ImportReport> {
  const who = options.who ?? commandActor('demo');
  if (!(await isEmpty(db))) throw new AppError('demo_not_empty', {});
  const sources = demoSources(loadJilinAreas(), { seed: options.seed, scale: options.scale }).map((s) =>
    sourceFromObjects(`demo:${s.kind}`, kindByName(s.kind)!, s.rows(), [...DEMO_COLUMNS[s.kind as DemoKind]]),
  );
  const report = await db.transaction(async (tx) => {
    const report = await importInTransaction(tx, sources, {
      actor: 'demo',
      source: 'demo',
      onProgress: options.onProgress,
    });
    const info: DemoInfo = {
      seed: options.seed,
      scale: options.scale,
      built_at: timestamp(),
      label: DEMO_LABEL,
    };
    await sql`insert into meta (key, value) values ('demo', ${JSON.stringify(info)})`.execute(tx.kysely);
    await appendAudit(tx, who, {
      action: 'demo',
      target: `seed ${options.seed}, scale ${options.scale}`,
      detail: {
        seed: options.seed,
        scale: options.scale,
        import_id: report.importId,
        written: report.written,
        rows: Object.fromEntries(report.kinds.map((k) => [k.kind, k.added])),
      },
    });
    return report;
  });
  await addDemoAccounts(db, who);
  // Fresh statistics, or PostgreSQL plans the assessment's joins as if the tables were empty.
  if (db.engine === 'postgres') await sql`analyze`.execute(db.kysely);
  return report;
}
