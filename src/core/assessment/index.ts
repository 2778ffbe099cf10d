/**
 * The pure assessment shared by the server and the web: the schemes' tables (SPEC §3), figures,
 * scoring, ranking and the informational figures. Plain functions over plain data.
 */
export { AREA_SCHEMES, DEFAULT_SCHEMES, isAreaSchemeName, unitOf } from './scheme.ts';
export type { AnySchemeName, Better, IndicatorDef, IndicatorUnit, Scheme, SchemeName } from './scheme.ts';
export { OFFICER_SCHEME, REPORTS_FOR_PROVISION } from './officer-scheme.ts';
export { evaluateInformational, INFORMATIONAL, INFORMATIONAL_SCHEME } from './informational.ts';
export type { InformationalName, InformationalResult } from './informational.ts';
export { ONLINE_SCHEME, onlineAnswersOf } from './online-answers.ts';
export type { OnlineAnswers } from './online-answers.ts';
export { addFigures, emptyFigures } from './figures.ts';
export type { Figure, Figures } from './figures.ts';
export { evaluate, evaluateScheme, scoreOf } from './score.ts';
export type { IndicatorResult, SchemeResult } from './score.ts';
export { PASSING_SCORE, rank, roundComposite, withChange } from './ranking.ts';
export type { RankInput, RankingRow, RankingRowWithChange } from './ranking.ts';
export { rankUnder, scoredResults } from './rank-scheme.ts';
export type { Subject } from './rank-scheme.ts';
export { isSmallSample, rankWithSamples, sampledFigures, smallSamples } from './samples.ts';
export type { SampledFigure, SampledRow } from './samples.ts';
export {
  completeness,
  DEFAULT_COMPLETENESS_THRESHOLD,
  DEFAULT_DEADLINE_DAY,
  meetsThreshold,
  reportingDeadline,
} from './completeness.ts';
export type { Completeness } from './completeness.ts';
