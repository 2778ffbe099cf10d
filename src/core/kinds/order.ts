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
