/**
 * Every figure of an annual work summary, as plain data. Standing figures are those of the
 * year's last day (the same as `overview --date Y-12-31`); assessment figures are the
 * assessment's own, month by month.
 */
import type { Lang } from '#core/documents/document.ts';
import type { AreaRef } from '../notifications/notification.facts.ts';
import type { Overview } from '#core/contracts/overview.schema.ts';
import type { IndicatorsResult } from '../assessment/assessment.service.ts';
import type { IndicatorDef, RankingRowWithChange, SchemeName } from '../assessment/domain/index.ts';
import type { FiveProblemsView } from './five-problems.service.ts';

export interface Money {
  allocated_fen: number;
  paid_fen: number;
}

export interface CountyFunds {
  code: string;
  name: string;
  /** Funds to the county itself. */
  county: Money;
  /** Funds to townships (and anything else) below it. */
  townships: Money & { recipients: number };
}

export interface FundsFacts {
  counties: CountyFunds[];
  /** Totals by the level of the recipient: counties, townships, anything else (city, province, village). */
  county_level: Money & { recipients: number };
  township_level: Money & { recipients: number };
  other_level: Money & { recipients: number };
}

export interface SchemeYear {
  scheme: SchemeName;
  /** The indicators of the scheme in force for the year, with their targets. */
  indicators: IndicatorDef[];
  /** The area's own figures in December. */
  december: IndicatorsResult;
  /** The area's composite each month, January to December. */
  monthly: { month: string; composite: number }[];
  /** Each child's rank each month (null when not ranked) and how many months it lagged. */
  children: { code: string; name: string; ranks: (number | null)[]; lagging_months: number }[];
  /** December's ranking. */
  ranking: RankingRowWithChange[];
  /** December's composites of the children as a map (SVG), where they have shapes. */
  map: string | null;
}

export interface SummaryFacts {
  lang: Lang;
  year: number;
  /** The document's date. */
  date: string;
  area: AreaRef;
  issuer: string;
  child_level: string;
  /** On the year's last day, and on the last day of the year before. */
  standing: Overview;
  before: Overview;
  funds: FundsFacts;
  kit: { items: Record<string, number> };
  assessment: SchemeYear[];
  reform: { started: Record<string, number> };
  five: FiveProblemsView;
  supervision: {
    notices: { month: string; number: string }[];
    tasks: number;
    rectified: number;
    verified: number;
    overdue: number;
  };
}
