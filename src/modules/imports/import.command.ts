import fs from 'node:fs';
import path from 'node:path';
import type { Command } from '../../shared/cli/command.ts';
import { parse, requireOption } from '../../shared/cli/args.ts';
import { progressBar } from '../../shared/cli/progress.ts';
import { openDatabase, resolveDbUrl } from '../../db/database.ts';
import { AppError } from '../../shared/errors.ts';
import type { ImportReport } from './import.service.ts';
import { importWithAudit } from './audited-import.ts';
import { appendAudit } from '../audit/audit.repository.ts';
import { cliActor, commandActor } from '../audit/audit.actor.ts';
import { sourcesFromPaths } from './sources.ts';
import { submitFiles } from './import-jobs.service.ts';
import { loadImportSettings, updateImportSettings } from './imports.settings.ts';
import { settingsCommand } from '../../shared/cli/settings-command.ts';
import { voidInTransaction } from './void.service.ts';
import { kindByName, KIND_NAMES } from './kinds/index.ts';
import { kindsNamed, templateSheets } from './template.service.ts';
import { writeTemplate } from './reader/index.ts';

export const importCommand: Command = {
  name: 'import',
  usage: 'outpost import DIR|FILE... [--dry-run] [--json] [--db URL]',
  summary: 'import the files of docs/import-formats.md (CSV in UTF-8 or GB18030, .csv.gz, XLSX); all or nothing',
  async run(argv, io) {
    const usage = this.usage;
    const { values, positionals } = parse(argv, { 'dry-run': { type: 'boolean' }, json: { type: 'boolean' } }, usage);
    if (positionals.length === 0) throw new AppError('import_nothing_named', { usage });
    const sources = await sourcesFromPaths(positionals);
    const db = await openDatabase(resolveDbUrl(values.db));
    const bar = progressBar(io.stderr as NodeJS.WriteStream);
    try {
      const who = commandActor('import');
      const dryRun = !!values['dry-run'];
      const options = {
        actor: cliActor(),
        source: 'cli',
        dryRun,
        apart: true,
      };
      const target = positionals.join(' ');
      // A job like an upload's (its row, its turn to write), answered here once it has ended.
      const { report } = await submitFiles(
        db,
        { name: target, bytes: bytesOf(positionals) },
        who,
        dryRun,
        (onProgress) =>
          importWithAudit(
            db,
            sources,
            { ...options, onProgress: (p) => (bar.update(`${p.phase} ${p.file}`, p.rows), onProgress(p)) },
            {
              who,
              action: 'import',
              target,
              detail: (r) => ({ import_id: r.importId, written: r.written, files: sources.map((s) => s.file) }),
            },
          ),
      );
      bar.done();
      io.stdout.write(values.json ? `${JSON.stringify(report)}\n` : describeReport(report));
      return 0;
    } catch (e) {
      bar.done();
      throw e;
    } finally {
      await db.close();
    }
  },
};

/** The bytes of the files named (a folder's files, not its subfolders). */
function bytesOf(paths: string[]): number {
  let bytes = 0;
  for (const p of paths) {
    const stat = fs.statSync(p);
    if (!stat.isDirectory()) bytes += stat.size;
    else for (const name of fs.readdirSync(p)) bytes += fs.statSync(path.join(p, name)).size;
  }
  return bytes;
}

export function describeReport(report: ImportReport): string {
  const lines = report.kinds.map(
    (k) =>
      `  ${k.kind.padEnd(20)} ${String(k.rows).padStart(9)} rows: ${k.added} added, ${k.replaced} replaced, ${k.unchanged} unchanged`,
  );
  const head = report.dryRun
    ? 'dry run: nothing was written; the import would give'
    : `imported (import #${report.importId})`;
  return `${head}\n${lines.join('\n')}\n`;
}

/** `outpost imports settings [--set FILE.json]`: the imports settings, as GET/PUT imports/settings. */
export const importsCommand: Command = {
  name: 'imports',
  usage: 'outpost imports settings [--set FILE.json]',
  summary: "imports settings: what an officer's and a manager's upload may unpack to, the minutes a checked job waits",
  async run(argv, io) {
    const [sub, ...rest] = argv;
    if (sub !== 'settings')
      throw new AppError('subcommand_unknown', { command: 'imports', subcommand: sub ?? '', usage: this.usage });
    return settingsCommand(rest, io, this.usage, {
      load: (db) => loadImportSettings(db.kysely),
      update: (db, patch) => updateImportSettings(db, commandActor('imports settings'), patch),
    });
  },
};

export const templateCommand: Command = {
  name: 'template',
  usage: 'outpost template KIND|all --out FILE.xlsx [--lang zh|en]',
  summary: 'write an XLSX template with Chinese and English headers and one example row',
  async run(argv, io) {
    const { values, positionals } = parse(argv, { out: { type: 'string' }, lang: { type: 'string' } }, this.usage);
    const out = requireOption(values.out, 'out', this.usage);
    const which = positionals[0] ?? 'all';
    if (which !== 'all' && !kindByName(which))
      throw new AppError('kind_unknown', { name: which, expected: ['all', ...KIND_NAMES] });
    await writeTemplate(out, templateSheets(kindsNamed(which)), { headers: values.lang === 'en' ? 'en' : 'zh' });
    io.stdout.write(`wrote ${path.resolve(out)}\n`);
    return 0;
  },
};

export const voidCommand: Command = {
  name: 'void',
  usage: 'outpost void KIND KEY... --reason TEXT',
  summary: 'void a row: it stays in history and leaves every figure',
  async run(argv, io) {
    const { values, positionals } = parse(argv, { reason: { type: 'string' } }, this.usage);
    const [kind, ...key] = positionals;
    if (!kind) throw new AppError('usage', { usage: this.usage });
    const reason = requireOption(values.reason, 'reason', this.usage);
    const db = await openDatabase(resolveDbUrl(values.db));
    try {
      // The void and its audit entry commit together or not at all, as an import does.
      await db.transaction(async (tx) => {
        const who = commandActor('void');
        await voidInTransaction(tx, kind, key, reason, who.actor);
        await appendAudit(tx, who, { action: 'void', target: `${kind} ${key.join(' ')}`, detail: { reason } });
      });
    } finally {
      await db.close();
    }
    io.stdout.write(`voided ${kind} ${key.join(' ')}\n`);
    return 0;
  },
};
