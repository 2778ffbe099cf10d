/**
 * Row types of every table, as Kysely sees them. Dates are `YYYY-MM-DD` text on both engines,
 * booleans are 0/1 integers, money is integer fen (1/100 yuan) so sums stay exact.
 */
import type { Generated } from 'kysely';

interface Tracked {
  /** The import (or records write) that last added or replaced the row. */
  import_id: number;
  voided_at: string | null;
  void_reason: string | null;
}

export interface AreaTable extends Tracked {
  code: string;
  name: string;
  level: string;
  parent_code: string | null;
  urban_rural: string | null;
  province: string;
}

export interface PopulationTable extends Tracked {
  area_code: string;
  year: number;
  residents: number;
  households: number;
  province: string;
}

export interface UnitTable extends Tracked {
  code: string;
  name: string;
  type: string;
  area_code: string;
  station_code: string | null;
  covers: string | null;
  status: string;
  opened_on: string | null;
  closed_on: string | null;
  phone: string | null;
  hours: string | null;
  province: string;
}

export interface UnitCoverTable {
  unit_code: string;
  area_code: string;
}

export interface OfficerTable extends Tracked {
  badge: string;
  start_date: string;
  name: string;
  role: string;
  unit_code: string;
  end_date: string | null;
  origin: string;
  phone: string | null;
  province: string;
}

export interface PatrolTable extends Tracked {
  code: string;
  name: string;
  unit_code: string;
  kind: string;
  members: number;
  province: string;
}

export interface EquipmentTable extends Tracked {
  unit_code: string;
  item: string;
  as_of: string;
  quantity: number;
  province: string;
}

export interface InspectionTable extends Tracked {
  unit_code: string;
  date: string;
  premises: string;
  signage: string;
  equipment: string;
  staffing: string;
  work_system: string;
  duties: string;
  records: string;
  province: string;
}

export interface FundTable extends Tracked {
  ref: string;
  kind: string;
  date: string;
  recipient_code: string;
  amount_fen: number;
  purpose: string | null;
  province: string;
}

export interface VisitTable extends Tracked {
  badge: string;
  date: string;
  household_ref: string;
  area_code: string;
  province: string;
}

export interface InfoReportTable extends Tracked {
  ref: string;
  date: string;
  badge: string;
  category: string;
  adopted: number;
  province: string;
}

export interface IncidentTable extends Tracked {
  ref: string;
  date: string;
  area_code: string;
  category: string;
  province: string;
}

export interface SurveyTable extends Tracked {
  ref: string;
  date: string;
  area_code: string;
  knows_officer: number | null;
  satisfaction: number | null;
  channel: string | null;
  province: string;
}

export interface PatrolLogTable extends Tracked {
  patrol_code: string;
  date: string;
  hours: number;
  participants: number;
  province: string;
}

export interface FamiliarityCheckTable extends Tracked {
  ref: string;
  date: string;
  badge: string;
  sampled: number;
  correct: number;
  province: string;
}

export interface HistoryTable {
  id: Generated<number>;
  kind: string;
  row_key: string;
  data: string;
  action: string;
  reason: string | null;
  import_id: number;
  at: string;
}

export interface ImportTable {
  id: Generated<number>;
  started_at: string;
  finished_at: string | null;
  actor: string;
  source: string;
  files: string;
  written: number;
  status: string;
}

export interface MetaTable {
  key: string;
  value: string;
}

export interface DB {
  areas: AreaTable;
  population: PopulationTable;
  units: UnitTable;
  unit_covers: UnitCoverTable;
  officers: OfficerTable;
  patrols: PatrolTable;
  equipment: EquipmentTable;
  inspections: InspectionTable;
  funds: FundTable;
  visits: VisitTable;
  info_reports: InfoReportTable;
  incidents: IncidentTable;
  surveys: SurveyTable;
  patrol_logs: PatrolLogTable;
  familiarity_checks: FamiliarityCheckTable;
  history: HistoryTable;
  imports: ImportTable;
  meta: MetaTable;
}
