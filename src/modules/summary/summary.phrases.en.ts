import type { SummaryPhrases } from './summary.phrases.ts';
import type { SchemeYear } from './summary.facts.ts';
import { indicatorLabel, indicatorValue, schemeLabel } from '../notifications/indicator-labels.ts';
import { percent } from '#core/documents/format-cell.ts';
import { writtenDate } from '../notifications/document/dates.ts';
import type { Measure } from './five-problems.ts';
import { laggingInDecember, lowestOf, movers, reached } from './summary.select.ts';
import { PASSING_SCORE } from '#core/assessment/ranking.ts';

const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X'];
const yuan = (fen: number) =>
  `${(fen / 100).toLocaleString('en', { minimumFractionDigits: 2, maximumFractionDigits: 2 })} yuan`;
const pts = (n: number) => n.toFixed(2);
const share = (m: Measure) => (m.value === null ? 'no data' : `${percent(m.value)} (${m.numerator}/${m.denominator})`);
const delta = (d: number, unit: string) => (d > 0 ? `up ${d} ${unit}` : d < 0 ? `down ${-d} ${unit}` : 'unchanged');
const named = (rows: { name: string; composite: number }[]) =>
  rows.map((r) => `${r.name} (${pts(r.composite)})`).join(', ');
const list = (items: string[]) => (items.length ? items.join(', ') : 'none');
const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

export const SUMMARY_EN: SummaryPhrases = {
  title: (f) => `Community and Rural Policing in ${f.area.name}: Work Summary for ${f.year}`,
  intro: (f, n) =>
    `In ${f.year} the public security organs of ${n.scope} made community and rural policing a priority of their grassroots work: ranking every month, notifying the areas that lagged, supervising rectification, moving officers down to the rooms, building premises and reforming how the police work. This summary reports the year.`,
  numeral: (i) => `${ROMAN[i]}. `,
  subNumeral: (i) => `(${i + 1}) `,
  heads: {
    basics: 'Where things stand',
    funds: 'Funds and equipment',
    assessment: 'Rankings and assessment results',
    reform: 'Reform of police work',
    five: 'The five problems',
    supervision: 'Notifications and supervision',
    next: 'Next year',
  },
  standing: (f, n) => {
    const o = f.standing;
    return (
      `On 31 December ${f.year}, ${n.scope} had ${o.units.community_room} community police rooms with ${o.officers.community} community officers, ${o.units.rural_office} rural police offices with ${o.officers.resident} resident officers, ` +
      `${o.units.station} police stations and ${o.units.bureau} county-level bureaus; ${o.patrols.full_time.teams} full-time community patrol teams with ${o.patrols.full_time.members} members, and ${o.patrols.volunteer.teams} volunteer group-defence teams with ${o.patrols.volunteer.members} members.`
    );
  },
  growth: (f) => {
    const [o, b] = [f.standing, f.before];
    return (
      `Against the end of the year before, community rooms are ${delta(o.units.community_room - b.units.community_room, 'rooms')}, rural offices ${delta(o.units.rural_office - b.units.rural_office, 'offices')}, ` +
      `community and resident officers ${delta(o.officers.community + o.officers.resident - b.officers.community - b.officers.resident, 'officers')}, ` +
      `and patrol and group-defence members ${delta(o.patrols.full_time.members + o.patrols.volunteer.members - b.patrols.full_time.members - b.patrols.volunteer.members, 'members')}.`
    );
  },
  standingCaption: (f) => `End of ${f.year} against the end of ${f.year - 1}`,
  standingColumns: { item: 'Item', before: 'Year before', now: 'Year end', change: 'Change' },
  standingRows: {
    community_room: 'Community police rooms',
    rural_office: 'Rural police offices',
    station: 'Police stations',
    community: 'Community officers',
    resident: 'Resident officers',
    full_time: 'Full-time patrol teams',
    full_time_members: 'Patrol members',
    volunteer: 'Volunteer group-defence teams',
    volunteer_members: 'Group-defence members',
  },
  funds: (f, n) => {
    const { county_level: c, township_level: t, other_level: o } = f.funds;
    if (c.recipients + t.recipients + o.recipients === 0)
      return `In ${f.year}, no construction funds were recorded for ${n.scope}.`;
    const parts: string[] = [];
    if (c.recipients)
      parts.push(
        `${yuan(c.allocated_fen)} of county-level construction funds were allocated to ${c.recipients} counties and districts (${yuan(c.allocated_fen / c.recipients)} each on average), of which ${yuan(c.paid_fen)} was paid`,
      );
    if (t.recipients)
      parts.push(
        `${yuan(t.allocated_fen)} of supporting funds to ${t.recipients} townships and streets (${yuan(t.allocated_fen / t.recipients)} each on average), of which ${yuan(t.paid_fen)} was paid`,
      );
    if (o.recipients)
      parts.push(`${yuan(o.allocated_fen)} to ${o.recipients} other recipients, of which ${yuan(o.paid_fen)} was paid`);
    const funds = f.assessment.find((s) => s.scheme === 'construction')!.december.indicators.funds_rate;
    return `In ${f.year}, ${parts.join('; ')}. At the year's end, ${indicatorValue('funds_rate', funds.value, 'en')} of all funds allocated had been paid.`;
  },
  equipment: (f) => {
    const e = f.assessment.find((s) => s.scheme === 'construction')!.december.indicators.equipment_rate;
    const k = f.kit.items;
    return `Of the ${e.denominator} rooms open at the year's end, ${k.computer ?? 0} had a computer, ${k.motorcycle ?? 0} a motorcycle and ${k.work_kit ?? 0} a work kit; ${e.numerator} held the whole standard kit, an equipment rate of ${indicatorValue('equipment_rate', e.value, 'en')}.`;
  },
  fundsCaption: (f) => `Construction funds allocated and paid in ${f.year} (10,000 yuan)`,
  fundsColumns: {
    county: 'County',
    countyAllocated: 'County allocated',
    countyPaid: 'County paid',
    townships: 'Townships',
    townshipAllocated: 'Townships allocated',
    townshipPaid: 'Townships paid',
    rate: 'Paid',
    total: 'Total',
  },
  schemeHeading: (scheme) => capital(schemeLabel(scheme, 'en')),
  schemeYear: (s, _f, n) => schemeYearEn(s, n.scope),
  ranksCaption: (s, f) => `Monthly ranks in ${schemeLabel(s.scheme, 'en')}, ${f.year}`,
  mapCaption: (s, f) =>
    `Composite scores of the ${schemeLabel(s.scheme, 'en')}, December ${f.year} (lagging areas outlined in red)`,
  ranksColumns: {
    area: 'Area',
    month: (m) => ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][m - 1],
    lagging: 'Months lagging',
  },
  resultsHeading: 'Results in December',
  results: (f, n) =>
    `${f.assessment
      .map((s) => {
        const rows = Object.entries(s.december.indicators);
        return `In December, the composite of ${n.scope} in ${schemeLabel(s.scheme, 'en', true)} was ${pts(s.december.composite)}; indicators at target: ${list(reached(s).map((x) => indicatorLabel(x, 'en')))}; scoring under ${PASSING_SCORE}: ${list(rows.filter(([, r]) => r.score < PASSING_SCORE).map(([x]) => indicatorLabel(x, 'en')))}`;
      })
      .join('. ')}.`,
  resultsCaption: (f) => `Indicators of ${f.area.name}, December ${f.year}`,
  resultsColumns: { scheme: 'Assessment', indicator: 'Indicator', value: 'December', target: 'Target', score: 'Score' },
  schemeShort: (scheme) => schemeLabel(scheme, 'en', true),
  indicator: (name) => indicatorLabel(name, 'en'),
  value: (indicator, value) => indicatorValue(indicator, value, 'en'),
  target: (indicator, target) =>
    indicator === 'crime_rate'
      ? `at most ${indicatorValue(indicator, target, 'en')}`
      : indicatorValue(indicator, target, 'en'),
  reform: (f, n) => {
    const o = f.standing.origins;
    const s = f.reform.started;
    return (
      `${capital(n.scope)} kept moving agency officers down to the stations and rooms, replacing officers in non-enforcement posts with civilian hires, and placing new recruits in community rooms and rural offices. At the year's end, ${o.agency_transfer} of the staff in post had been transferred from agencies, ${o.new_recruit} were new recruits and ${o.civilian_hire} civilian hires; ` +
      `in ${f.year} alone, ${s.agency_transfer ?? 0} agency officers were transferred, ${s.new_recruit ?? 0} recruits and ${s.civilian_hire ?? 0} civilians taken on.`
    );
  },
  five: (f, n) => {
    const p = f.five.problems;
    return (
      `Against the five problems of community and rural policing (no one to do the work, nowhere to work, not knowing how, no way to assess it, no way to keep officers), at the year's end ${n.scope} had: rooms staffed ${share(p.people)}; villages and communities covered ${share(p.premises)}; rooms to the standard ${share(p.working)}; ` +
      `rooms with records in December ${share(p.assessment)}; front-line officers two years or more in post ${share(p.retention)}, with a turnover of ${share(p.retention.turnover)} in the last twelve months.`
    );
  },
  fiveCaption: (f) => `The five problems at the end of ${f.year}`,
  fiveColumns: {
    area: 'Area',
    people: 'Staffed',
    premises: 'Covered',
    working: 'Standard',
    assessment: 'With records',
    retention: '2 years in post',
    turnover: 'Turnover',
    all: 'All',
  },
  supervision: (f, n) => {
    const s = f.supervision;
    if (s.notices.length === 0) return `No notification issued by ${f.issuer} for ${f.year} is on record.`;
    return `In ${f.year}, ${n.scope} issued ${s.notices.length} notifications (${s.notices[0].number} to ${s.notices[s.notices.length - 1].number}) and ${s.tasks} rectification tasks: ${s.rectified} rectified (${s.verified} of them verified), and ${s.overdue} past their deadline at the year's end.`;
  },
  next: (f) => {
    const lagging = laggingInDecember(f);
    const p = f.five.problems;
    const weakest = lowestOf(f);
    return [
      lagging.length
        ? `(1) Close the gaps. ${lagging.join(', ')} still lagged in December; their problems will be followed item by item, with officers sent to supervise on site where needed.`
        : '(1) Hold the gains. No area lagged in December; every indicator will still be followed month by month.',
      `(2) Build the premises. Coverage stood at ${share(p.premises)} and standardization at ${share(p.working)} at the year's end${weakest ? `, clearly lower in ${weakest}` : ''}; building will be sped up and every room run to the standard of the seven aspects.`,
      `(3) Keep the officers. ${share(p.retention)} of front-line officers have served two years or more; grassroots pay and promotion will be used so that officers want to work in the rooms and stay.`,
      `(4) Keep assessing and notifying. In ${f.year + 1} the monthly ranking and notification go on, every rectification with a responsible leader, and the results count in the year's evaluation.`,
    ];
  },
  date: (day) => writtenDate(day, 'en'),
};

function schemeYearEn(s: SchemeYear, scope: string): string {
  const jan = s.monthly[0].composite;
  const dec = s.monthly[11].composite;
  const avg = s.monthly.reduce((a, m) => a + m.composite, 0) / 12;
  const parts = [
    `The composite of ${scope} in ${schemeLabel(s.scheme, 'en', true)} went ${dec >= jan ? 'up' : 'down'} from ${pts(jan)} in January to ${pts(dec)} in December, averaging ${pts(avg)} a month.`,
  ];
  const n = s.ranking.length;
  if (n) {
    const top = s.ranking.slice(0, Math.min(3, Math.ceil(n / 2)));
    const bottom = s.ranking.slice(n - Math.min(3, Math.floor(n / 2)));
    parts.push(` In December, at the top: ${named(top)}${bottom.length ? `; at the bottom: ${named(bottom)}` : ''}.`);
    const { up, down } = movers(s);
    const moves = [
      up ? `${up.name} rose most (from ${up.from} to ${up.to})` : '',
      down ? `${down.name} fell most (from ${down.from} to ${down.to})` : '',
    ].filter(Boolean);
    parts.push(moves.length ? ` Against January, ${moves.join(' and ')}.` : ' Every area held its January rank.');
    const most = Math.max(...s.children.map((c) => c.lagging_months));
    parts.push(
      most > 0
        ? ` Lagging most often: ${s.children
            .filter((c) => c.lagging_months === most)
            .map((c) => c.name)
            .join(', ')} (${most} months).`
        : ' No area lagged all year.',
    );
  }
  return parts.join('');
}
