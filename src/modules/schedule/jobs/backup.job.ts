/**
 * The nightly verified backup: the whole database and its evidence files to
 * `outpost-YYYY-MM-DD.backup.gz` in the backup folder, read back whole (every row counted, every
 * file hashed), then the oldest backups beyond `backup_keep` deleted. A backup that does not read
 * back fails the job (announced as `job.failed`) and is kept nowhere; those before it stay.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Database } from '../../../db/database.ts';
import { backup } from '../../backup/backup.service.ts';
import { verifyBackup } from '../../backup/backup.verify.ts';
import { eventId } from '../../channels/events.ts';
import type { Job } from '../job.ts';
import type { ScheduleSettings } from '../schedule.settings.ts';

const NAME = /^outpost-\d{4}-\d{2}-\d{2}\.backup\.gz$/;

/** The backup folder: the setting, OUTPOST_BACKUP_DIR, `backups/` beside a SQLite file, or ./data/backups. */
export function backupDir(db: Pick<Database, 'engine' | 'url'>, settings: ScheduleSettings, env = process.env): string {
  if (settings.backup_dir) return path.resolve(settings.backup_dir);
  if (env.OUTPOST_BACKUP_DIR) return path.resolve(env.OUTPOST_BACKUP_DIR);
  if (db.engine === 'sqlite' && db.url !== ':memory:') return path.join(path.dirname(path.resolve(db.url)), 'backups');
  return path.resolve('data', 'backups');
}

/** Deletes the oldest nightly backups beyond `keep`; answers the names deleted. */
export function prune(dir: string, keep: number): string[] {
  const names = fs
    .readdirSync(dir)
    .filter((n) => NAME.test(n))
    .sort();
  const old = names.slice(0, Math.max(0, names.length - keep));
  for (const n of old) fs.rmSync(path.join(dir, n), { force: true });
  return old;
}

export const backupJob: Job = {
  name: 'backup',
  about: { zh: '每晚备份并校验', en: 'Nightly verified backup' },
  schedule: { cron: '30 2 * * *' },
  async run(ctx, day) {
    const dir = backupDir(ctx.db, ctx.settings);
    fs.mkdirSync(dir, { recursive: true });
    const name = `outpost-${day}.backup.gz`;
    const file = path.join(dir, name);
    const report = await backup(ctx.db, file);
    let verified;
    try {
      verified = await verifyBackup(file);
    } catch (e) {
      fs.rmSync(file, { force: true });
      throw e;
    }
    const rows = report.tables.reduce((n, t) => n + t.rows, 0);
    if (verified.rows !== rows || verified.files !== report.evidence.files) {
      fs.rmSync(file, { force: true });
      throw new Error(
        `${name} reads back ${verified.rows} rows and ${verified.files} files, not the ${rows} and ${report.evidence.files} written`,
      );
    }
    const pruned = prune(dir, ctx.settings.backup_keep);
    const mib = (report.bytes / 2 ** 20).toFixed(1);
    return {
      events: [
        {
          id: eventId('backup.completed', day),
          name: 'backup.completed',
          area: null,
          month: null,
          title: { zh: `备份完成并已校验：${name}`, en: `Backup written and read back: ${name}` },
          text: {
            zh: `${report.tables.length}张表共${rows}行、证据文件${report.evidence.files}个，${mib} MiB，已写入并逐行读回校验；保留最近${ctx.settings.backup_keep}份，删除${pruned.length}份旧备份。`,
            en: `${rows} rows of ${report.tables.length} tables and ${report.evidence.files} evidence files, ${mib} MiB, written and read back line by line; the latest ${ctx.settings.backup_keep} are kept, ${pruned.length} older deleted.`,
          },
          link: null,
          data: {
            file: name,
            dir,
            bytes: report.bytes,
            tables: report.tables.length,
            rows,
            files: report.evidence.files,
            pruned,
          },
        },
      ],
      summary: { file, bytes: report.bytes, rows, files: report.evidence.files, pruned: pruned.length },
    };
  },
};
