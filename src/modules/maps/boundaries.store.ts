/**
 * The shapes of data/boundaries/ (see its README), read once: every `*.geojson` there, each
 * feature under its `properties.code`. Which shapes a database draws is decided by its areas'
 * codes alone; a code with no shape here has none.
 *
 * @example
 *   boundaryShapes().get('220100000000')?.name; // '长春市'
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Shape } from './domain/geometry.ts';

const DIR = fileURLToPath(new URL('../../../data/boundaries/', import.meta.url));

export interface BoundaryShape {
  code: string;
  /** The name the source table gives it (answers carry the database's name instead). */
  name: string;
  shape: Shape;
}

interface SourceCollection {
  type: 'FeatureCollection';
  features: { properties: { code: string; name: string }; geometry: { type: 'MultiPolygon'; coordinates: Shape } }[];
}

let loaded: Map<string, BoundaryShape> | undefined;

/**
 * Every shape by code, read on first use and kept (the files change only with a release; the
 * 330 KB are read synchronously once, so the demo generator can use them too).
 */
export function boundaryShapes(): Map<string, BoundaryShape> {
  loaded ??= load();
  return loaded;
}

function load(): Map<string, BoundaryShape> {
  const shapes = new Map<string, BoundaryShape>();
  const files = readdirSync(DIR)
    .filter((f) => f.endsWith('.geojson'))
    .sort();
  for (const file of files) {
    const collection = JSON.parse(readFileSync(path.join(DIR, file), 'utf8')) as SourceCollection;
    for (const f of collection.features) {
      const { code, name } = f.properties;
      if (shapes.has(code)) throw new Error(`data/boundaries/${file}: ${code} has a shape in another file too`);
      shapes.set(code, { code, name, shape: f.geometry.coordinates });
    }
  }
  return shapes;
}
