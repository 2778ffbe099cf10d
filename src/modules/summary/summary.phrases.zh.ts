import type { SummaryPhrases } from './summary.phrases.ts';
import type { SchemeYear } from './summary.facts.ts';
import { indicatorLabel, indicatorValue, schemeLabel } from '../notifications/indicator-labels.ts';
import { percent } from '#core/documents/format-cell.ts';
import { writtenDate } from '../notifications/document/dates.ts';
import type { Measure } from './five-problems.ts';
import { laggingInDecember, lowestOf, movers, reached } from './summary.select.ts';
import { PASSING_SCORE } from '#core/assessment/ranking.ts';

const NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
const wan = (fen: number) => `${(fen / 1e6).toFixed(2)}万元`;
const pts = (n: number) => `${n.toFixed(2)}分`;
const share = (m: Measure) => (m.value === null ? '无数据' : `${percent(m.value)}（${m.numerator}/${m.denominator}）`);
const delta = (d: number, unit: string) => (d > 0 ? `增加${d}${unit}` : d < 0 ? `减少${-d}${unit}` : '与上年底持平');
const named = (rows: { name: string; composite: number }[]) =>
  rows.map((r) => `${r.name}（${pts(r.composite)}）`).join('、');

export const SUMMARY_ZH: SummaryPhrases = {
  title: (f) => `${f.area.name}${f.year}年社区和农村警务工作总结`,
  intro: (f, n) =>
    `${f.year}年，${n.scope}公安机关把社区和农村警务建设作为基层基础工作的重点，坚持每月考核排名、通报落后、督导整改，推动警力下沉、阵地建设和机制改革。现将全年工作总结如下。`,
  numeral: (i) => `${NUMERALS[i]}、`,
  subNumeral: (i) => `（${NUMERALS[i]}）`,
  heads: {
    basics: '基本情况',
    funds: '经费保障和装备配备',
    assessment: '考核排名和考核结果',
    reform: '警务机制改革',
    five: '“五难”问题解决情况',
    supervision: '通报和督导整改',
    next: '下一步工作打算',
  },
  standing: (f, n) => {
    const o = f.standing;
    return (
      `截至${f.year}年12月31日，${n.scope}共有社区警务室${o.units.community_room}个、社区民警${o.officers.community}名，农村警务室${o.units.rural_office}个、驻村民警${o.officers.resident}名，` +
      `派出所${o.units.station}个、县级公安机关${o.units.bureau}个；专职社区巡防队${o.patrols.full_time.teams}支、队员${o.patrols.full_time.members}人，群防群治队伍${o.patrols.volunteer.teams}支、队员${o.patrols.volunteer.members}人。`
    );
  },
  growth: (f) => {
    const [o, b] = [f.standing, f.before];
    return (
      `与上年底相比，社区警务室${delta(o.units.community_room - b.units.community_room, '个')}，农村警务室${delta(o.units.rural_office - b.units.rural_office, '个')}，` +
      `社区和驻村民警${delta(o.officers.community + o.officers.resident - b.officers.community - b.officers.resident, '名')}，` +
      `巡防和群防群治队员${delta(o.patrols.full_time.members + o.patrols.volunteer.members - b.patrols.full_time.members - b.patrols.volunteer.members, '人')}。`
    );
  },
  standingCaption: (f) => `${f.year}年底与上年底对比`,
  standingColumns: { item: '项目', before: `上年底`, now: '本年底', change: '增减' },
  standingRows: {
    community_room: '社区警务室（个）',
    rural_office: '农村警务室（个）',
    station: '派出所（个）',
    community: '社区民警（名）',
    resident: '驻村民警（名）',
    full_time: '专职社区巡防队（支）',
    full_time_members: '巡防队员（人）',
    volunteer: '群防群治队伍（支）',
    volunteer_members: '群防群治队员（人）',
  },
  funds: (f, n) => {
    const { county_level: c, township_level: t, other_level: o } = f.funds;
    if (c.recipients + t.recipients + o.recipients === 0) return `${f.year}年，${n.scope}没有专项建设经费拨付记录。`;
    const parts: string[] = [];
    if (c.recipients)
      parts.push(
        `向${c.recipients}个县（市、区）拨付县级专项建设经费${wan(c.allocated_fen)}，到位${wan(c.paid_fen)}，平均每个县（市、区）${wan(c.allocated_fen / c.recipients)}`,
      );
    if (t.recipients)
      parts.push(
        `向${t.recipients}个乡镇（街道）拨付配套建设经费${wan(t.allocated_fen)}，到位${wan(t.paid_fen)}，平均每个乡镇（街道）${wan(t.allocated_fen / t.recipients)}`,
      );
    if (o.recipients) parts.push(`向其他${o.recipients}个单位拨付${wan(o.allocated_fen)}，到位${wan(o.paid_fen)}`);
    const funds = f.assessment.find((s) => s.scheme === 'construction')!.december.indicators.funds_rate;
    return `${f.year}年，${n.scope}${parts.join('；')}。截至年底，累计经费到位率${indicatorValue('funds_rate', funds.value, 'zh')}。`;
  },
  equipment: (f, n) => {
    const e = f.assessment.find((s) => s.scheme === 'construction')!.december.indicators.equipment_rate;
    const k = f.kit.items;
    return `截至年底，${n.scope}${e.denominator}个开放的警务室中，配备电脑的${k.computer ?? 0}个、摩托车的${k.motorcycle ?? 0}个、工作包的${k.work_kit ?? 0}个，标准装备配备齐全的${e.numerator}个，装备达标率${indicatorValue('equipment_rate', e.value, 'zh')}。`;
  },
  fundsCaption: (f) => `${f.year}年专项建设经费拨付和到位情况（万元）`,
  fundsColumns: {
    county: '县（市、区）',
    countyAllocated: '县级拨付',
    countyPaid: '县级到位',
    townships: '乡镇数',
    townshipAllocated: '乡镇拨付',
    townshipPaid: '乡镇到位',
    rate: '到位率',
    total: '合计',
  },
  schemeHeading: (scheme) => `${schemeLabel(scheme, 'zh')}`,
  schemeYear: (s, _f, n) => schemeYearZh(s, n.scope),
  ranksCaption: (s, f) => `${f.year}年各月${schemeLabel(s.scheme, 'zh')}名次`,
  mapCaption: (s, f) => `${f.year}年12月${schemeLabel(s.scheme, 'zh')}综合得分分布图（红框为落后地区）`,
  ranksColumns: { area: '地区', month: (m) => `${m}月`, lagging: '落后月数' },
  resultsHeading: '12月考核结果',
  results: (f, n) =>
    f.assessment
      .map((s) => {
        const rows = Object.entries(s.december.indicators);
        const good = reached(s).map((x) => indicatorLabel(x, 'zh'));
        const low = rows.filter(([, r]) => r.score < PASSING_SCORE).map(([x]) => indicatorLabel(x, 'zh'));
        return `12月，${n.scope}${schemeLabel(s.scheme, 'zh', true)}综合得分${pts(s.december.composite)}，${good.length ? `达到目标值的指标有${good.join('、')}` : '没有指标达到目标值'}，${low.length ? `得分低于${PASSING_SCORE}分的有${low.join('、')}` : `各项指标得分均不低于${PASSING_SCORE}分`}`;
      })
      .join('；') + '。',
  resultsCaption: (f) => `${f.year}年12月${f.area.name}考核指标`,
  resultsColumns: { scheme: '考核', indicator: '指标', value: '12月数值', target: '目标值', score: '得分' },
  schemeShort: (scheme) => schemeLabel(scheme, 'zh', true),
  indicator: (name) => indicatorLabel(name, 'zh'),
  value: (indicator, value) => indicatorValue(indicator, value, 'zh'),
  target: (indicator, target) =>
    indicator === 'crime_rate'
      ? `不高于${indicatorValue(indicator, target, 'zh')}`
      : indicatorValue(indicator, target, 'zh'),
  reform: (f, n) => {
    const o = f.standing.origins;
    const s = f.reform.started;
    return (
      `${n.scope}持续推进机关警力下沉和警务机制改革，以文职人员替换非执法岗位民警，新招录民警优先充实社区和农村警务室。截至年底，在岗人员中由机关下沉民警${o.agency_transfer}名、新招录民警${o.new_recruit}名、招录文职人员${o.civilian_hire}名；` +
      `其中${f.year}年新增机关下沉民警${s.agency_transfer ?? 0}名、新招录民警${s.new_recruit ?? 0}名、招录文职人员${s.civilian_hire ?? 0}名。`
    );
  },
  five: (f, n) => {
    const p = f.five.problems;
    return (
      `针对社区和农村警务“没人干、没地方、不会干、考不了、留不住”五个方面的问题，截至年底，${n.scope}警务室警力配备率${share(p.people)}，村（社区）警务室覆盖率${share(p.premises)}，警务室规范化率${share(p.working)}，` +
      `12月有考核数据的警务室占${share(p.assessment)}，连续在社区和农村岗位工作两年以上的民警占${share(p.retention)}，近12个月岗位变动率${share(p.retention.turnover)}。`
    );
  },
  fiveCaption: (f) => `${f.year}年底“五难”问题指标`,
  fiveColumns: {
    area: '地区',
    people: '警力配备率',
    premises: '覆盖率',
    working: '规范化率',
    assessment: '有考核数据',
    retention: '在岗两年以上',
    turnover: '岗位变动率',
    all: '合计',
  },
  supervision: (f, n) => {
    const s = f.supervision;
    if (s.notices.length === 0) return `本系统中没有${f.issuer}${f.year}年印发通报的记录。`;
    return `${f.year}年，${n.scope}共印发通报${s.notices.length}期（${s.notices[0].number}至${s.notices[s.notices.length - 1].number}），下发整改任务${s.tasks}项，已整改${s.rectified}项（其中已验收${s.verified}项），截至年底逾期未整改${s.overdue}项。`;
  },
  next: (f) => {
    const lagging = laggingInDecember(f);
    const p = f.five.problems;
    const weakest = lowestOf(f);
    return [
      lagging.length
        ? `（一）补齐短板弱项。对${lagging.join('、')}等12月仍处于落后的地区，逐项跟踪整改，必要时派员蹲点督导，确保限期摘掉落后帽子。`
        : '（一）巩固工作成效。12月没有落后地区，要防止反弹，继续逐月跟踪各项指标。',
      `（二）推进阵地建设。年底警务室覆盖率为${share(p.premises)}、规范化率为${share(p.working)}，${weakest ? `${weakest}等地区明显偏低，` : ''}要加快建设进度，对照七个方面的标准规范警务室建设。`,
      `（三）稳定民警队伍。连续在岗两年以上的民警占比为${share(p.retention)}，要落实基层待遇和职级晋升等措施，让民警愿意到社区和农村警务室工作并留得住。`,
      `（四）坚持考核通报。${f.year + 1}年继续每月考核排名和通报，落实整改责任领导，把整改结果纳入年度考评。`,
    ];
  },
  date: (day) => writtenDate(day, 'zh'),
};

function schemeYearZh(s: SchemeYear, scope: string): string {
  const jan = s.monthly[0].composite;
  const dec = s.monthly[11].composite;
  const avg = s.monthly.reduce((a, m) => a + m.composite, 0) / 12;
  const parts = [
    `${scope}${schemeLabel(s.scheme, 'zh', true)}综合得分由1月的${pts(jan)}${dec >= jan ? '提高' : '下降'}到12月的${pts(dec)}，全年月均${pts(avg)}。`,
  ];
  const n = s.ranking.length;
  if (n) {
    const top = s.ranking.slice(0, Math.min(3, Math.ceil(n / 2)));
    const bottom = s.ranking.slice(n - Math.min(3, Math.floor(n / 2)));
    parts.push(`12月排名靠前的是${named(top)}${bottom.length ? `，排名靠后的是${named(bottom)}` : ''}。`);
    const { up, down } = movers(s);
    const moves = [
      up ? `名次上升最多的是${up.name}（由第${up.from}名升至第${up.to}名）` : '',
      down ? `下降最多的是${down.name}（由第${down.from}名降至第${down.to}名）` : '',
    ].filter(Boolean);
    parts.push(moves.length ? `与1月相比，${moves.join('，')}。` : '各地区12月名次与1月相同。');
    const most = Math.max(...s.children.map((c) => c.lagging_months));
    parts.push(
      most > 0
        ? `全年被列为落后地区月数最多的是${s.children
            .filter((c) => c.lagging_months === most)
            .map((c) => c.name)
            .join('、')}（${most}个月）。`
        : '全年没有落后地区。',
    );
  }
  return parts.join('');
}
