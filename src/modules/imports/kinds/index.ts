/** Every kind of import file, in the order an import applies them (SPEC §2). */
import path from 'node:path';
import type { KindDef } from './kind.ts';
import { areas, equipment, funds, inspections, officers, patrols, population, units } from './registry-kinds.ts';
import { familiarityChecks, incidents, infoReports, patrolLogs, surveys, visits } from './record-kinds.ts';

export const KINDS: KindDef[] = [
  areas,
  population,
  units,
  officers,
  patrols,
  equipment,
  inspections,
  funds,
  visits,
  infoReports,
  incidents,
  surveys,
  patrolLogs,
  familiarityChecks,
];

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

export * from './kind.ts';
export * from './columns.ts';
