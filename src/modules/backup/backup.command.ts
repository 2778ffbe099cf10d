import path from 'node:path';
import type { Command } from '../../shared/cli/command.ts';
import { parse } from '../../shared/cli/args.ts';
import { progressBar } from '../../shared/cli/progress.ts';
import { withDatabase } from '../../shared/cli/with-db.ts';
import type { Database } from '../../db/database.ts';
import { AppError } from '../../shared/errors.ts';
import { backup, restore, type BackupOptions, type BackupReport } from './backup.service.ts';

type Run = (db: Database, file: string, options: BackupOptions) => Promise<BackupReport>;

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
      if (!file) throw new AppError('backup_file_unnamed', { usage });
      // A restore replaces the data whole, keys and all: a database that no longer matches the
      // key file (the key file of the machine that made the backup just copied in) may be opened.
      return withDatabase(
        values.db,
        async (db) => {
          const bar = progressBar(io.stderr as NodeJS.WriteStream);
          const report = await run(db, file, {
            onProgress: (what, n, total) => bar.update(`${name} ${what}`, n, total),
          });
          bar.done();
          const rows = report.tables.reduce((n, t) => n + t.rows, 0);
          const { files, bytes } = report.evidence;
          io.stdout.write(
            `${rows.toLocaleString('en')} rows of ${report.tables.length} tables, ${files.toLocaleString('en')} evidence files ` +
              `(${mib(bytes)} MiB) ${name === 'backup' ? 'from' : 'into'} ${report.evidenceDir}; ` +
              `${mib(report.bytes)} MiB ${said(path.resolve(file))}\n`,
          );
          if (report.missing.length > 0)
            io.stderr.write(
              `warning: ${file} is a version-1 backup, which carries no evidence files, and ${report.missing.length} ` +
                `that its tasks refer to are not in ${report.evidenceDir}: ${report.missing.slice(0, 5).join(', ')}` +
                `${report.missing.length > 5 ? ', …' : ''}; copy them there from the old machine's evidence folder\n`,
            );
          return 0;
        },
        { checkKeys: name !== 'restore' },
      );
    },
  };
}

const mib = (bytes: number) => (bytes / 2 ** 20).toFixed(1);

export const backupCommand = fileCommand(
  'backup',
  'copy the whole database and its evidence files to FILE (portable: restores into SQLite or PostgreSQL), consistently, while the server runs',
  backup,
  (file) => `backed up to ${file}`,
);

export const restoreCommand = fileCommand(
  'restore',
  'replace the whole database with a backup, in one transaction, and put its evidence files in the evidence folder (also the way from SQLite to PostgreSQL)',
  restore,
  (file) => `restored from ${file}`,
);
