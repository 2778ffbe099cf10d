/**
 * The annual work summary as a document, pure, from its facts: where things stand, funds and
 * equipment, rankings through the year and December's results, reform, the five problems,
 * notifications and supervision, and next year; every figure from the facts.
 */
import type { Block, Cell, FigureBlock, Lang, OfficialDocument, TableBlock } from '#core/documents/document.ts';
import { MAP_SIZE } from '../maps/document-map.ts';
import { namingOf } from '../notifications/notification.compose.ts';
import type { FiveProblems } from './five-problems.ts';
import type { SchemeYear, SummaryFacts } from './summary.facts.ts';
import type { SummaryPhrases } from './summary.phrases.ts';
import { SUMMARY_EN } from './summary.phrases.en.ts';
import { SUMMARY_ZH } from './summary.phrases.zh.ts';

const PHRASES: Record<Lang, SummaryPhrases> = { zh: SUMMARY_ZH, en: SUMMARY_EN };

export function composeSummary(f: SummaryFacts): OfficialDocument {
  const p = PHRASES[f.lang];
  const n = namingOf(f);
  const para = (text: string): Block => ({ type: 'paragraph', text });
  const sections: [string, Block[]][] = [
    [p.heads.basics, [para(p.standing(f, n)), para(p.growth(f)), standingTable(f, p)]],
    [
      p.heads.funds,
      [para(p.funds(f, n)), ...(f.funds.counties.length ? [fundsTable(f, p)] : []), para(p.equipment(f, n))],
    ],
    [
      p.heads.assessment,
      [
        ...f.assessment.flatMap((s, i): Block[] => [
          { type: 'heading', level: 2, text: `${p.subNumeral(i)}${p.schemeHeading(s.scheme)}` },
          para(p.schemeYear(s, f, n)),
          ...(s.children.length ? [ranksTable(s, f, p)] : []),
          ...(s.map ? [mapFigure(s, s.map, f, p)] : []),
        ]),
        { type: 'heading', level: 2, text: `${p.subNumeral(f.assessment.length)}${p.resultsHeading}` },
        para(p.results(f, n)),
        resultsTable(f, p),
      ],
    ],
    [p.heads.reform, [para(p.reform(f, n))]],
    [p.heads.five, [para(p.five(f, n)), fiveTable(f, p)]],
    [p.heads.supervision, [para(p.supervision(f, n))]],
    [p.heads.next, p.next(f, n).map(para)],
  ];
  const blocks: Block[] = [para(p.intro(f, n))];
  sections.forEach(([title, body], i) =>
    blocks.push({ type: 'heading', level: 1, text: `${p.numeral(i)}${title}` }, ...body),
  );
  return {
    lang: f.lang,
    draft: false,
    title: p.title(f),
    blocks,
    signature: { issuer: f.issuer, date: p.date(f.date) },
  };
}

function standingTable(f: SummaryFacts, p: SummaryPhrases): TableBlock {
  const [o, b] = [f.standing, f.before];
  const r = p.standingRows;
  const pairs: [string, number, number][] = [
    [r.community_room, b.units.community_room, o.units.community_room],
    [r.rural_office, b.units.rural_office, o.units.rural_office],
    [r.station, b.units.station, o.units.station],
    [r.community, b.officers.community, o.officers.community],
    [r.resident, b.officers.resident, o.officers.resident],
    [r.full_time, b.patrols.full_time.teams, o.patrols.full_time.teams],
    [r.full_time_members, b.patrols.full_time.members, o.patrols.full_time.members],
    [r.volunteer, b.patrols.volunteer.teams, o.patrols.volunteer.teams],
    [r.volunteer_members, b.patrols.volunteer.members, o.patrols.volunteer.members],
  ];
  const c = p.standingColumns;
  return {
    type: 'table',
    id: 'standing',
    caption: p.standingCaption(f),
    columns: [
      { label: c.item, format: 'text' },
      { label: c.before, format: 'integer' },
      { label: c.now, format: 'integer' },
      { label: c.change, format: 'movement' },
    ],
    rows: pairs.map(([label, before, now]) => [label, before, now, now - before]),
  };
}

function fundsTable(f: SummaryFacts, p: SummaryPhrases): TableBlock {
  const c = p.fundsColumns;
  // In 10,000 yuan (万元), as summaries give money.
  const yuan = (fen: number) => fen / 1e6;
  const rate = (allocated: number, paid: number) => (allocated === 0 ? null : paid / allocated);
  const rows: Cell[][] = f.funds.counties.map((x) => [
    x.name,
    yuan(x.county.allocated_fen),
    yuan(x.county.paid_fen),
    x.townships.recipients,
    yuan(x.townships.allocated_fen),
    yuan(x.townships.paid_fen),
    rate(x.county.allocated_fen + x.townships.allocated_fen, x.county.paid_fen + x.townships.paid_fen),
  ]);
  const sum = (pick: (x: SummaryFacts['funds']['counties'][number]) => number) =>
    f.funds.counties.reduce((a, x) => a + pick(x), 0);
  const allocated = sum((x) => x.county.allocated_fen + x.townships.allocated_fen);
  const paid = sum((x) => x.county.paid_fen + x.townships.paid_fen);
  rows.push([
    c.total,
    yuan(sum((x) => x.county.allocated_fen)),
    yuan(sum((x) => x.county.paid_fen)),
    sum((x) => x.townships.recipients),
    yuan(sum((x) => x.townships.allocated_fen)),
    yuan(sum((x) => x.townships.paid_fen)),
    rate(allocated, paid),
  ]);
  return {
    type: 'table',
    id: 'funds',
    caption: p.fundsCaption(f),
    columns: [
      { label: c.county, format: 'text' },
      { label: c.countyAllocated, format: 'decimal' },
      { label: c.countyPaid, format: 'decimal' },
      { label: c.townships, format: 'integer' },
      { label: c.townshipAllocated, format: 'decimal' },
      { label: c.townshipPaid, format: 'decimal' },
      { label: c.rate, format: 'percent' },
    ],
    rows,
  };
}

/** December's composites of the children on the map. */
function mapFigure(s: SchemeYear, svg: string, f: SummaryFacts, p: SummaryPhrases): FigureBlock {
  return { type: 'figure', id: `map-${s.scheme}`, caption: p.mapCaption(s, f), svg, ...MAP_SIZE };
}

function ranksTable(s: SchemeYear, f: SummaryFacts, p: SummaryPhrases): TableBlock {
  const c = p.ranksColumns;
  const order = new Map(s.ranking.map((r, i) => [r.code, i]));
  const children = [...s.children].sort((a, b) => (order.get(a.code) ?? 1e9) - (order.get(b.code) ?? 1e9));
  return {
    type: 'table',
    id: `ranks-${s.scheme}`,
    caption: p.ranksCaption(s, f),
    columns: [
      { label: c.area, format: 'text' },
      ...s.monthly.map((_, i) => ({ label: c.month(i + 1), format: 'integer' as const })),
      { label: c.lagging, format: 'integer' },
    ],
    rows: children.map((x) => [x.name, ...x.ranks, x.lagging_months]),
  };
}

function resultsTable(f: SummaryFacts, p: SummaryPhrases): TableBlock {
  const c = p.resultsColumns;
  const rows: Cell[][] = [];
  for (const s of f.assessment) {
    for (const def of s.indicators) {
      const r = s.december.indicators[def.name];
      if (r)
        rows.push([
          p.schemeShort(s.scheme),
          p.indicator(def.name),
          p.value(def.name, r.value),
          p.target(def.name, def.target),
          r.score,
        ]);
    }
  }
  return {
    type: 'table',
    id: 'results',
    caption: p.resultsCaption(f),
    columns: [
      { label: c.scheme, format: 'text' },
      { label: c.indicator, format: 'text' },
      { label: c.value, format: 'text' },
      { label: c.target, format: 'text' },
      { label: c.score, format: 'decimal' },
    ],
    rows,
  };
}

function fiveTable(f: SummaryFacts, p: SummaryPhrases): TableBlock {
  const c = p.fiveColumns;
  const cells = (x: FiveProblems): Cell[] => [
    x.people.value,
    x.premises.value,
    x.working.value,
    x.assessment.value,
    x.retention.value,
    x.retention.turnover.value,
  ];
  return {
    type: 'table',
    id: 'five-problems',
    caption: p.fiveCaption(f),
    columns: [
      { label: c.area, format: 'text' },
      { label: c.people, format: 'percent' },
      { label: c.premises, format: 'percent' },
      { label: c.working, format: 'percent' },
      { label: c.assessment, format: 'percent' },
      { label: c.retention, format: 'percent' },
      { label: c.turnover, format: 'percent' },
    ],
    rows: [...f.five.children.map((x) => [x.name, ...cells(x.problems)]), [c.all, ...cells(f.five.problems)]],
  };
}
