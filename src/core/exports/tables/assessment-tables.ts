/**
 * The assessment's tables as exported: the ranking of an area's children (SPEC §5: rank, code,
 * name, composite, lagging, problems first, in that order), the rankings of rooms, stations and
 * officers, how a figure is made (explain), the informational figures, the map's figures and
 * trends. Tables whose columns follow a scheme's indicators are made for the indicators given.
 */
import type { z } from 'zod';
import type { explainSchema, rankingRowSchema } from '../../contracts/assessment.schema.ts';
import type { figuresRowSchema } from '../../contracts/maps.schema.ts';
import type {
  informationalSchema,
  officerRankingsSchema,
  trendSchema,
  unitRankingsSchema,
} from '../../contracts/subjects.schema.ts';
import { INDICATOR_LABELS } from '../../assessment/indicator-labels.ts';
import { col, defineTable, listCell, type ExportColumn } from '../export-table.ts';

type RankingRow = z.infer<typeof rankingRowSchema>;
type Ranked = Pick<RankingRow, 'rank' | 'code' | 'name' | 'composite' | 'lagging' | 'problems'>;

/** rank, code, name, composite, lagging, problems: the first columns of every ranking. */
function rankingHead<R extends Ranked>(code: { zh: string; en: string }): ExportColumn<R>[] {
  return [
    col<R>('rank', '名次', 'Rank', 'integer', (r) => r.rank),
    col<R>('code', code.zh, code.en, 'text', (r) => r.code),
    col<R>('name', '名称', 'Name', 'text', (r) => r.name),
    col<R>('composite', '综合得分', 'Composite', 'decimal', (r) => r.composite),
    col<R>('lagging', '落后', 'Lagging', 'text', (r) => r.lagging),
    col<R>('problems', '问题', 'Problems', 'text', (r) => listCell(r.problems)),
  ];
}

function rankingTail<R extends RankingRow>(): ExportColumn<R>[] {
  return [
    col<R>('previous_rank', '上月名次', 'Previous rank', 'integer', (r) => r.previous_rank),
    col<R>('rank_change', '名次变化', 'Rank change', 'integer', (r) => r.rank_change),
    col<R>('composite_change', '得分变化', 'Composite change', 'signed', (r) => r.composite_change),
  ];
}

export const RANKINGS_TABLE = defineTable<RankingRow>('rankings', { zh: '排名', en: 'Ranking' }, [
  ...rankingHead<RankingRow>({ zh: '代码', en: 'Code' }),
  ...rankingTail<RankingRow>(),
]);

type UnitRankingRow = z.infer<typeof unitRankingsSchema>[number];
export const UNIT_RANKINGS_TABLE = defineTable<UnitRankingRow>(
  'unit-rankings',
  { zh: '单位排名', en: 'Ranking of units' },
  [
    ...rankingHead<UnitRankingRow>({ zh: '单位代码', en: 'Unit code' }),
    col('type', '类型', 'Type', 'text', (r) => r.type),
    col('area_code', '所属区划', 'Area code', 'text', (r) => r.area_code),
    col('station_code', '所属派出所', 'Station code', 'text', (r) => r.station_code),
    ...rankingTail<UnitRankingRow>(),
  ],
);

type OfficerRankingRow = z.infer<typeof officerRankingsSchema>[number];
export const OFFICER_RANKINGS_TABLE = defineTable<OfficerRankingRow>(
  'officer-rankings',
  { zh: '民警排名', en: 'Ranking of officers' },
  [
    ...rankingHead<OfficerRankingRow>({ zh: '警号', en: 'Badge' }),
    col('unit_code', '单位代码', 'Unit code', 'text', (r) => r.unit_code),
    col('area_code', '所属区划', 'Area code', 'text', (r) => r.area_code),
    ...rankingTail<OfficerRankingRow>(),
  ],
);

type Explain = z.infer<typeof explainSchema>;
export interface ExplainRow {
  code: string;
  name: string;
  numerator: number;
  denominator: number;
}
/** The children of an explained figure, then what is placed at the area itself. */
export function explainRows(e: Explain, ownName: string): ExplainRow[] {
  return [...e.children, { code: e.area, name: ownName, ...e.own }];
}
export const EXPLAIN_TABLE = defineTable<ExplainRow>('explain', { zh: '指标构成', en: 'How a figure is made' }, [
  col('code', '代码', 'Code', 'text', (r) => r.code),
  col('name', '名称', 'Name', 'text', (r) => r.name),
  col('numerator', '分子', 'Numerator', 'decimal', (r) => r.numerator),
  col('denominator', '分母', 'Denominator', 'decimal', (r) => r.denominator),
]);

const label = (name: string) => INDICATOR_LABELS[name] ?? { zh: name, en: name };

type FiguresRow = z.infer<typeof figuresRowSchema>;
/** The map's figures: the ranking's head, then each indicator's value and score. */
export function figuresTable(indicators: readonly string[]) {
  return defineTable<FiguresRow>('map-figures', { zh: '地图数据', en: 'Map figures' }, [
    ...rankingHead<FiguresRow>({ zh: '代码', en: 'Code' }),
    ...indicators.flatMap((n) => [
      col<FiguresRow>(`${n}.value`, `${label(n).zh}`, `${label(n).en}`, 'text', (r) => r.indicators[n]?.value ?? null),
      col<FiguresRow>(
        `${n}.score`,
        `${label(n).zh}得分`,
        `${label(n).en} score`,
        'decimal',
        (r) => r.indicators[n]?.score ?? null,
      ),
    ]),
  ]);
}

type TrendPoint = z.infer<typeof trendSchema>['points'][number];
/** A trend: one row a month, its composite, then each indicator's value. */
export function trendTable(indicators: readonly string[]) {
  return defineTable<TrendPoint>('trend', { zh: '趋势', en: 'Trend' }, [
    col('month', '月份', 'Month', 'text', (r) => r.month),
    col('scheme_version', '方案版本', 'Scheme version', 'integer', (r) => r.scheme_version),
    col('composite', '综合得分', 'Composite', 'decimal', (r) => r.composite),
    ...indicators.map((n) => col<TrendPoint>(n, label(n).zh, label(n).en, 'text', (r) => r.indicators[n] ?? null)),
  ]);
}

type Informational = z.infer<typeof informationalSchema>;
export type InformationalRow = Informational['children'][number];
/** The subject itself, then its children. */
export function informationalRows(i: Informational): InformationalRow[] {
  return [{ code: i.code, name: i.name, figures: i.figures }, ...i.children];
}
/** Each informational figure's value, numerator and denominator. */
export function informationalTable(names: readonly string[]) {
  return defineTable<InformationalRow>('informational', { zh: '参考指标', en: 'Informational figures' }, [
    col('code', '代码', 'Code', 'text', (r) => r.code),
    col('name', '名称', 'Name', 'text', (r) => r.name),
    ...names.flatMap((n) => [
      col<InformationalRow>(n, label(n).zh, label(n).en, 'text', (r) => r.figures[n]?.value ?? null),
      col<InformationalRow>(
        `${n}.numerator`,
        `${label(n).zh}（分子）`,
        `${label(n).en} (numerator)`,
        'decimal',
        (r) => r.figures[n]?.numerator ?? null,
      ),
      col<InformationalRow>(
        `${n}.denominator`,
        `${label(n).zh}（分母）`,
        `${label(n).en} (denominator)`,
        'decimal',
        (r) => r.figures[n]?.denominator ?? null,
      ),
    ]),
  ]);
}
