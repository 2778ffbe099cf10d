/**
 * Everything a monthly notification says, as plain data: gathered by the service from the
 * assessment, the overview and supervision, then written out by `composeNotification`.
 */
import type { Lang } from '#core/documents/document.ts';
import type { Overview } from '#core/contracts/overview.schema.ts';
import type { RankingRowWithChange, SchemeName } from '../assessment/domain/index.ts';

export interface AreaRef {
  code: string;
  name: string;
  level: string;
}

/** One failing indicator of a lagging area (or `composite` when it lags on rank alone). */
export interface Problem {
  scheme: SchemeName;
  area_code: string;
  area_name: string;
  rank: number;
  composite: number;
  indicator: string;
  /** The indicator's value in the month; null when there was no data. */
  value: number | null;
  target: number | null;
  score: number | null;
  /** Consecutive months up to this one in which the area had this problem (1 = new). */
  streak: number;
}

/** A supervision task past its deadline and not yet rectified, carried into the next notice. */
export interface OverdueTask {
  id: number;
  area_code: string;
  area_name: string;
  scheme: SchemeName;
  indicator: string;
  /** Every problem the task lists (a task per area lists several); absent in notices issued before. */
  problems?: { scheme: SchemeName; indicator: string }[];
  notification_number: string;
  deadline: string;
  days_overdue: number;
  leader: string | null;
}

export interface SupervisionState {
  total: number;
  in_progress: number;
  open: number;
  rectified: number;
  verified: number;
  overdue: OverdueTask[];
}

export interface SchemeRanking {
  scheme: SchemeName;
  rows: RankingRowWithChange[];
  /** The area's own composite this month and the month before (null when not computed). */
  composite: number;
  previous_composite: number | null;
}

export interface Issuer {
  /** 吉林省公安厅 */
  name: string;
  /** 吉林省公安厅文件 */
  mark: string;
  /** 吉林省公安厅办公室 */
  printer: string;
}

export interface NotificationFacts {
  lang: Lang;
  area: AreaRef;
  /** The most common level of the ranked children (city, county, ...). */
  child_level: string;
  month: string;
  /** The document's date (the day it is issued); YYYY-MM-DD. */
  date: string;
  /** By when the problems must be rectified; YYYY-MM-DD. */
  deadline: string;
  number: string | null;
  issuer: Issuer;
  recipients: string[];
  copy_to: string[];
  overview: Overview;
  rankings: SchemeRanking[];
  /** Each scheme's map of the children's composites (SVG), where the children have shapes. */
  maps: Partial<Record<SchemeName, string>>;
  problems: Problem[];
  commended: { scheme: SchemeName; code: string; name: string; rank: number; composite: number }[];
  supervision: SupervisionState | null;
  correction: { number: string; reason: string } | null;
  /** Who signed the document for issue (签发人), as chosen when issuing; null: no signer line. */
  signer: string | null;
  /** Some area of the notice (its own or a ranked child) has no lock on the month: figures may move. */
  provisional: boolean;
  commend_top: number;
  commend_composite: number;
}
