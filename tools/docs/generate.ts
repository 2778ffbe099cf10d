/**
 * The docs as the code says they should read: every generated region of every file of docs/
 * filled from the registries. `npm run docs` writes them; test/docs.test.ts fails when the
 * committed files differ.
 */
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { renderRoleTable, renderRouteTable, routeReference } from './sources.ts';
import { fillRegions, type Renderers } from './regions.ts';
import { assessmentRegions } from './assessment.ts';
import { glossaryRegions } from './glossary.ts';
import { importFormatsRegions } from './import-formats.ts';
import { interfaceRegions, unexplainedOptions } from './interface.ts';
import { errorsRegions } from './errors.ts';

/** The repository's root. */
export const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** A generated file: as committed, and as the code says it should read. */
export interface GeneratedDoc {
  /** Relative to the repository's root. */
  file: string;
  current: string;
  wanted: string;
}

/** Each generated file as it is and as it should be. */
export async function generateDocs(): Promise<GeneratedDoc[]> {
  const routes = await routeReference();
  const docs: Record<string, Renderers> = {
    'docs/README.md': glossaryRegions,
    'docs/import-formats.md': importFormatsRegions,
    'docs/assessment.md': assessmentRegions,
    'docs/interface.md': interfaceRegions(routes),
    'docs/security.md': { roles: renderRoleTable, routes: () => renderRouteTable(routes.catalog) },
    'docs/errors.md': errorsRegions,
  };
  return Object.entries(docs).map(([file, renderers]) => {
    const current = fs.readFileSync(`${ROOT}${file}`, 'utf8');
    if (file === 'docs/interface.md') {
      const missing = unexplainedOptions(current);
      if (missing.length > 0) throw new Error(`${file} explains no ${missing.join(', ')}: add them to its options`);
    }
    return { file, current, wanted: fillRegions(current, file, renderers) };
  });
}
