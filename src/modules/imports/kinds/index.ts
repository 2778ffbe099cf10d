/** Every kind of import file (order.ts), and finding one by its name or a file's. */
import path from 'node:path';
import type { KindDef } from '#core/kinds/kind.ts';
import { KINDS } from '#core/kinds/order.ts';

export { KINDS };

export const KIND_NAMES = KINDS.map((k) => k.kind);
export type KindName = string;

export function kindByName(name: string): KindDef | undefined {
  return KINDS.find((k) => k.kind === name);
}

/** A file's kind is its base name up to the first `.` or `-`: `surveys-2019-06.csv.gz` is surveys. */
export function kindOfFile(file: string): KindDef | undefined {
  const base = path.basename(file);
  return kindByName(base.split(/[.-]/)[0]);
}

export * from '#core/kinds/kind.ts';
export * from '#core/kinds/columns.ts';
