/**
 * Gathers an annual summary's facts from the overview (the year's last day and the one before),
 * the assessment (every month of the year), funds, equipment, postings, the five problems and the
 * notifications issued.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { AppError } from '../../shared/errors.ts';
import type { AssessmentService } from '../assessment/assessment.service.ts';
import { STANDARD_KIT } from '#core/kinds/kind.ts';
import type { Lang } from '#core/documents/document.ts';
import { isOverdue } from '#core/supervision/task-status.ts';
import { mostCommon, NOTICE_SCHEMES } from '../notifications/notification.gather.ts';
import { issuerOf, type NotificationSettings } from '../notifications/notification.settings.ts';
import { overviewOf } from '../overview/overview.repository.ts';
import { fiveProblemsOf } from './five-problems.service.ts';
import type { CountyFunds, FundsFacts, Money, SchemeYear, SummaryFacts } from './summary.facts.ts';
import { fundsByRecipient, noticesOfYear, postingsStarted, roomsHolding } from './summary.repository.ts';
import { boundariesWithin } from '../maps/boundaries.service.ts';
import { compositeMapSvg } from '../maps/document-map.ts';

export interface SummaryRequest {
  area: string;
  year: number;
  lang: Lang;
  /** The document's date. */
  date: string;
}

export const monthsOf = (year: number) =>
  Array.from({ length: 12 }, (_, i) => `${year}-${String(i + 1).padStart(2, '0')}`);

export async function gatherSummary(
  db: Kysely<DB>,
  assessment: AssessmentService,
  settings: NotificationSettings,
  q: SummaryRequest,
): Promise<SummaryFacts> {
  const area = await assessment.areas.area(q.area);
  const tree = await assessment.areas.tree();
  if (q.year < 1900 || q.year > 9999) throw new AppError('year_invalid', { value: q.year });
  const end = `${q.year}-12-31`;
  const children = tree.children.childrenOf(q.area);
  const levels = children.map((c) => tree.areas.get(c)!.level);

  const assessmentYear: SchemeYear[] = [];
  for (const scheme of NOTICE_SCHEMES) {
    const monthly: SchemeYear['monthly'] = [];
    const ranks = new Map(
      children.map((c) => [
        c,
        { code: c, name: tree.areas.get(c)!.name, ranks: [] as (number | null)[], lagging_months: 0 },
      ]),
    );
    let ranking: SchemeYear['ranking'] = [];
    for (const month of monthsOf(q.year)) {
      monthly.push({ month, composite: (await assessment.indicators(q.area, month, scheme)).composite });
      ranking = children.length ? await assessment.rankings(q.area, month, scheme) : [];
      const byCode = new Map(ranking.map((r) => [r.code, r]));
      for (const child of ranks.values()) {
        const row = byCode.get(child.code);
        child.ranks.push(row?.rank ?? null);
        if (row?.lagging) child.lagging_months++;
      }
    }
    assessmentYear.push({
      scheme,
      indicators: (await assessment.schemeFor(scheme, `${q.year}-12`)).indicators,
      december: await assessment.indicators(q.area, `${q.year}-12`, scheme),
      monthly,
      children: [...ranks.values()],
      ranking,
      map: ranking.length ? compositeMapSvg(boundariesWithin(tree, q.area), ranking, q.lang) : null,
    });
  }

  const kit = await roomsHolding(db, q.area, end);
  const notices = await noticesOfYear(db, q.area, q.year);
  return {
    lang: q.lang,
    year: q.year,
    date: q.date,
    area: { code: area.code, name: area.name, level: area.level },
    issuer: issuerOf(settings, area, q.lang).name,
    child_level: levels.length ? mostCommon(levels) : area.level,
    standing: await overviewOf(db, q.area, end),
    before: await overviewOf(db, q.area, `${q.year - 1}-12-31`),
    funds: await fundsFacts(db, q.area, q.year, (code) => tree.areas.get(code)),
    kit: { items: Object.fromEntries(STANDARD_KIT.map((item) => [item, kit.get(item) ?? 0])) },
    assessment: assessmentYear,
    reform: { started: Object.fromEntries([...(await postingsStarted(db, q.area, `${q.year}-01-01`, end))]) },
    five: await fiveProblemsOf(db, assessment, q.area, end),
    supervision: {
      notices: notices.notices.map((n) => ({ month: n.month, number: n.number })),
      tasks: notices.tasks.length,
      rectified: notices.tasks.filter((t) => t.status === 'rectified' || t.status === 'verified').length,
      verified: notices.tasks.filter((t) => t.status === 'verified').length,
      overdue: notices.tasks.filter((t) => isOverdue(t.status, t.deadline, end)).length,
    },
  };
}

type AreaLookup = (
  code: string,
) => { code: string; name: string; level: string; parent_code: string | null } | undefined;

/** The year's funds by the county they went to (the county itself, or a township below it) and by level. */
async function fundsFacts(db: Kysely<DB>, area: string, year: number, lookup: AreaLookup): Promise<FundsFacts> {
  const rows = await fundsByRecipient(db, area, `${year}-01-01`, `${year}-12-31`);
  const zero = (): Money & { recipients: number } => ({ allocated_fen: 0, paid_fen: 0, recipients: 0 });
  const facts: FundsFacts = { counties: [], county_level: zero(), township_level: zero(), other_level: zero() };
  const counties = new Map<string, CountyFunds>();
  for (const r of rows) {
    const bucket =
      r.level === 'county' ? facts.county_level : r.level === 'township' ? facts.township_level : facts.other_level;
    bucket.allocated_fen += r.allocated_fen;
    bucket.paid_fen += r.paid_fen;
    bucket.recipients++;
    const county = countyOf(r.recipient_code, lookup);
    if (!county) continue;
    let entry = counties.get(county.code);
    if (!entry)
      counties.set(
        county.code,
        (entry = {
          code: county.code,
          name: county.name,
          county: { allocated_fen: 0, paid_fen: 0 },
          townships: { allocated_fen: 0, paid_fen: 0, recipients: 0 },
        }),
      );
    const target = r.recipient_code === county.code ? entry.county : entry.townships;
    target.allocated_fen += r.allocated_fen;
    target.paid_fen += r.paid_fen;
    if (target === entry.townships) entry.townships.recipients++;
  }
  facts.counties = [...counties.values()].sort((a, b) => (a.code < b.code ? -1 : 1));
  return facts;
}

/** The county an area is or lies in. */
function countyOf(code: string, lookup: AreaLookup) {
  for (let a = lookup(code); a; a = a.parent_code ? lookup(a.parent_code) : undefined)
    if (a.level === 'county') return a;
  return undefined;
}
