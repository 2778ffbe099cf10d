/**
 * Every kind of import file as the import applies it, in the core's order (SPEC §2), and finding
 * one by its name or a file's.
 */
import path from 'node:path';
import { KINDS as CORE_KINDS, KIND_NAMES, kindOfFileName } from '#core/kinds/order.ts';
import type { ImportKind } from './import-kind.ts';
import * as registry from './registry-checks.ts';
import * as records from './record-checks.ts';

const BY_NAME = new Map<string, ImportKind>(
  [...Object.values(registry), ...Object.values(records)].map((k) => [k.kind, k]),
);

/** Every kind, in the order an import applies them. */
export const KINDS: ImportKind[] = CORE_KINDS.map((k) => BY_NAME.get(k.kind)!);

export { KIND_NAMES };
export type KindName = string;

export function kindByName(name: string): ImportKind | undefined {
  return BY_NAME.get(name);
}

/** A file's kind is its base name up to the first `.` or `-`: `surveys-2019-06.csv.gz` is surveys. */
export function kindOfFile(file: string): ImportKind | undefined {
  const kind = kindOfFileName(path.basename(file));
  return kind && BY_NAME.get(kind.kind);
}

export * from './import-kind.ts';
export * from '#core/kinds/kind.ts';
export * from '#core/kinds/columns.ts';
