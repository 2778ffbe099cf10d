import path from 'node:path';
import type { Command } from '../../cli/command.ts';
import { parse } from '../../cli/args.ts';
import { progressBar } from '../../cli/progress.ts';
import { withDatabase } from '../../cli/with-db.ts';
import { AppError } from '../../shared/errors.ts';
import { backup, restore, type BackupReport } from './backup.service.ts';

function describe(verb: string, file: string, r: BackupReport): string {
  const rows = r.tables.reduce((n, t) => n + t.rows, 0);
  return `${verb} ${rows.toLocaleString('en')} rows of ${r.tables.length} tables (${(r.bytes / 2 ** 20).toFixed(1)} MiB) ${verb === 'backed up' ? 'to' : 'from'} ${path.resolve(file)}\n`;
}

export const backupCommand: Command = {
  name: 'backup',
  usage: 'outpost backup FILE [--db URL]',
  summary: 'copy the whole database to FILE (portable: restores into SQLite or PostgreSQL), consistently, while the server runs',
  async run(argv, io) {
    const { values, positionals } = parse(argv, {}, this.usage);
    const file = positionals[0];
    if (!file) throw new AppError('invalid_input', `name the backup file\nusage: ${this.usage}`);
    return withDatabase(values.db, async (db) => {
      const bar = progressBar(io.stderr as NodeJS.WriteStream);
      const report = await backup(db, file, (t, n) => bar.update(`backup ${t}`, n));
      bar.done();
      io.stdout.write(describe('backed up', file, report));
      return 0;
    });
  },
};

export const restoreCommand: Command = {
  name: 'restore',
  usage: 'outpost restore FILE [--db URL]',
  summary: 'replace the whole database with a backup, in one transaction (also the way from SQLite to PostgreSQL)',
  async run(argv, io) {
    const { values, positionals } = parse(argv, {}, this.usage);
    const file = positionals[0];
    if (!file) throw new AppError('invalid_input', `name the backup file\nusage: ${this.usage}`);
    return withDatabase(values.db, async (db) => {
      const bar = progressBar(io.stderr as NodeJS.WriteStream);
      const report = await restore(db, file, (t, n) => bar.update(`restore ${t}`, n));
      bar.done();
      io.stdout.write(describe('restored', file, report));
      return 0;
    });
  },
};
