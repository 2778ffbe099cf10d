/**
 * The pure assessment domain: schemes, figures and their roll-up over the area tree, scoring
 * and ranking. Plain functions over plain data; no database, no HTTP.
 */
export { DEFAULT_SCHEMES } from './scheme.ts';
export type { AnySchemeName, Better, IndicatorDef, Scheme, SchemeName } from './scheme.ts';
export { OFFICER_SCHEME, REPORTS_FOR_PROVISION } from './officer-scheme.ts';
export { evaluateInformational, INFORMATIONAL, INFORMATIONAL_SCHEME } from './informational.ts';
export type { InformationalName, InformationalResult } from './informational.ts';
export { addFigures, emptyFigures } from './figures.ts';
export type { Figure, Figures } from './figures.ts';
export { indexChildren, rollup, rollupIndexed, topDownOrder, treeIndex } from './rollup.ts';
export type { AreaNode, ChildrenIndex, Totals, TreeIndex } from './rollup.ts';
export { evaluate, evaluateScheme, scoreOf } from './score.ts';
export type { IndicatorResult, SchemeResult } from './score.ts';
export { PASSING_SCORE, rank, roundComposite, withChange } from './ranking.ts';
export type { RankInput, RankingRow, RankingRowWithChange } from './ranking.ts';
export { rankUnder, scoredResults } from './rank-scheme.ts';
export type { Subject } from './rank-scheme.ts';
