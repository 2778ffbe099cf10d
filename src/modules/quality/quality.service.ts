/**
 * The data-quality report of an area's subtree for a month: records placed nowhere, empty
 * surveys, villages without survey data, the public form's answers beside the survey records, and implausible data
 * (a unit's answers all alike, more visits in a day than an officer can make, indicators that
 * jump from the month before). Lists are capped at `limit`, each with its full count.
 *
 * @example const report = await qualityReport(assessment, '510000000000', '2019-06');
 */
import type { AppContext } from '../app-context.ts';
import { requireAccess, type Actor } from '../accounts/access.ts';
import { auditPeopleRead } from '../officers/people-read.ts';
import type { AssessmentService } from '../assessment/assessment.service.ts';
import type { SchemeName } from '../assessment/domain/index.ts';
import { parseMonth, previousMonth } from '../assessment/month.ts';
import { allAlike, jumpOf } from './domain/jumps.ts';
import { QUALITY_LIMITS, type QualityLimits } from './domain/limits.ts';
import {
  answerSpread,
  busyDays,
  emptySurveys,
  onlinePastCap,
  surveysByChannel,
  unplacedRecords,
  villagesWithoutSurveys,
  type AnswerSpreadRow,
  type ChannelRow,
  type EmptySurveyRow,
  type UnplacedRow,
} from './quality.repository.ts';

export interface Listed<T> {
  total: number;
  items: T[];
}

export interface Jump {
  area: string;
  name: string;
  scheme: SchemeName;
  indicator: string;
  direction: 'up' | 'down';
  previous: { value: number; denominator: number };
  current: { value: number; denominator: number };
}

type ChannelFigures = Omit<ChannelRow, 'online'>;

export interface QualityReport {
  area: string;
  month: string;
  limits: QualityLimits;
  unplaced: Listed<UnplacedRow>;
  empty_surveys: Listed<EmptySurveyRow>;
  villages_without_surveys: Listed<{ code: string; name: string }> & { villages: number };
  /** Online answers past a community's daily cap: taken, but a flood is likely (issue 16). */
  online_surveys: { online: ChannelFigures; other: ChannelFigures; past_cap: number };
  implausible: {
    identical_answers: Listed<Omit<AnswerSpreadRow, 'distinct_answers'>>;
    busy_days: Listed<{ badge: string; date: string; visits: number }>;
    jumps: Listed<Jump>;
  };
}

const SCHEMES: SchemeName[] = ['performance', 'construction'];

/** The data-quality report as an actor asks for it: it names records and badges, so only within the actor's own subtree. */
export async function qualityFor(
  ctx: Pick<AppContext, 'db' | 'areas' | 'assessment'>,
  actor: Actor,
  q: { area: string; month: string; limit: number },
): Promise<QualityReport> {
  await requireAccess(ctx.areas, actor.scope, 'area.records', q.area);
  const report = await qualityReport(ctx.assessment, q.area, q.month, q.limit);
  // Unplaced records and busy days name officers by badge: a read of people, as the records behind a figure are.
  const badges = [...report.unplaced.items, ...report.implausible.busy_days.items].map((r) => r.badge);
  if (badges.length > 0)
    await auditPeopleRead(ctx.db, actor.who, `quality of ${q.area}`, { month: q.month, badges: [...new Set(badges)] });
  return report;
}

export async function qualityReport(
  assessment: AssessmentService,
  area: string,
  month: string,
  limit = 100,
  limits = QUALITY_LIMITS,
): Promise<QualityReport> {
  const m = parseMonth(month);
  const info = await assessment.areas.area(area);
  const db = assessment.db;
  const cap = <T>(rows: T[]): Listed<T> => ({ total: rows.length, items: rows.slice(0, limit) });
  const tree = await assessment.areas.tree();
  const villages = [...(await descendants(assessment, area))].filter(
    (code) => tree.areas.get(code)?.level === 'village',
  ).length;
  const channels = await surveysByChannel(db, area, m);
  const channel = (online: number): ChannelFigures => {
    const { online: _, ...rest } = channels.find((c) => c.online === online) ?? {
      online,
      surveys: 0,
      knows_answered: 0,
      knows_yes: 0,
      satisfaction_answered: 0,
      satisfied: 0,
    };
    return rest;
  };
  const spread = await answerSpread(db, area, m);
  return {
    area,
    month,
    limits,
    unplaced: cap(await unplacedRecords(db, area, m, info.parent_code === null)),
    empty_surveys: cap(await emptySurveys(db, area, m)),
    villages_without_surveys: { ...cap(await villagesWithoutSurveys(db, area, m)), villages },
    online_surveys: { online: channel(1), other: channel(0), past_cap: await onlinePastCap(db, area, m) },
    implausible: {
      identical_answers: cap(
        spread.filter((r) => allAlike(r.answers, r.distinct_answers, limits)).map(({ distinct_answers: _, ...r }) => r),
      ),
      busy_days: cap(await busyDays(db, area, m, limits.max_visits_per_day)),
      jumps: cap(await jumps(assessment, area, month, limits)),
    },
  };
}

/** The area and every area below it. */
async function descendants(assessment: AssessmentService, area: string): Promise<Set<string>> {
  const tree = await assessment.areas.tree();
  const out = new Set<string>([area]);
  const queue = [area];
  while (queue.length > 0) {
    for (const child of tree.children.childrenOf(queue.pop()!)) {
      if (out.has(child)) continue;
      out.add(child);
      queue.push(child);
    }
  }
  return out;
}

/** Indicators of the area and every area below it that jumped since the month before. */
async function jumps(
  assessment: AssessmentService,
  area: string,
  month: string,
  limits: QualityLimits,
): Promise<Jump[]> {
  const tree = await assessment.areas.tree();
  const before = previousMonth(month);
  const codes = [...(await descendants(assessment, area))].sort();
  const out: Jump[] = [];
  for (const name of SCHEMES) {
    const scheme = await assessment.schemeFor(name, month);
    const schemeBefore = await assessment.schemeFor(name, before);
    const now = (await assessment.computed(scheme, month)).totals;
    const then = (await assessment.computed(schemeBefore, before)).totals;
    for (const code of codes) {
      for (const def of scheme.indicators) {
        const observe = (f: { numerator: number; denominator: number } | undefined) => ({
          value: f && f.denominator !== 0 ? (def.scale * f.numerator) / f.denominator : null,
          denominator: f?.denominator ?? 0,
        });
        const a = observe(then.get(code)?.[def.name]);
        const b = observe(now.get(code)?.[def.name]);
        const direction = jumpOf(a, b, limits);
        if (direction && a.value !== null && b.value !== null)
          out.push({
            area: code,
            name: tree.areas.get(code)!.name,
            scheme: name,
            indicator: def.name,
            direction,
            previous: { value: a.value, denominator: a.denominator },
            current: { value: b.value, denominator: b.denominator },
          });
      }
    }
  }
  return out;
}
