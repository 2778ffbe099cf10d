import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { createHash, randomBytes } from 'node:crypto';
import { ENGINES, freshDatabase, freshDatabaseUrl } from './support/engines.ts';
import { importProvince51 } from './support/province-51.ts';
import { seedSupervision, TEST_ACTOR } from './support/supervision.ts';
import { adminHeaders } from './support/session.ts';
import { backup, restore } from '../src/modules/backup/backup.service.ts';
import { AssessmentService } from '../src/modules/assessment/assessment.service.ts';
import { openDatabase, type Database } from '../src/db/database.ts';
import { voidRow } from '../src/modules/imports/void.service.ts';
import type { Engine } from '../src/db/engine.ts';
import { TasksService } from '../src/modules/supervision/tasks.service.ts';
import { buildApp } from '../src/server/app.ts';
import { createContext } from '../src/modules/app-context.ts';
import { main } from '../src/cli/main.ts';

const tmp = () => path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'outpost-backup-')), 'b.outpost.gz');

async function fingerprint(db: Database): Promise<string> {
  const s = new AssessmentService(db.kysely);
  const counts = [];
  for (const t of ['areas', 'units', 'officers', 'surveys', 'patrol_logs', 'history', 'imports', 'funds'] as const)
    counts.push(
      Number((await db.kysely.selectFrom(t).select(db.kysely.fn.countAll().as('n')).executeTakeFirstOrThrow()).n),
    );
  return JSON.stringify([
    counts,
    await s.rankings('510000000000', '2019-06', 'performance'),
    await s.rankings('510000000000', '2019-06', 'construction'),
  ]);
}

describe('backup and restore', () => {
  for (const [from, to] of [
    ['sqlite', 'postgres'],
    ['postgres', 'sqlite'],
    ['sqlite', 'sqlite'],
  ] as [Engine, Engine][]) {
    it(`moves a database from ${from} to ${to} with every row and figure`, async () => {
      const source = await freshDatabase(from);
      await importProvince51(source);
      // A voided row, so history and void marks travel too.
      await voidRow(source, 'surveys', ['Q1-000006'], 'entered twice', 'test');
      const file = tmp();
      const report = await backup(source, file);
      expect(report.tables.find((t) => t.table === 'surveys')?.rows).toBe(687);
      const target = await freshDatabase(to);
      await restore(target, file);
      expect(await fingerprint(target)).toBe(await fingerprint(source));
      // Identity columns continue after the restored ids.
      await importProvince51(target);
      const ids = await target.kysely.selectFrom('imports').select('id').orderBy('id').execute();
      expect(new Set(ids.map((r) => r.id)).size).toBe(ids.length);
      await source.close();
      await target.close();
    });
  }

  it('refuses a damaged backup and leaves the database as it was', async () => {
    const db = await freshDatabase('sqlite');
    await importProvince51(db);
    const file = tmp();
    await backup(db, file);
    const before = await fingerprint(db);
    const text = zlib.gunzipSync(fs.readFileSync(file)).toString('utf8');
    fs.writeFileSync(file, zlib.gzipSync(text.slice(0, Math.floor(text.length * 0.6))));
    await expect(restore(db, file)).rejects.toThrow(/truncated|cut short|damaged/);
    expect(await fingerprint(db)).toBe(before);
    fs.writeFileSync(file, 'not a backup');
    await expect(restore(db, file)).rejects.toThrow(/damaged|not an Outpost backup/);
    await db.close();
  });
});

/** Evidence files are read and written in OUTPOST_EVIDENCE_DIR: each database here gets its own. */
function evidenceFolder(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'outpost-evidence-'));
  process.env.OUTPOST_EVIDENCE_DIR = dir;
  return dir;
}

/** Rewrites the lines of a backup (header first), as a person or a disk might. */
function rewrite(file: string, edit: (lines: string[]) => string[]): void {
  const lines = zlib.gunzipSync(fs.readFileSync(file)).toString('utf8').split('\n').filter(Boolean);
  fs.writeFileSync(file, zlib.gzipSync(`${edit(lines).join('\n')}\n`));
}

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
const filesUnder = (dir: string) => (fs.existsSync(dir) ? fs.readdirSync(dir, { recursive: true }).map(String) : []);

/** Downloads an evidence file through the API of a database, as the web app does. */
async function download(db: Database, task: number, evidence: number): Promise<Buffer> {
  const app = await buildApp(createContext(db), {
    web: false,
    access: { publicAggregates: false, requireAdminTotp: false },
  });
  try {
    const res = await app.inject({
      url: `/api/v1/tasks/${task}/evidence/${evidence}`,
      headers: await adminHeaders(db),
    });
    expect(res.statusCode, res.body).toBe(200);
    return res.rawPayload;
  } finally {
    await app.close();
  }
}

for (const engine of ENGINES) {
  const other: Engine = engine === 'sqlite' ? 'postgres' : 'sqlite';
  describe(`evidence files in a backup of ${engine}`, () => {
    let source: Database;
    let sourceDir: string;
    let file: string;
    // Task, evidence id and bytes of each uploaded file.
    const uploads: { task: number; evidence: number; bytes: Buffer }[] = [];
    // Larger than a base64 line (48 KiB), so a file spans several; random, so gzip cannot shrink it.
    const photo = randomBytes(300 * 1024 + 7);

    beforeAll(async () => {
      sourceDir = evidenceFolder();
      source = await freshDatabase(engine);
      await importProvince51(source);
      const fixture = await seedSupervision(source, ['510000000000'], ['510100000000', '510200000000']);
      const tasks = new TasksService(source);
      for (const [area, task] of Object.entries(fixture.tasks)) {
        uploads.push({ task, evidence: fixture.evidence[area], bytes: Buffer.from(`evidence for ${area}`) });
        // The same photo on both tasks: two rows, one file on disk, one copy in the backup.
        const detail = await tasks.attach(
          TEST_ACTOR,
          null,
          task,
          { name: '整改照片.jpg', bytes: photo, content_type: 'image/jpeg' },
          '2019-07-06',
        );
        uploads.push({ task, evidence: detail.evidence.at(-1)!.id, bytes: photo });
      }
      file = tmp();
      const progress: [string, number, number?][] = [];
      const report = await backup(source, file, { onProgress: (...call) => progress.push(call) });
      // Rows per table as before, then the evidence as bytes of a total, ending complete.
      expect(progress).toContainEqual(['task_evidence', 4]);
      expect(progress.at(-1)).toEqual(['evidence files (bytes)', report.evidence.bytes, report.evidence.bytes]);
      expect(report.evidence).toEqual({ files: 3, bytes: photo.length + 2 * 'evidence for 510100000000'.length });
    });
    afterAll(() => source?.close());

    it(`restores into ${other} with another evidence folder, and every file downloads as uploaded`, async () => {
      const target = await freshDatabase(other);
      const targetDir = evidenceFolder();
      const report = await restore(target, file);
      expect(report.evidenceDir).toBe(targetDir);
      expect(report.evidence.files).toBe(3);
      expect(filesUnder(targetDir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
      for (const u of uploads) expect((await download(target, u.task, u.evidence)).equals(u.bytes)).toBe(true);
      expect(fs.existsSync(path.join(targetDir, sha256(photo).slice(0, 2), sha256(photo)))).toBe(true);
      await target.close();
    });

    it('still restores a version-1 backup (no files), and says which files the folder lacks', async () => {
      const v1 = tmp();
      fs.copyFileSync(file, v1);
      rewrite(v1, (lines) => {
        const header = { ...JSON.parse(lines[0]), version: 1 };
        const files = lines.findIndex((l) => l.startsWith('{"evidence":'));
        return [JSON.stringify(header), ...lines.slice(1, files)];
      });
      const url = await freshDatabaseUrl(engine);
      const targetDir = evidenceFolder();
      let stdout = '';
      let stderr = '';
      const io = { stdout: { write: (s: string) => (stdout += s) }, stderr: { write: (s: string) => (stderr += s) } };
      expect(await main(['restore', v1, '--db', url], io)).toBe(0);
      expect(stdout).toMatch(/0 evidence files/);
      expect(stderr).toMatch(/version-1 backup.*3 that its tasks refer to are not in/);
      const target = await openDatabase(url);
      expect(await fingerprint(target)).toBe(await fingerprint(source));
      // Copied by hand from the old machine, the files serve again.
      fs.cpSync(sourceDir, targetDir, { recursive: true });
      for (const u of uploads) expect((await download(target, u.task, u.evidence)).equals(u.bytes)).toBe(true);
      await target.close();
    });

    it('refuses a backup whose file was altered, naming it, and changes nothing', async () => {
      const tampered = tmp();
      fs.copyFileSync(file, tampered);
      const digest = sha256(photo);
      rewrite(tampered, (lines) => {
        const at = lines.findIndex((l) => l.includes(`"sha256":"${digest}"`)) + 2;
        const chunk = Buffer.from(JSON.parse(lines[at]) as string, 'base64');
        chunk[100] ^= 1;
        lines[at] = JSON.stringify(chunk.toString('base64'));
        return lines;
      });
      const target = await freshDatabase(engine);
      const targetDir = evidenceFolder();
      await importProvince51(target);
      const before = await fingerprint(target);
      await expect(restore(target, tampered)).rejects.toThrow(
        new RegExp(`${digest.slice(0, 2)}/${digest} does not match its SHA-256.*nothing was restored`),
      );
      expect(await fingerprint(target)).toBe(before);
      // The files before it in the backup may be there (each is named by its own digest), never the altered one.
      expect(filesUnder(targetDir).filter((f) => f.includes(digest) || f.endsWith('.tmp'))).toEqual([]);
      await target.close();
    });

    it('refuses a backup that lacks a file its rows refer to', async () => {
      const lacking = tmp();
      fs.copyFileSync(file, lacking);
      const digest = sha256(photo);
      rewrite(lacking, (lines) => {
        const from = lines.findIndex((l) => l.includes(`"sha256":"${digest}"`));
        const to = lines.findIndex((l, i) => i > from && l.startsWith('{"end":'));
        // The section and the end still agree, so only the rows can tell the file is gone.
        return lines.filter((_, i) => i < from || i > to).map((l) => l.replace('"files":3', '"files":2'));
      });
      const target = await freshDatabase(engine);
      evidenceFolder();
      await expect(restore(target, lacking)).rejects.toThrow(
        new RegExp(`lacks the evidence file ${digest.slice(0, 2)}/${digest}; nothing was restored`),
      );
      await target.close();
    });

    it('refuses a backup cut after its files, before its end', async () => {
      const cut = tmp();
      fs.copyFileSync(file, cut);
      rewrite(cut, (lines) => lines.slice(0, -1));
      const target = await freshDatabase(engine);
      evidenceFolder();
      await importProvince51(target);
      const before = await fingerprint(target);
      await expect(restore(target, cut)).rejects.toThrow(/truncated; nothing was restored/);
      expect(await fingerprint(target)).toBe(before);
      await target.close();
    });

    it('will not back up while a file the database refers to is missing or altered', async () => {
      process.env.OUTPOST_EVIDENCE_DIR = sourceDir;
      const digest = sha256(photo);
      const stored = path.join(sourceDir, digest.slice(0, 2), digest);
      const out = tmp();
      fs.renameSync(stored, `${stored}.away`);
      try {
        await expect(backup(source, out)).rejects.toThrow(
          new RegExp(
            `evidence file ${digest.slice(0, 2)}/${digest} \\(evidence \\d+ "整改照片.jpg" of task \\d+, .*\\) is missing from`,
          ),
        );
        fs.writeFileSync(stored, Buffer.concat([photo.subarray(0, 1000), Buffer.from('x'), photo.subarray(1001)]));
        await expect(backup(source, out)).rejects.toThrow(/no longer matches its SHA-256/);
        expect(fs.readdirSync(path.dirname(out))).toEqual([]);
      } finally {
        fs.renameSync(`${stored}.away`, stored);
      }
    });
  });
}
