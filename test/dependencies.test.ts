/**
 * Dependencies point one way (issue 14): no cycle among src/ files; feature modules never reach
 * up into the CLI or the server that compose them; the web takes from src/ only the browser-safe
 * core; and the core takes nothing from Node, the database or the server's code.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findCycles, localEdges, resolveSpecifier, ROOT, sourceFiles, specifiersOf } from './support/import-graph.ts';

const SRC = sourceFiles('src');
const WEB = sourceFiles('web/src');
const CORE = sourceFiles('src/core');
const isTest = (f: string) => /\.test\.tsx?$/.test(f);

/** `file -> target` for every import of `files` that `refused` picks out. */
function offending(files: readonly string[], refused: (target: string, from: string) => boolean): string[] {
  return localEdges(files)
    .filter((e) => refused(e.to, e.from))
    .map((e) => `${e.from} -> ${e.to}`);
}

describe('the import graph', () => {
  it('reads every import form from the source text', () => {
    const dir = fs.mkdtempSync(path.join(ROOT, 'test', '.graph-'));
    try {
      const rel = path.relative(ROOT, dir);
      fs.writeFileSync(
        path.join(dir, 'a.ts'),
        [
          "import x from './b.ts';",
          "import type { T } from './c.ts';",
          "export { y } from './d.ts';",
          "const z = await import('./e.ts');",
          "import { w } from '#core/f.ts';",
          "import fs from 'node:fs';",
        ].join('\n'),
      );
      const resolved = specifiersOf(`${rel}/a.ts`).map((s) => resolveSpecifier(s, `${rel}/a.ts`));
      expect(resolved).toEqual([
        { file: `${rel}/b.ts` },
        { file: `${rel}/c.ts` },
        { file: `${rel}/d.ts` },
        { file: `${rel}/e.ts` },
        { file: 'src/core/f.ts' },
        { pkg: 'node:fs' },
      ]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('finds a cycle and names it, and none in a chain', () => {
    expect(
      findCycles([
        { from: 'a', to: 'b' },
        { from: 'b', to: 'c' },
      ]),
    ).toEqual([]);
    expect(
      findCycles([
        { from: 'a', to: 'b' },
        { from: 'b', to: 'c' },
        { from: 'c', to: 'a' },
        { from: 'c', to: 'd' },
      ]),
    ).toEqual([['a', 'b', 'c', 'a']]);
    expect(findCycles([{ from: 'x', to: 'x' }])).toEqual([['x', 'x']]);
  });
});

describe('dependencies one way', () => {
  it('no import cycle among the files of src/ (type-only imports included)', () => {
    const cycles = findCycles(localEdges(SRC)).map((c) => c.join(' -> '));
    expect(cycles).toEqual([]);
  });

  it('no import cycle among the files of the web either', () => {
    const cycles = findCycles(localEdges(WEB)).map((c) => c.join(' -> '));
    expect(cycles).toEqual([]);
  });

  it('every import of src/ names a file that exists', () => {
    const missing = offending(SRC, (to) => !fs.existsSync(path.join(ROOT, to)));
    expect(missing).toEqual([]);
  });

  it('feature modules never import the CLI or the server that compose them (tests drive both, so they may)', () => {
    const up = offending(
      SRC.filter((f) => f.startsWith('src/modules/') && !isTest(f)),
      (to) => to.startsWith('src/cli/') || to.startsWith('src/server/'),
    );
    expect(up).toEqual([]);
  });

  it('the web imports nothing under src/ but the core', () => {
    const outside = offending(WEB, (to) => to.startsWith('src/') && !to.startsWith('src/core/'));
    expect(outside).toEqual([]);
  });

  it('the web names the core by its alias, never by a relative path into src/', () => {
    const relative = WEB.flatMap((f) =>
      specifiersOf(f)
        .filter((s) => s.startsWith('.') && 'file' in resolveSpecifier(s, f))
        .filter((s) => (resolveSpecifier(s, f) as { file: string }).file.startsWith('src/'))
        .map((s) => `${f}: ${s}`),
    );
    expect(relative).toEqual([]);
  });

  it('the core is browser-safe: it imports only itself and zod (its tests also vitest and fast-check)', () => {
    expect(CORE.length).toBeGreaterThan(0);
    const allowed = (f: string) => (isTest(f) ? ['zod', 'vitest', 'fast-check'] : ['zod']);
    const bad = CORE.flatMap((f) =>
      specifiersOf(f)
        .map((s) => ({ s, r: resolveSpecifier(s, f) }))
        .filter(({ s, r }) => ('file' in r ? !r.file.startsWith('src/core/') : !allowed(f).includes(s)))
        .map(({ s }) => `${f}: ${s}`),
    );
    expect(bad).toEqual([]);
  });
});
