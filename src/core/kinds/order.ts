/**
 * Every kind of import file, in the order an import applies them (SPEC §2): no Node import here,
 * so the web app takes the same list.
 */
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

/** The kinds of front-line work, entered one record at a time as well as imported. */
export const RECORD_KINDS: KindDef[] = [surveys, visits, infoReports, incidents, patrolLogs, familiarityChecks];

/** The kinds' names, in the order an import applies them. */
export const KIND_NAMES = KINDS.map((k) => k.kind);

export function kindByName(name: string | null | undefined): KindDef | undefined {
  return KINDS.find((k) => k.kind === name);
}

/** A file's kind is its name up to the first `.` or `-`: `surveys-2019-06.csv.gz` is surveys. */
export function kindOfFileName(name: string): KindDef | undefined {
  return kindByName(name.split(/[.-]/)[0]);
}
