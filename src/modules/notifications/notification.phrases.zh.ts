import type { Phrases } from './notification.phrases.ts';
import type { Problem } from './notification.facts.ts';
import { indicatorLabel, indicatorValue, schemeLabel } from './indicator-labels.ts';
import { writtenDate, writtenMonth } from './document/dates.ts';
import { endOfMonth } from '#core/calendar/month.ts';
import { COMPOSITE } from './notification.select.ts';
import { PASSING_SCORE } from '#core/assessment/ranking.ts';

const NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
const score = (n: number) => `${n.toFixed(2)}分`;
const change = (d: number | null) => {
  if (d === null) return '上月无排名';
  const r = Number(d.toFixed(2));
  return r > 0 ? `较上月提高${r.toFixed(2)}分` : r < 0 ? `较上月下降${(-r).toFixed(2)}分` : '与上月持平';
};
const named = (items: { name: string; composite: number }[]) =>
  items.map((r) => `${r.name}（${score(r.composite)}）`).join('、');

export const ZH: Phrases = {
  title: (f) =>
    `关于${writtenMonth(f.month, 'zh')}${f.area.name}社区和农村警务工作情况的通报${f.correction ? '（更正）' : ''}`,
  recipients: (list) => `${list.join('，')}：`,
  provisional: '（本通报所用数据尚未全部锁定，为临时数据，以锁定后的数据为准。）',
  correction: (c) => `本通报更正${c.number}通报（更正原因：${c.reason}），原通报同时作废，以本通报为准。`,
  intro: (f, n) =>
    `为深入推进${n.scope}社区和农村警务建设，按照社区和农村警务建设进度排名和社区、驻村民警工作考核的有关规定，${f.issuer.name}对${n.children}${writtenMonth(f.month, 'zh')}社区和农村警务工作情况进行了考核排名。现将有关情况通报如下：`,
  numeral: (i) => `${NUMERALS[i]}、`,
  subNumeral: (i) => `（${NUMERALS[i]}）`,
  heads: {
    basics: '基本情况',
    rankings: '考核排名情况',
    commendations: '表扬',
    problems: '存在的问题',
    supervision: '整改督导情况',
    requirements: '工作要求',
  },
  overview: (f, n) => {
    const o = f.overview;
    return (
      `截至${writtenDate(endOfMonth(f.month), 'zh')}，${n.scope}共有社区警务室${o.units.community_room}个、社区民警${o.officers.community}名，` +
      `农村警务室${o.units.rural_office}个、驻村民警${o.officers.resident}名，派出所${o.units.station}个；` +
      `专职社区巡防队${o.patrols.full_time.teams}支、队员${o.patrols.full_time.members}人，群防群治队伍${o.patrols.volunteer.teams}支、队员${o.patrols.volunteer.members}人。` +
      `现有人员中，由机关下沉民警${o.origins.agency_transfer}名，新招录民警${o.origins.new_recruit}名，招录文职人员${o.origins.civilian_hire}名。`
    );
  },
  composites: (f, n) =>
    `${f.rankings
      .map(
        (r) =>
          `${n.scope}${schemeLabel(r.scheme, 'zh', true)}综合得分${score(r.composite)}，${change(r.previous_composite === null ? null : r.composite - r.previous_composite)}`,
      )
      .join('；')}。`,
  rankingHeading: (scheme) => `${schemeLabel(scheme, 'zh')}排名`,
  rankingSummary: (r) => {
    const n = r.rows.length;
    if (n === 0) return '本月没有参加排名的地区。';
    const top = r.rows.slice(0, Math.min(3, Math.ceil(n / 2)));
    const bottom = r.rows.slice(n - Math.min(3, Math.floor(n / 2)));
    const parts = [`排名靠前的是${named(top)}`];
    if (bottom.length) parts.push(`排名靠后的是${named(bottom)}`);
    const rose = r.rows.filter((x) => (x.rank_change ?? 0) > 0).map((x) => `${x.name}（上升${x.rank_change}位）`);
    const fell = r.rows.filter((x) => (x.rank_change ?? 0) < 0).map((x) => `${x.name}（下降${-x.rank_change!}位）`);
    const moves = [
      rose.length ? `名次上升的有${rose.join('、')}` : '',
      fell.length ? `名次下降的有${fell.join('、')}` : '',
    ].filter(Boolean);
    return `${parts.join('；')}。与上月相比，${moves.length ? `${moves.join('；')}` : '各地区名次均未变化'}。`;
  },
  rankingCaption: (f, scheme) => `${writtenMonth(f.month, 'zh')}${schemeLabel(scheme, 'zh')}排名`,
  mapCaption: (f, scheme) =>
    `${writtenMonth(f.month, 'zh')}${schemeLabel(scheme, 'zh')}综合得分分布图（红框为落后地区）`,
  rankingColumns: {
    rank: '名次',
    area: '地区',
    composite: '综合得分',
    rankChange: '名次变化',
    compositeChange: '得分变化',
    lagging: '落后',
    problems: '存在问题',
  },
  yes: '是',
  list: (items) => items.join('、'),
  commendations: (f) => {
    if (f.commended.length === 0)
      return `本月没有排名前${f.commend_top}位且未落后、或综合得分达到${f.commend_composite}分的地区，暂不予表扬。`;
    const by = f.rankings
      .map((r) => ({ scheme: r.scheme, items: f.commended.filter((c) => c.scheme === r.scheme) }))
      .filter((x) => x.items.length);
    const text = by
      .map(
        (x) =>
          `${schemeLabel(x.scheme, 'zh', true)}方面，${x.items.map((c) => `${c.name}（第${c.rank}名，${score(c.composite)}）`).join('、')}`,
      )
      .join('；');
    return `${text}。以上地区工作成效突出，予以通报表扬，希望再接再厉，继续保持。`;
  },
  laggingIntro: `综合得分低于${PASSING_SCORE}分、排名后三位或有指标无数据的地区为落后地区，得分低于${PASSING_SCORE}分的指标为存在的问题。本月落后地区及其问题如下：`,
  noLagging: '本月没有落后地区。',
  problemsHeading: (scheme) => `${schemeLabel(scheme, 'zh', true)}方面`,
  laggingArea: (problems) => {
    const first = problems[0];
    const items = problems.map((p) => problemPhrase(p));
    return `${first.area_name}（第${first.rank}名，综合得分${score(first.composite)}）：${items.join('；')}。`;
  },
  repeats: (problems) =>
    `其中，连续两个月以上被通报的问题有${problems.length}项：${problems.map((p) => `${p.area_name}${indicatorLabel(p.indicator, 'zh')}（连续${p.streak}个月）`).join('、')}。对连续被通报的问题，将列为重点督导事项。`,
  problemCaption: (f) => `${writtenMonth(f.month, 'zh')}落后地区问题清单`,
  problemColumns: {
    area: '地区',
    scheme: '考核',
    indicator: '指标',
    value: '实际值',
    target: '目标值',
    score: '得分',
    streak: '连续月数',
  },
  schemeShort: (scheme) => schemeLabel(scheme, 'zh', true),
  indicator: (name) => indicatorLabel(name, 'zh'),
  value: (indicator, value) => indicatorValue(indicator, value, 'zh'),
  target: (indicator, target) =>
    indicator === 'crime_rate'
      ? `不高于${indicatorValue(indicator, target, 'zh')}`
      : indicatorValue(indicator, target, 'zh'),
  supervision: (s, f, n) =>
    `截至${writtenDate(f.date, 'zh')}，${n.scope}共下发整改任务${s.total}项，已整改${s.rectified + s.verified}项（其中已验收${s.verified}项），正在整改${s.in_progress}项，尚未启动整改${s.open}项。` +
    (s.overdue.length
      ? `逾期未完成整改${s.overdue.length}项，列表如下，有关地区要立即整改到位：`
      : '无逾期未完成整改的任务。'),
  overdueCaption: '逾期未完成整改任务',
  overdueColumns: {
    area: '地区',
    indicator: '问题',
    number: '通报文号',
    deadline: '整改期限',
    days: '逾期天数',
    leader: '责任领导',
  },
  requirements: (f, n) => [
    `（一）提高思想认识，压实工作责任。各地要把社区和农村警务建设作为基层基础工作的重点，主要负责同志亲自抓，分管负责同志具体抓，逐级明确责任，确保各项措施落地见效。`,
    `（二）对照通报问题，限期整改到位。被通报的地区要逐项查找原因，制定整改措施，明确责任领导和完成时限，于${writtenDate(f.deadline, 'zh')}前将整改情况书面报送${f.issuer.name}。逾期未完成整改或问题连续被通报的，将约谈有关负责同志。`,
    `（三）推动警力下沉，配齐配强社区和驻村民警。继续推动机关民警下沉、新招录民警到社区和农村警务室工作，以文职人员替换非执法岗位民警，确保每个警务室至少有一名社区（驻村）民警在岗。`,
    `（四）规范警务室建设，落实经费和装备保障。对照警务室建设七个方面的标准抓好建设和管理，专项经费要及时足额拨付到位，电脑、摩托车、工作包等标准装备要配备齐全。`,
    `（五）严格考核奖惩，巩固工作成效。${n.scope}将坚持每月考核排名和通报，把社区和农村警务工作纳入公安业务工作考评，对成绩突出的予以表扬，对工作不力、长期落后的严肃问责。`,
  ],
  date: (day) => writtenDate(day, 'zh'),
  printed: (day) => `${writtenDate(day, 'zh')}印发`,
};

function problemPhrase(p: Problem): string {
  const repeat = p.streak >= 2 ? `，连续${p.streak}个月被通报` : '';
  if (p.indicator === COMPOSITE) return `综合得分排名靠后${repeat}`;
  if (p.value === null) return `${indicatorLabel(p.indicator, 'zh')}无数据（未报送）${repeat}`;
  const target =
    p.indicator === 'crime_rate'
      ? `不高于${indicatorValue(p.indicator, p.target, 'zh')}`
      : indicatorValue(p.indicator, p.target, 'zh');
  return `${indicatorLabel(p.indicator, 'zh')}${indicatorValue(p.indicator, p.value, 'zh')}（目标${target}，得分${p.score!.toFixed(2)}）${repeat}`;
}
