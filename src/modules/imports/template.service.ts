import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { writeTemplate } from './reader/index.ts';
import { KINDS, kindByName, type ImportKind } from './kinds/index.ts';
import { AppError } from '../../shared/errors.ts';

/** The sheets of a template: every kind, or one; headers in Chinese or English. */
export function templateSheets(kinds: ImportKind[]) {
  return kinds.map((k) => ({
    name: k.kind,
    columns: k.columns.map((c) => ({ name: c.name, zh: c.zh, required: !c.optional })),
    example: Object.fromEntries(k.columns.map((c) => [c.name, c.example])),
  }));
}

export function kindsNamed(which: string): ImportKind[] {
  if (which === 'all') return KINDS;
  const kind = kindByName(which);
  if (!kind) throw new AppError('template_not_found', { name: which });
  return [kind];
}

/** A template workbook as bytes (for downloads). */
export async function templateBytes(which: string, headers: 'zh' | 'en'): Promise<Buffer> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'outpost-template-'));
  const file = path.join(dir, `${which}.xlsx`);
  try {
    await writeTemplate(file, templateSheets(kindsNamed(which)), { headers });
    return fs.readFileSync(file);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
