/**
 * The proposals of a month within an area, derived from the figures as they are now: its
 * children under each scheme of areas, and the front-line officers of its subtree under the
 * officer scheme, each with the figures behind it (composite, rank, indicators, the months that
 * decided an interview).
 */
import type { AssessmentService } from '../assessment/assessment.service.ts';
import type { AnySchemeName, RankingRow, SchemeResult } from '../assessment/domain/index.ts';
import { monthsEnding } from '../assessment/month.ts';
import { OfficerAssessment } from '../assessment/officer-ranking.service.ts';
import type { Thresholds } from '#core/schemes/scheme-definition.ts';
import { measureOf, proposalId, type CompositeHistory, type Measure, type SubjectKind } from './domain/proposals.ts';

export interface ProposalFigures {
  composite: number;
  rank: number;
  ranked: number;
  lagging: boolean;
  problems: string[];
  indicators: Record<string, { value: number | null; score: number; no_data: boolean }>;
  /** The composites of the months the interview rule looks at, oldest first. */
  history: CompositeHistory[];
  thresholds: Thresholds;
  scheme_version: number;
}

export interface DerivedProposal {
  id: string;
  month: string;
  within: string;
  scheme: AnySchemeName;
  subject_kind: SubjectKind;
  code: string;
  name: string;
  measure: Measure;
  figures: ProposalFigures;
}

interface Ranked {
  rows: RankingRow[];
  results: Map<string, SchemeResult>;
}

export async function deriveProposals(
  assessment: AssessmentService,
  within: string,
  month: string,
): Promise<DerivedProposal[]> {
  await assessment.areas.area(within);
  const out: DerivedProposal[] = [];
  for (const scheme of ['performance', 'construction'] as const) {
    const rank = async (m: string): Promise<Ranked> =>
      assessment.rankWithResults(within, m, await assessment.schemeFor(scheme, m));
    out.push(...(await proposalsOf(assessment, within, month, scheme, 'area', rank)));
  }
  const officers = new OfficerAssessment(assessment);
  const rankOfficers = async (m: string): Promise<Ranked> => officers.ranked(within, m);
  out.push(...(await proposalsOf(assessment, within, month, 'officer', 'officer', rankOfficers)));
  return out;
}

async function proposalsOf(
  assessment: AssessmentService,
  within: string,
  month: string,
  scheme: AnySchemeName,
  kind: SubjectKind,
  rank: (month: string) => Promise<Ranked>,
): Promise<DerivedProposal[]> {
  const resolved = await assessment.resolvedScheme(scheme, Number(month.slice(0, 4)));
  const thresholds = resolved.definition.thresholds;
  const months = monthsEnding(month, thresholds.interview_months);
  const ranked = await Promise.all(months.map(rank));
  const current = ranked[ranked.length - 1];
  const earlier = ranked.map((r) => new Map(r.rows.map((row) => [row.code, row.composite])));
  const out: DerivedProposal[] = [];
  for (const row of current.rows) {
    // A month in which the subject was not ranked (not yet posted, not yet an area) breaks the run.
    const history = months.flatMap((m, i) =>
      earlier[i].has(row.code) ? [{ month: m, composite: earlier[i].get(row.code)! }] : [],
    );
    const run = history.length === months.length ? history : history.slice(-1);
    const measure = measureOf(run, thresholds);
    if (!measure) continue;
    const result = current.results.get(row.code)!;
    out.push({
      id: proposalId(month, within, scheme, kind, row.code, measure),
      month,
      within,
      scheme,
      subject_kind: kind,
      code: row.code,
      name: row.name,
      measure,
      figures: {
        composite: row.composite,
        rank: row.rank,
        ranked: current.rows.length,
        lagging: row.lagging,
        problems: row.problems,
        indicators: Object.fromEntries(
          Object.entries(result.indicators).map(([n, r]) => [
            n,
            { value: r.value, score: r.score, no_data: r.no_data },
          ]),
        ),
        history,
        thresholds,
        scheme_version: resolved.version,
      },
    });
  }
  return out;
}
