/**
 * Front-line officers scored with the `officer` scheme of the month's year and ranked within an
 * area's subtree (officers whose unit at the end of the month is in it), with the change against
 * the month before.
 */
import { AppError } from '../../shared/errors.ts';
import {
  type Scheme,
  evaluateScheme,
  rankUnder,
  sampledFigures,
  withChange,
  type SampledFigure,
  type Figures,
  type RankingRowWithChange,
  type SchemeResult,
} from './domain/index.ts';
import type { AssessmentService } from './assessment.service.ts';
import { frontLineAtEnd, officerFigures, type OfficerAtEnd } from './officer-figures.repository.ts';
import { parseMonth, previousMonth } from './month.ts';
import { isWithinArea } from '../areas/area-tree.ts';

export type OfficerRankingRow = RankingRowWithChange & {
  unit_code: string;
  area_code: string;
  /** Each figure with its denominator (the sample size) and whether it is a small sample. */
  indicators: Record<string, SampledFigure>;
};

export interface OfficerResult extends SchemeResult {
  badge: string;
  month: string;
}

export class OfficerAssessment {
  constructor(private readonly assessment: AssessmentService) {}

  figures(month: string): Promise<Map<string, Figures>> {
    const m = parseMonth(month);
    return this.assessment.cached(`officer:figures:${month}`, () => officerFigures(this.assessment.db, m));
  }

  atEnd(month: string): Promise<OfficerAtEnd[]> {
    const m = parseMonth(month);
    return this.assessment.cached(`officer:at-end:${month}`, () => frontLineAtEnd(this.assessment.db, m));
  }

  /** The officer's name and, when posted front-line at the end of the month, its unit and area. */
  async officer(
    badge: string,
    month: string,
  ): Promise<{ badge: string; name: string; unit_code: string | null; area_code: string | null }> {
    const posted = (await this.atEnd(month)).find((o) => o.badge === badge);
    if (posted) return posted;
    const any = await this.assessment.db
      .selectFrom('officers')
      .select(['badge', 'name'])
      .where('badge', '=', badge)
      .where('voided_at', 'is', null)
      .orderBy('start_date', 'desc')
      .executeTakeFirst();
    if (!any) throw new AppError('officer_not_found', { badge });
    return { ...any, unit_code: null, area_code: null };
  }

  async result(badge: string, month: string): Promise<OfficerResult> {
    const scheme = await this.assessment.schemeFor('officer', month);
    return { badge, month, ...evaluateScheme(scheme, (await this.figures(month)).get(badge) ?? {}) };
  }

  /**
   * `preview`: edited settings of the officer scheme for the month's year, as if saved (the month
   * before keeps its own year's scheme when it falls in another year, as it would after saving).
   */
  async rankings(within: string, month: string, preview?: Scheme<'officer'>): Promise<OfficerRankingRow[]> {
    await this.assessment.areas.area(within);
    const before = previousMonth(month);
    const sameYear = before.slice(0, 4) === month.slice(0, 4);
    const current = await this.rankOnce(within, month, preview);
    const previous = await this.rankOnce(within, before, sameYear ? preview : undefined);
    const placed = new Map((await this.atEnd(month)).map((o) => [o.badge, o]));
    const scheme = preview ?? (await this.assessment.schemeFor('officer', month));
    return withChange(current.rows, previous.rows).map((row) => ({
      ...row,
      unit_code: placed.get(row.code)!.unit_code,
      area_code: placed.get(row.code)!.area_code,
      indicators: sampledFigures(scheme, current.results.get(row.code)!),
    }));
  }

  /** The officers of `within`'s subtree ranked for a month, with each one's full result. */
  ranked(within: string, month: string) {
    return this.rankOnce(within, month);
  }

  private async rankOnce(within: string, month: string, preview?: Scheme<'officer'>) {
    const scheme = preview ?? (await this.assessment.schemeFor('officer', month));
    const tree = await this.assessment.areas.tree();
    const figures = await this.figures(month);
    const subjects = (await this.atEnd(month))
      .filter((o) => isWithinArea(tree, o.area_code, within))
      .map((o) => ({ code: o.badge, name: o.name, figures: figures.get(o.badge) ?? {} }));
    return rankUnder(scheme, subjects);
  }
}
