/**
 * GET boundaries: the shapes of an area's children (SPEC §5), each under the database's own code
 * and name, the children without one listed as `missing`. The answer is encoded once per area
 * and tree (JSON, its gzip and an ETag from its bytes), so that a map drawn again costs a 304.
 *
 * @example
 *   const answer = new BoundaryAnswers().answer(tree, '220000000000');
 *   answer.etag; // '"b-…"', the same until the tree or the shapes change
 */
import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import type { ChildrenIndex } from '../assessment/domain/index.ts';
import { boundaryShapes, type BoundaryShape } from './boundaries.store.ts';
import type { Boundaries, BoundaryFeature } from '#core/contracts/maps.schema.ts';

/** What this needs of the area tree (the assessment's cached one). */
export interface AreaTree {
  areas: Map<string, { code: string; name: string; level: string }>;
  children: ChildrenIndex;
}

/** The children of `within` with their shapes, and those without one. */
export function boundariesWithin(
  tree: AreaTree,
  within: string,
  shapes: Map<string, BoundaryShape> = boundaryShapes(),
): Boundaries {
  const features: BoundaryFeature[] = [];
  const missing: string[] = [];
  // By code: the tree keeps the order the engine read the areas in, which differs between them.
  for (const code of [...tree.children.childrenOf(within)].sort()) {
    const f = featureOf(tree, code, shapes);
    if (f) features.push(f);
    else missing.push(code);
  }
  // The area itself only where nothing below it is drawn (a county's townships): the map still
  // has a place to put its rooms; elsewhere the children cover it and it would double the bytes.
  const outline = features.length === 0 ? featureOf(tree, within, shapes) : null;
  return { type: 'FeatureCollection', within, features, missing, outline };
}

function featureOf(tree: AreaTree, code: string, shapes: Map<string, BoundaryShape>): BoundaryFeature | null {
  const area = tree.areas.get(code);
  const shape = shapes.get(code);
  if (!area || !shape) return null;
  return {
    type: 'Feature',
    properties: { code, name: area.name, level: area.level },
    geometry: { type: 'MultiPolygon', coordinates: shape.shape },
  };
}

export interface EncodedAnswer {
  body: Buffer;
  etag: string;
  gzip(): Buffer;
}

/** The most areas whose encoded answers are kept (a province has a few hundred with children). */
const KEPT = 500;

/** Encoded answers, kept while the area and its children stay as they are. */
export class BoundaryAnswers {
  private kept = new Map<string, { signature: string; answer: EncodedAnswer }>();

  answer(tree: AreaTree, within: string): EncodedAnswer {
    const area = tree.areas.get(within);
    const children = tree.children.childrenOf(within).map((c) => tree.areas.get(c));
    const signature = JSON.stringify([area?.name, area?.level, children.map((c) => [c?.code, c?.name, c?.level])]);
    const hit = this.kept.get(within);
    if (hit?.signature === signature) return hit.answer;
    const body = Buffer.from(JSON.stringify(boundariesWithin(tree, within)));
    const etag = `"b-${createHash('sha256').update(body).digest('base64url').slice(0, 32)}"`;
    let zipped: Buffer | undefined;
    const answer = { body, etag, gzip: () => (zipped ??= gzipSync(body)) };
    if (this.kept.size >= KEPT) this.kept.clear();
    this.kept.set(within, { signature, answer });
    return answer;
  }
}

/** Whether an If-None-Match header names `etag` (a list, weak validators, or `*`). */
export function matchesEtag(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  return header.split(',').some((t) => {
    const tag = t.trim().replace(/^W\//, '');
    return tag === '*' || tag === etag;
  });
}
