/**
 * The pure assessment domain: schemes, figures and their roll-up over the area tree, scoring
 * and ranking. Plain functions over plain data; no database, no HTTP.
 */
export { DEFAULT_SCHEMES } from '#core/assessment/scheme.ts';
export type { AnySchemeName, Better, IndicatorDef, Scheme, SchemeName } from '#core/assessment/scheme.ts';
export { OFFICER_SCHEME, REPORTS_FOR_PROVISION } from '#core/assessment/officer-scheme.ts';
export { evaluateInformational, INFORMATIONAL, INFORMATIONAL_SCHEME } from '#core/assessment/informational.ts';
export type { InformationalName, InformationalResult } from '#core/assessment/informational.ts';
export { addFigures, emptyFigures } from '#core/assessment/figures.ts';
export type { Figure, Figures } from '#core/assessment/figures.ts';
export { indexChildren, rollup, rollupIndexed, topDownOrder, treeIndex } from './rollup.ts';
export type { AreaNode, ChildrenIndex, Totals, TreeIndex } from './rollup.ts';
export { evaluate, evaluateScheme, scoreOf } from '#core/assessment/score.ts';
export type { IndicatorResult, SchemeResult } from '#core/assessment/score.ts';
export { PASSING_SCORE, rank, roundComposite, withChange } from '#core/assessment/ranking.ts';
export type { RankInput, RankingRow, RankingRowWithChange } from '#core/assessment/ranking.ts';
export { rankUnder, scoredResults } from '#core/assessment/rank-scheme.ts';
export type { Subject } from '#core/assessment/rank-scheme.ts';
