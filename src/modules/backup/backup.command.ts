import path from 'node:path';
import type { Command } from '../../cli/command.ts';
import { parse } from '../../cli/args.ts';
import { progressBar } from '../../cli/progress.ts';
import { withDatabase } from '../../cli/with-db.ts';
import type { Database } from '../../db/database.ts';
import { AppError } from '../../shared/errors.ts';
import { backup, restore, type BackupReport } from './backup.service.ts';

type Run = (db: Database, file: string, onRows: (table: string, rows: number) => void) => Promise<BackupReport>;

/** backup and restore differ only in the direction of the copy. */
function fileCommand(name: string, summary: string, run: Run, said: (file: string) => string): Command {
  const usage = `outpost ${name} FILE [--db URL]`;
  return {
    name,
    usage,
    summary,
    async run(argv, io) {
      const { values, positionals } = parse(argv, {}, usage);
      const file = positionals[0];
      if (!file) throw new AppError('invalid_input', `name the backup file\nusage: ${usage}`);
      return withDatabase(values.db, async (db) => {
        const bar = progressBar(io.stderr as NodeJS.WriteStream);
        const report = await run(db, file, (t, n) => bar.update(`${name} ${t}`, n));
        bar.done();
        const rows = report.tables.reduce((n, t) => n + t.rows, 0);
        io.stdout.write(
          `${rows.toLocaleString('en')} rows of ${report.tables.length} tables (${(report.bytes / 2 ** 20).toFixed(1)} MiB) ${said(path.resolve(file))}\n`,
        );
        return 0;
      });
    },
  };
}

export const backupCommand = fileCommand(
  'backup',
  'copy the whole database to FILE (portable: restores into SQLite or PostgreSQL), consistently, while the server runs',
  backup,
  (file) => `backed up to ${file}`,
);

export const restoreCommand = fileCommand(
  'restore',
  'replace the whole database with a backup, in one transaction (also the way from SQLite to PostgreSQL)',
  restore,
  (file) => `restored from ${file}`,
);
