import type { Phrases } from './notification.phrases.ts';
import type { Problem } from './notification.facts.ts';
import { indicatorLabel, indicatorValue, schemeLabel } from './indicator-labels.ts';
import { writtenDate, writtenMonth } from './document/dates.ts';
import { endOfMonth } from '#core/calendar/month.ts';
import { COMPOSITE } from './notification.select.ts';
import { PASSING_SCORE } from '#core/assessment/ranking.ts';

const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X'];
const score = (n: number) => n.toFixed(2);
const change = (d: number | null) => {
  if (d === null) return 'not ranked the month before';
  const r = Number(d.toFixed(2));
  return r > 0
    ? `up ${r.toFixed(2)} on the month before`
    : r < 0
      ? `down ${(-r).toFixed(2)} on the month before`
      : 'unchanged on the month before';
};
const named = (items: { name: string; composite: number }[]) =>
  items.map((r) => `${r.name} (${score(r.composite)})`).join(', ');
const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

export const EN: Phrases = {
  title: (f) =>
    `Notification on Community and Rural Policing in ${f.area.name}, ${writtenMonth(f.month, 'en')}${f.correction ? ' (Correction)' : ''}`,
  recipients: (list) => `${list.join('; ')}:`,
  provisional:
    '(Provisional: the figures of this notification are not all locked yet and may still change; the locked figures prevail.)',
  correction: (c) =>
    `This notification corrects notification ${c.number} (reason: ${c.reason}), which is withdrawn; this notification stands in its place.`,
  intro: (f, n) =>
    `To advance the building of community and rural policing across ${n.scope}, and under the rules of the monthly construction progress ranking and the assessment of community and resident officers, ${f.issuer.name} has assessed and ranked ${n.children} for ${writtenMonth(f.month, 'en')}. The results are notified as follows.`,
  numeral: (i) => `${ROMAN[i]}. `,
  subNumeral: (i) => `(${i + 1}) `,
  heads: {
    basics: 'Overview',
    rankings: 'Rankings',
    commendations: 'Commendations',
    problems: 'Problems',
    supervision: 'Supervision of rectification',
    requirements: 'Requirements',
  },
  overview: (f, n) => {
    const o = f.overview;
    return (
      `As of ${writtenDate(endOfMonth(f.month), 'en')}, ${n.scope} had ${o.units.community_room} community police rooms with ${o.officers.community} community officers, ` +
      `${o.units.rural_office} rural police offices with ${o.officers.resident} resident officers, and ${o.units.station} police stations; ` +
      `${o.patrols.full_time.teams} full-time community patrol teams with ${o.patrols.full_time.members} members, and ${o.patrols.volunteer.teams} volunteer group-defence teams with ${o.patrols.volunteer.members} members. ` +
      `Of the staff in post, ${o.origins.agency_transfer} officers were transferred from agencies, ${o.origins.new_recruit} are new recruits, and ${o.origins.civilian_hire} are civilian hires.`
    );
  },
  composites: (f, n) =>
    `In ${n.scope}, the composite is ${f.rankings
      .map(
        (r) =>
          `${score(r.composite)} in ${schemeLabel(r.scheme, 'en', true)} (${change(r.previous_composite === null ? null : r.composite - r.previous_composite)})`,
      )
      .join(' and ')}.`,
  rankingHeading: (scheme) => `Ranking: ${schemeLabel(scheme, 'en')}`,
  rankingSummary: (r) => {
    const n = r.rows.length;
    if (n === 0) return 'No area was ranked this month.';
    const top = r.rows.slice(0, Math.min(3, Math.ceil(n / 2)));
    const bottom = r.rows.slice(n - Math.min(3, Math.floor(n / 2)));
    const parts = [`At the top: ${named(top)}`];
    if (bottom.length) parts.push(`at the bottom: ${named(bottom)}`);
    const rose = r.rows.filter((x) => (x.rank_change ?? 0) > 0).map((x) => `${x.name} (up ${x.rank_change})`);
    const fell = r.rows.filter((x) => (x.rank_change ?? 0) < 0).map((x) => `${x.name} (down ${-x.rank_change!})`);
    const moves = [rose.length ? `rose: ${rose.join(', ')}` : '', fell.length ? `fell: ${fell.join(', ')}` : ''].filter(
      Boolean,
    );
    return `${parts.join('; ')}. Against the month before, ${moves.length ? moves.join('; ') : 'no area changed its rank'}.`;
  },
  rankingCaption: (f, scheme) => `${capital(schemeLabel(scheme, 'en'))}, ${writtenMonth(f.month, 'en')}`,
  mapCaption: (f, scheme) =>
    `Composite scores of the ${schemeLabel(scheme, 'en')}, ${writtenMonth(f.month, 'en')} (lagging areas outlined in red)`,
  rankingColumns: {
    rank: 'Rank',
    area: 'Area',
    composite: 'Composite',
    rankChange: 'Rank change',
    compositeChange: 'Composite change',
    lagging: 'Lagging',
    problems: 'Problems',
  },
  yes: 'yes',
  list: (items) => items.join(', '),
  commendations: (f) => {
    if (f.commended.length === 0)
      return `No area ranked in the top ${f.commend_top} without lagging, or scored ${f.commend_composite} or more, this month; there is no commendation.`;
    const by = f.rankings
      .map((r) => ({ scheme: r.scheme, items: f.commended.filter((c) => c.scheme === r.scheme) }))
      .filter((x) => x.items.length);
    const text = by
      .map(
        (x) =>
          `in ${schemeLabel(x.scheme, 'en', true)}, ${x.items.map((c) => `${c.name} (rank ${c.rank}, ${score(c.composite)})`).join(', ')}`,
      )
      .join('; ');
    return `${capital(text)}. These areas are commended for their results and encouraged to keep their lead.`;
  },
  laggingIntro: `An area lags when its composite is under ${PASSING_SCORE}, it ranks in the last three, or an indicator has no data; its problems are the indicators scoring under ${PASSING_SCORE}. The lagging areas of the month and their problems:`,
  noLagging: 'No area lags this month.',
  problemsHeading: (scheme) => capital(schemeLabel(scheme, 'en', true)),
  laggingArea: (problems) => {
    const first = problems[0];
    return `${first.area_name} (rank ${first.rank}, composite ${score(first.composite)}): ${problems.map(problemPhrase).join('; ')}.`;
  },
  repeats: (problems) =>
    `Of these, ${problems.length} ${problems.length === 1 ? 'problem has' : 'problems have'} been notified two months running or more: ${problems.map((p) => `${p.area_name} ${indicatorLabel(p.indicator, 'en')} (${p.streak} months)`).join(', ')}. They will be supervised first.`,
  problemCaption: (f) => `Problems of the lagging areas, ${writtenMonth(f.month, 'en')}`,
  problemColumns: {
    area: 'Area',
    scheme: 'Assessment',
    indicator: 'Indicator',
    value: 'Value',
    target: 'Target',
    score: 'Score',
    streak: 'Months running',
  },
  schemeShort: (scheme) => schemeLabel(scheme, 'en', true),
  indicator: (name) => indicatorLabel(name, 'en'),
  value: (indicator, value) => indicatorValue(indicator, value, 'en'),
  target: (indicator, target) =>
    indicator === 'crime_rate'
      ? `at most ${indicatorValue(indicator, target, 'en')}`
      : indicatorValue(indicator, target, 'en'),
  supervision: (s, f, n) =>
    `As of ${writtenDate(f.date, 'en')}, ${s.total} rectification tasks had been issued in ${n.scope}: ${s.rectified + s.verified} rectified (${s.verified} of them verified), ${s.in_progress} in progress and ${s.open} not yet started. ` +
    (s.overdue.length
      ? `${s.overdue.length} ${s.overdue.length === 1 ? 'is' : 'are'} past the deadline, listed below; the areas concerned must rectify them at once.`
      : 'None is past its deadline.'),
  overdueCaption: 'Rectification tasks past their deadline',
  overdueColumns: {
    area: 'Area',
    indicator: 'Problem',
    number: 'Notification',
    deadline: 'Deadline',
    days: 'Days overdue',
    leader: 'Responsible leader',
  },
  requirements: (f, n) => [
    '(1) Take the work seriously and hold people to it. Every area is to treat community and rural policing as a priority of its grassroots work, with the head of the organ in charge and a named deputy running it, and responsibility set at every level.',
    `(2) Rectify the notified problems within the deadline. Every area named above is to find the causes of each problem, set out measures, a responsible leader and a date, and report the rectification in writing to ${f.issuer.name} by ${writtenDate(f.deadline, 'en')}. Where a problem is not rectified in time or is notified again, the officials responsible will be called to account.`,
    '(3) Move officers down to the rooms. Keep transferring agency officers and placing new recruits in community rooms and rural offices, replace officers in non-enforcement posts with civilian hires, and see that every room has at least one community or resident officer in post.',
    '(4) Build rooms to the standard, and fund and equip them. Build and run every room to the standard of the seven aspects, pay construction funds in full and on time, and equip every room with the standard kit: a computer, a motorcycle and a work kit.',
    `(5) Assess strictly and act on the results. ${capital(n.scope)} will keep ranking and notifying every month and count community and rural policing in the evaluation of police work, commending good results and holding those who lag for long to account.`,
  ],
  date: (day) => writtenDate(day, 'en'),
  printed: (day) => `Printed ${writtenDate(day, 'en')}`,
};

function problemPhrase(p: Problem): string {
  const repeat = p.streak >= 2 ? `, notified ${p.streak} months running` : '';
  if (p.indicator === COMPOSITE) return `composite ranked at the bottom${repeat}`;
  if (p.value === null) return `${indicatorLabel(p.indicator, 'en')}: no data reported${repeat}`;
  const target =
    p.indicator === 'crime_rate'
      ? `at most ${indicatorValue(p.indicator, p.target, 'en')}`
      : indicatorValue(p.indicator, p.target, 'en');
  return `${indicatorLabel(p.indicator, 'en')} ${indicatorValue(p.indicator, p.value, 'en')} (target ${target}, score ${p.score!.toFixed(2)})${repeat}`;
}
