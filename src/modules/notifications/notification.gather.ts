/**
 * Gathers a notification's facts for an area's children in a month: the overview at the end of
 * the month, each scheme's ranking with its change, the area's own composites, problems with
 * their values and streaks (continued from the notice of the month before), commendations and
 * the state of supervision on the document's date.
 */
import type { Database } from '../../db/database.ts';
import { AppError, coded } from '../../shared/errors.ts';
import type { AssessmentService } from '../assessment/assessment.service.ts';
import type { SchemeName, SchemeResult } from '../assessment/domain/index.ts';
import { previousMonth } from '../assessment/month.ts';
import { overviewOf } from '../overview/overview.repository.ts';
import { supervisionState } from '../supervision/tasks.service.ts';
import type { Lang } from '#core/documents/document.ts';
import { addDays } from './document/dates.ts';
import { boundariesWithin } from '../maps/boundaries.service.ts';
import { compositeMapSvg } from '../maps/document-map.ts';
import { endOfMonth as lastDayOf } from '#core/calendar/month.ts';
import type { NotificationFacts, SchemeRanking } from './notification.facts.ts';
import type { NotificationContent } from './notification.compose.ts';
import { commendedOf, problemKey, problemsOf } from './notification.select.ts';
import { distributionOf, issuerOf, type NotificationSettings } from './notification.settings.ts';
import { currentNotification, getNotification } from './notifications.repository.ts';

/** Construction first: the monthly progress ranking leads the notice. */
export const NOTICE_SCHEMES: SchemeName[] = ['construction', 'performance'];

export interface NoticeRequest {
  area: string;
  month: string;
  lang: Lang;
  /** The document's date, YYYY-MM-DD. */
  date: string;
  /** By when problems are rectified; default: the date plus the setting's days. */
  deadline?: string;
  /** Who signed the document for issue (签发人). */
  signer?: string;
}

export async function gatherFacts(
  db: Database,
  assessment: AssessmentService,
  settings: NotificationSettings,
  q: NoticeRequest,
): Promise<NotificationFacts> {
  const area = await assessment.areas.area(q.area);
  const tree = await assessment.areas.tree();
  const children = tree.children.childrenOf(q.area);
  if (children.length === 0) throw new AppError('nothing_to_rank', { area: q.area, name: area.name });
  if (q.date < lastDayOf(q.month))
    throw new AppError('notification_date_early', { month: q.month, last: lastDayOf(q.month), date: q.date });
  if (q.deadline !== undefined && q.deadline <= q.date)
    throw new AppError('invalid_input', {
      issues: [{ at: 'deadline', ...coded('notification_deadline_early', { date: q.date, deadline: q.deadline }) }],
    });

  const previous = await previousProblems(db, q.area, previousMonth(q.month));
  const rankings: SchemeRanking[] = [];
  const maps: NotificationFacts['maps'] = {};
  const shapes = boundariesWithin(tree, q.area);
  const problems: NotificationFacts['problems'] = [];
  const commended: NotificationFacts['commended'] = [];
  for (const scheme of NOTICE_SCHEMES) {
    const rows = await assessment.rankings(q.area, q.month, scheme);
    const own = await assessment.indicators(q.area, q.month, scheme);
    const before = await assessment.indicators(q.area, previousMonth(q.month), scheme);
    rankings.push({ scheme, rows, composite: own.composite, previous_composite: before.composite });
    const map = compositeMapSvg(shapes, rows, q.lang);
    if (map) maps[scheme] = map;
    const results = new Map<string, SchemeResult>();
    for (const r of rows) if (r.lagging) results.set(r.code, await assessment.indicators(r.code, q.month, scheme));
    problems.push(...problemsOf(await assessment.schemeFor(scheme, q.month), rows, results, previous));
    commended.push(...commendedOf(scheme, rows, settings.commend_top, settings.commend_composite));
  }

  const issuer = issuerOf(settings, area, q.lang);
  const distribution = distributionOf(settings, area.level, q.lang);
  return {
    lang: q.lang,
    area: { code: area.code, name: area.name, level: area.level },
    child_level: mostCommon(children.map((c) => tree.areas.get(c)!.level)),
    month: q.month,
    date: q.date,
    deadline: q.deadline ?? addDays(q.date, settings.deadline_days),
    number: null,
    issuer: { name: issuer.name, mark: issuer.mark, printer: issuer.printer },
    recipients: distribution.recipients,
    copy_to: distribution.copy_to,
    overview: await overviewOf(db.kysely, q.area, lastDayOf(q.month)),
    rankings,
    maps,
    problems,
    commended,
    supervision: await supervisionState(db, q.area, q.date),
    correction: null,
    signer: q.signer ?? null,
    provisional: await isProvisional(assessment, q.month, [q.area, ...children]),
    commend_top: settings.commend_top,
    commend_composite: settings.commend_composite,
  };
}

/** Whether any of the notice's areas (its own, the children it ranks) has no lock on the month. */
async function isProvisional(assessment: AssessmentService, month: string, codes: string[]): Promise<boolean> {
  const locks = await assessment.locks(month);
  return codes.some((c) => locks.rootOf(c) === null);
}

/** The problems of the standing notice of the month before, keyed for streaks. */
async function previousProblems(db: Database, area: string, month: string): Promise<Map<string, number>> {
  const entry = await currentNotification(db.kysely, area, month);
  if (!entry) return new Map();
  const row = await getNotification(db.kysely, Number(entry.id));
  const content = JSON.parse(row!.content) as NotificationContent;
  return new Map(content.problems.map((p) => [problemKey(p), p.streak]));
}

/** The value that occurs most often (the smallest of those tied). */
export function mostCommon(values: string[]): string {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0][0];
}
