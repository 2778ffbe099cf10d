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

/** A work record: when it reached Outpost (the database's clock at the insert; see migration 011). */
interface Received extends Tracked {
  received_at: Generated<string | null>;
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
  address: string | null;
  longitude: number | null;
  latitude: number | null;
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

export interface VisitTable extends Received {
  badge: string;
  date: string;
  household_ref: string;
  area_code: string;
  province: string;
}

export interface InfoReportTable extends Received {
  ref: string;
  date: string;
  badge: string;
  category: string;
  adopted: number;
  province: string;
}

export interface IncidentTable extends Received {
  ref: string;
  date: string;
  area_code: string;
  category: string;
  province: string;
}

export interface SurveyTable extends Received {
  ref: string;
  date: string;
  area_code: string;
  knows_officer: number | null;
  satisfaction: number | null;
  channel: string | null;
  province: string;
}

export interface PatrolLogTable extends Received {
  patrol_code: string;
  date: string;
  hours: number;
  participants: number;
  province: string;
}

export interface FamiliarityCheckTable extends Received {
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

export interface ImportJobTable {
  id: Generated<number>;
  actor: string;
  scoped: number;
  name: string;
  kind: string | null;
  bytes: number;
  spool: string | null;
  phase: string;
  dry_run: number;
  report: string | null;
  error: string | null;
  import_id: number | null;
  created_at: string;
  updated_at: string;
  expires_at: string | null;
}

/** Hits on the public routes per kind and network prefix in one window (modules/public). */
export interface PublicHitTable {
  kind: string;
  prefix: string;
  window_start: string;
  hits: number;
}

/** An online answer taken past its community's daily cap: it counts, and data quality shows it. */
export interface PublicFlaggedTable {
  ref: string;
  area_code: string;
  date: string;
}

/** An answer sent through the public survey form (migration 018): kept apart from survey records. */
export interface PublicAnswerTable {
  ref: string;
  date: string;
  area_code: string;
  knows_officer: number | null;
  satisfaction: number | null;
  received_at: string;
}

/** A proof-of-work token already spent (its hash), until it expires. */
export interface PublicTokenTable {
  token_hash: string;
  expires_at: string;
}

export interface MetaTable {
  key: string;
  value: string;
}

export interface AccountTable {
  id: Generated<number>;
  username: string;
  /** argon2id, PHC string. */
  password_hash: string;
  role: string;
  area_code: string | null;
  badge: string | null;
  disabled_at: string | null;
  /** The TOTP secret (RFC 6238) when the second factor is on, sealed (accounts/totp-secret.ts). */
  totp_secret: string | null;
  /** The last time step whose code was accepted: a code is good once. */
  totp_last_step: number | null;
  /** Where the account's own subscriptions are delivered (migration 008). */
  email: string | null;
  phone: string | null;
  /** Quiet hours, HH:MM in OUTPOST_TZ: its messages wait until they end. */
  quiet_from: string | null;
  quiet_until: string | null;
  /** The name shown for the account in documents, histories and pages (migration 015). */
  display_name: string | null;
  created_at: string;
  updated_at: string;
}

export interface SessionTable {
  /** SHA-256 (hex) of the token; the token itself is never stored. */
  token_hash: string;
  account_id: number;
  created_at: string;
  expires_at: string;
  ip: string | null;
}

export interface LoginAttemptTable {
  id: Generated<number>;
  username: string;
  ip: string;
  at: string;
  /**
   * 'failed', 'ok', 'reset' (an admin's new password) or 'unlock' (an admin lifted the locks of
   * the username, or with username '' those of the address).
   */
  outcome: 'ok' | 'failed' | 'reset' | 'unlock';
  /** The id of the device cookie the attempt came with, when it came with a valid one (migration 010). */
  device: string | null;
}

export interface AuditLogTable {
  id: number;
  at: string;
  actor: string;
  action: string;
  target: string | null;
  via: string;
  ip: string | null;
  outcome: string;
  /** Canonical JSON of an object. */
  detail: string;
  prev_hash: string;
  hash: string;
}

export interface AuditChainTable {
  id: number;
  last_seq: number;
  last_hash: string;
  pruned_seq: number;
  pruned_hash: string;
}

export interface SettingTable {
  key: string;
  /** JSON of the whole setting; code holds the defaults. */
  value: string;
  updated_at: string;
  updated_by: string;
}

/** An issued notification: never updated (the database refuses it). */
export interface NotificationTable {
  id: Generated<number>;
  area_code: string;
  month: string;
  lang: string;
  number: string;
  year: number;
  seq: number;
  title: string;
  issued_on: string;
  issued_at: string;
  issued_by: string;
  corrects_id: number | null;
  correction_reason: string | null;
  /** Canonical JSON of the notification's content (document and problems). */
  content: string;
  /** SHA-256 (hex) of `content`. */
  content_hash: string;
}

/** A receiving area's receipt of an issued notice (签收), with how often it was chased (催办). */
export interface NotificationReceiptTable {
  notification_id: number;
  area_code: string;
  signed_by: string | null;
  signed_at: string | null;
  reminders: Generated<number>;
  /** The day (OUTPOST_TZ) of the last reminder: the scheduled chase sends at most one a day. */
  reminded_on: string | null;
}

/** An issued notice's history: issued, signed for, reminded. */
export interface NotificationEventTable {
  id: Generated<number>;
  notification_id: number;
  action: string;
  /** JSON array of area codes. */
  areas: string;
  actor: string;
  at: string;
}

export interface LeaderTable {
  area_code: string;
  name: string;
  title: string;
  phone: string | null;
  updated_at: string;
  updated_by: string;
}

export interface TaskTable {
  id: Generated<number>;
  notification_id: number;
  area_code: string;
  month: string;
  scheme: string;
  indicator: string;
  value: number | null;
  target: number | null;
  streak: number;
  previous_task_id: number | null;
  leader_name: string | null;
  leader_title: string | null;
  leader_phone: string | null;
  deadline: string;
  status: string;
  created_at: string;
  updated_at: string;
}

/** One problem indicator of a task (a task per area lists several). */
export interface TaskIndicatorTable {
  id: Generated<number>;
  task_id: number;
  scheme: string;
  indicator: string;
  value: number | null;
  target: number | null;
  streak: number;
}

/** An area's appeal (申诉) against its score in an issued notice. */
export interface AppealTable {
  id: Generated<number>;
  notification_id: number;
  area_code: string;
  month: string;
  reason: string;
  status: string;
  filed_at: string;
  filed_by: string;
  decided_at: string | null;
  decided_by: string | null;
  decision_reason: string | null;
  correction_id: number | null;
}

export interface AppealEvidenceTable {
  id: Generated<number>;
  appeal_id: number;
  file_name: string;
  path: string;
  sha256: string;
  size: number;
  content_type: string;
  uploaded_at: string;
  uploaded_by: string;
}

export interface TaskEventTable {
  id: Generated<number>;
  task_id: number;
  at: string;
  actor: string;
  kind: string;
  from_status: string | null;
  to_status: string | null;
  body: string | null;
}

export interface TaskEvidenceTable {
  id: Generated<number>;
  task_id: number;
  file_name: string;
  path: string;
  sha256: string;
  size: number;
  content_type: string;
  uploaded_at: string;
  uploaded_by: string;
}

/** One saved version of a scheme for a year; never changed, a save adds the next version. */
export interface SchemeVersionTable {
  id: Generated<number>;
  name: string;
  year: number;
  version: number;
  /** Canonical JSON of the indicators' settings and the reward thresholds. */
  definition: string;
  note: string | null;
  saved_at: string;
  saved_by: string;
}

/** An admin's decision on a reward or punishment proposal, with the figures it was taken on. */
export interface ProposalDecisionTable {
  id: string;
  month: string;
  within_code: string;
  scheme: string;
  subject_kind: string;
  subject_code: string;
  subject_name: string;
  measure: string;
  decision: string;
  note: string | null;
  figures: string;
  decided_at: string;
  decided_by: string;
}

/** A job's claim on a day and its outcome: one row per (job, day). */
export interface JobRunTable {
  id: Generated<number>;
  job: string;
  day: string;
  status: string;
  attempt: number;
  trigger: string;
  runner: string;
  started_at: string;
  finished_at: string | null;
  events: number;
  /** JSON of what the run did. */
  summary: string | null;
  error: string | null;
}

/** An event a job announced; its id is stable across retries and runs. */
export interface EventTable {
  id: string;
  name: string;
  area_code: string | null;
  month: string | null;
  day: string;
  job_run_id: number | null;
  /** JSON: title and text per language, link, data. */
  payload: string;
  created_at: string;
}

export interface ChannelTable {
  id: Generated<number>;
  name: string;
  kind: string;
  format: string | null;
  url: string | null;
  smtp_url: string | null;
  secret: string | null;
  mail_from: string | null;
  /** JSON array of addresses or phone numbers. */
  recipients: string | null;
  /** JSON array of event names; null: all. */
  events: string | null;
  area_code: string | null;
  lang: string;
  personal: number;
  per_minute: number;
  disabled_at: string | null;
  created_at: string;
  created_by: string;
  updated_at: string;
}

export interface DeliveryTable {
  id: Generated<number>;
  event_id: string;
  channel_id: number;
  /** '' for the channel's own target, else the subscribed account's username. */
  recipient: string;
  status: string;
  attempts: number;
  next_at: string;
  lease_until: string | null;
  last_error: string | null;
  created_at: string;
  sent_at: string | null;
}

export interface DeliveryAttemptTable {
  id: Generated<number>;
  delivery_id: number;
  channel_id: number;
  at: string;
  ok: number;
  status_code: number | null;
  error: string | null;
}

export interface SubscriptionTable {
  account_id: number;
  channel_id: number;
  events: string | null;
  created_at: string;
}

/** A period (SPEC §5) that left `open` at least once: its status and who moved it at each step. */
export interface PeriodTable {
  area_code: string;
  month: string;
  status: string;
  submitted_by: string | null;
  submitted_at: string | null;
  approved_by: string | null;
  approved_at: string | null;
  locked_by: string | null;
  locked_at: string | null;
  updated_at: string;
}

/** One step of a period: submit, approve, lock or unlock (with its reason). */
export interface PeriodEventTable {
  id: Generated<number>;
  area_code: string;
  month: string;
  action: string;
  from_status: string;
  to_status: string;
  actor: string;
  reason: string | null;
  at: string;
}

/** The figures of a locked period's subtree under one scheme, as they stood at the lock. */
export interface PeriodSnapshotTable {
  area_code: string;
  month: string;
  scheme: string;
  scheme_version: number;
  /** JSON (see assessment/frozen-figures.ts). */
  data: string;
  taken_at: string;
}

/** What an issued notification ranked, and which of its areas were locked when it was issued. */
export interface NotificationFiguresTable {
  notification_id: number;
  /** JSON array of area codes. */
  locked: string;
  /** JSON: per scheme, the ranking rows issued. */
  rankings: string;
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
  import_jobs: ImportJobTable;
  meta: MetaTable;
  public_hits: PublicHitTable;
  public_flagged: PublicFlaggedTable;
  public_answers: PublicAnswerTable;
  public_tokens: PublicTokenTable;
  accounts: AccountTable;
  sessions: SessionTable;
  login_attempts: LoginAttemptTable;
  audit_log: AuditLogTable;
  audit_chain: AuditChainTable;
  settings: SettingTable;
  notifications: NotificationTable;
  notification_receipts: NotificationReceiptTable;
  notification_events: NotificationEventTable;
  leaders: LeaderTable;
  tasks: TaskTable;
  task_events: TaskEventTable;
  task_indicators: TaskIndicatorTable;
  appeals: AppealTable;
  appeal_evidence: AppealEvidenceTable;
  task_evidence: TaskEvidenceTable;
  scheme_versions: SchemeVersionTable;
  proposal_decisions: ProposalDecisionTable;
  job_runs: JobRunTable;
  events: EventTable;
  channels: ChannelTable;
  deliveries: DeliveryTable;
  delivery_attempts: DeliveryAttemptTable;
  subscriptions: SubscriptionTable;
  periods: PeriodTable;
  period_events: PeriodEventTable;
  period_snapshots: PeriodSnapshotTable;
  notification_figures: NotificationFiguresTable;
}
