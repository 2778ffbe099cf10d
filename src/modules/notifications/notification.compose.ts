/**
 * The monthly notification as a document: pure, from its facts. Sections in order: overview,
 * rankings (one table per scheme), commendations, problems, supervision (when tasks exist),
 * requirements; then signature, date and the record.
 */
import type { Block, Cell, Lang, OfficialDocument, TableBlock } from '#core/documents/document.ts';
import type { NotificationFacts, Problem } from './notification.facts.ts';
import type { SchemeName } from '#core/assessment/scheme.ts';
import { MAP_SIZE } from '../maps/document-map.ts';
import type { Naming, Phrases } from './notification.phrases.ts';
import { ZH } from './notification.phrases.zh.ts';
import { EN } from './notification.phrases.en.ts';

export const PHRASES: Record<Lang, Phrases> = { zh: ZH, en: EN };

/** What is stored and hashed when a notification is issued. */
export interface NotificationContent {
  document: OfficialDocument;
  problems: Problem[];
}

export function composeNotification(f: NotificationFacts): NotificationContent {
  const p = PHRASES[f.lang];
  const n = namingOf(f);
  const paragraph = (text: string): Block => ({ type: 'paragraph', text });
  const sections: [string, Block[]][] = [];

  sections.push([p.heads.basics, [paragraph(p.overview(f, n)), paragraph(p.composites(f, n))]]);
  sections.push([
    p.heads.rankings,
    f.rankings.flatMap((r, i): Block[] => [
      { type: 'heading', level: 2, text: `${p.subNumeral(i)}${p.rankingHeading(r.scheme)}` },
      paragraph(p.rankingSummary(r)),
      rankingTable(f, p, r.scheme),
      ...mapFigure(f, p, r.scheme),
    ]),
  ]);
  sections.push([p.heads.commendations, [paragraph(p.commendations(f))]]);
  sections.push([p.heads.problems, problemBlocks(f, p)]);
  if (f.supervision) {
    const blocks: Block[] = [paragraph(p.supervision(f.supervision, f, n))];
    if (f.supervision.overdue.length) blocks.push(overdueTable(f, p));
    sections.push([p.heads.supervision, blocks]);
  }
  sections.push([p.heads.requirements, p.requirements(f, n).map(paragraph)]);

  const blocks: Block[] = [];
  if (f.provisional) blocks.push(paragraph(p.provisional));
  if (f.correction) blocks.push(paragraph(p.correction(f.correction)));
  blocks.push(paragraph(p.intro(f, n)));
  sections.forEach(([title, body], i) =>
    blocks.push({ type: 'heading', level: 1, text: `${p.numeral(i)}${title}` }, ...body),
  );

  const document: OfficialDocument = {
    lang: f.lang,
    draft: f.number === null,
    head: { mark: f.issuer.mark, number: f.number, ...(f.signer ? { signer: f.signer } : {}) },
    title: p.title(f),
    recipients: p.recipients(f.recipients),
    blocks,
    signature: { issuer: f.issuer.name, date: p.date(f.date) },
    record: { copyTo: f.copy_to, printer: f.issuer.printer, printed: p.printed(f.date) },
  };
  return { document, problems: f.problems };
}

function rankingTable(
  f: NotificationFacts,
  p: Phrases,
  scheme: NotificationFacts['rankings'][number]['scheme'],
): TableBlock {
  const c = p.rankingColumns;
  const rows = f.rankings.find((r) => r.scheme === scheme)!.rows;
  return {
    type: 'table',
    id: `ranking-${scheme}`,
    caption: p.rankingCaption(f, scheme),
    columns: [
      { label: c.rank, format: 'integer' },
      { label: c.area, format: 'text' },
      { label: c.composite, format: 'decimal' },
      { label: c.rankChange, format: 'movement' },
      { label: c.compositeChange, format: 'signed' },
      { label: c.lagging, format: 'text' },
      { label: c.problems, format: 'text' },
    ],
    rows: rows.map((r): Cell[] => [
      r.rank,
      r.name,
      r.composite,
      r.rank_change,
      r.composite_change,
      r.lagging ? p.yes : '',
      p.list(r.problems.map((x) => p.indicator(x))),
    ]),
  };
}

/** The map of the scheme's composites, where the children have shapes. */
function mapFigure(f: NotificationFacts, p: Phrases, scheme: SchemeName): Block[] {
  const svg = f.maps[scheme];
  if (!svg) return [];
  return [{ type: 'figure', id: `map-${scheme}`, caption: p.mapCaption(f, scheme), svg, ...MAP_SIZE }];
}

function problemBlocks(f: NotificationFacts, p: Phrases): Block[] {
  if (f.problems.length === 0) return [{ type: 'paragraph', text: p.noLagging }];
  const blocks: Block[] = [{ type: 'paragraph', text: p.laggingIntro }];
  let sub = 0;
  for (const r of f.rankings) {
    const mine = f.problems.filter((x) => x.scheme === r.scheme);
    if (mine.length === 0) continue;
    blocks.push({ type: 'heading', level: 2, text: `${p.subNumeral(sub++)}${p.problemsHeading(r.scheme)}` });
    const byArea = new Map<string, Problem[]>();
    for (const x of mine) byArea.set(x.area_code, [...(byArea.get(x.area_code) ?? []), x]);
    for (const problems of byArea.values()) blocks.push({ type: 'paragraph', text: p.laggingArea(problems) });
  }
  const repeats = f.problems.filter((x) => x.streak >= 2);
  if (repeats.length) blocks.push({ type: 'paragraph', text: p.repeats(repeats) });
  const c = p.problemColumns;
  blocks.push({
    type: 'table',
    id: 'problems',
    caption: p.problemCaption(f),
    columns: [
      { label: c.area, format: 'text' },
      { label: c.scheme, format: 'text' },
      { label: c.indicator, format: 'text' },
      { label: c.value, format: 'text' },
      { label: c.target, format: 'text' },
      { label: c.score, format: 'decimal' },
      { label: c.streak, format: 'integer' },
    ],
    rows: f.problems.map((x): Cell[] => [
      x.area_name,
      p.schemeShort(x.scheme),
      p.indicator(x.indicator),
      p.value(x.indicator, x.value),
      p.target(x.indicator, x.target),
      x.score,
      x.streak,
    ]),
  });
  return blocks;
}

function overdueTable(f: NotificationFacts, p: Phrases): TableBlock {
  const c = p.overdueColumns;
  return {
    type: 'table',
    id: 'overdue',
    caption: p.overdueCaption,
    columns: [
      { label: c.area, format: 'text' },
      { label: c.indicator, format: 'text' },
      { label: c.number, format: 'text' },
      { label: c.deadline, format: 'text' },
      { label: c.days, format: 'integer' },
      { label: c.leader, format: 'text' },
    ],
    rows: f.supervision!.overdue.map((t): Cell[] => [
      t.area_name,
      p.list(
        (t.problems?.length ? t.problems : [t]).map((i) => `${p.schemeShort(i.scheme)}·${p.indicator(i.indicator)}`),
      ),
      t.notification_number,
      p.date(t.deadline),
      t.days_overdue,
      t.leader,
    ]),
  };
}

const ZH_SCOPE: Record<string, string> = {
  province: '全省',
  city: '全市',
  county: '全县',
  township: '全乡镇',
  village: '全村',
};
const ZH_CHILDREN: Record<string, string> = {
  city: '各市（州）',
  county: '各县（市、区）',
  township: '各乡镇（街道）',
  village: '各村（社区）',
};
const EN_SCOPE: Record<string, string> = {
  province: 'the province',
  city: 'the city',
  county: 'the county',
  township: 'the township',
  village: 'the village',
};
const EN_CHILDREN: Record<string, string> = {
  city: 'the cities and prefectures',
  county: 'the counties and districts',
  township: 'the townships',
  village: 'the villages and communities',
};

/**
 * 全省 / 全州 / 全区 by the last character of a Chinese name (a prefecture, a district), else by
 * level; the children by their most common level.
 */
export function namingOf(f: Pick<NotificationFacts, 'lang' | 'area' | 'child_level'>): Naming {
  const last = [...f.area.name].pop() ?? '';
  if (f.lang === 'zh') {
    const scope = /[省市州县区旗盟]/.test(last) ? `全${last}` : (ZH_SCOPE[f.area.level] ?? '全辖区');
    return { scope, children: ZH_CHILDREN[f.child_level] ?? '各地' };
  }
  return { scope: EN_SCOPE[f.area.level] ?? 'the area', children: EN_CHILDREN[f.child_level] ?? 'the areas below it' };
}
