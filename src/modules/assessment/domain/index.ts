/**
 * The pure assessment domain: the core's schemes, figures, scoring and ranking (src/core/assessment,
 * shared with the web), and here what only the server does with them: the roll-up over the area
 * tree, a unit's reach, an officer's posted days. Plain functions over plain data; no database, no HTTP.
 */
export * from '#core/assessment/index.ts';
export { indexChildren, rollup, rollupIndexed, topDownOrder, treeIndex } from './rollup.ts';
export type { AreaNode, ChildrenIndex, Totals, TreeIndex } from './rollup.ts';
