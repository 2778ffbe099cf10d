/**
 * The import graph of the repository's TypeScript, built from the source text alone (the
 * compiler's `preProcessFile`: static, type-only, re-export and dynamic imports alike), for the
 * tests that keep dependencies pointing one way.
 */
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

export const ROOT = path.resolve(import.meta.dirname, '../..');

/** Every .ts/.tsx file under `dir` (relative to the root), as root-relative paths with `/`. */
export function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (rel: string) => {
    for (const entry of fs.readdirSync(path.join(ROOT, rel), { withFileTypes: true })) {
      const child = `${rel}/${entry.name}`;
      if (entry.isDirectory()) {
        if (entry.name !== 'node_modules' && entry.name !== 'dist') walk(child);
      } else if (/\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts')) out.push(child);
    }
  };
  walk(dir);
  return out.sort();
}

/** The module specifiers a file names, in the order written. */
export function specifiersOf(file: string): string[] {
  const text = fs.readFileSync(path.join(ROOT, file), 'utf8');
  return ts.preProcessFile(text, true, true).importedFiles.map((f) => f.fileName);
}

/**
 * What a specifier names: a root-relative file for the repository's own code (relative paths and
 * the `#core/*` alias of package.json), else the bare package name (`node:fs`, `zod`, `kysely`).
 */
export function resolveSpecifier(spec: string, from: string): { file: string } | { pkg: string } {
  if (spec.startsWith('.')) return { file: path.posix.normalize(path.posix.join(path.posix.dirname(from), spec)) };
  if (spec.startsWith('#core/')) return { file: `src/core/${spec.slice('#core/'.length)}` };
  return { pkg: spec };
}

export interface Edge {
  from: string;
  to: string;
}

/** The edges from each of `files` to the repository files it imports. */
export function localEdges(files: readonly string[]): Edge[] {
  const edges: Edge[] = [];
  for (const from of files)
    for (const spec of specifiersOf(from)) {
      const r = resolveSpecifier(spec, from);
      if ('file' in r) edges.push({ from, to: r.file });
    }
  return edges;
}

/**
 * The cycles of a graph, one per strongly connected component with more than one file (or a
 * file importing itself), each given as a closed path `a -> b -> ... -> a`.
 */
export function findCycles(edges: readonly Edge[]): string[][] {
  const next = new Map<string, string[]>();
  for (const e of edges) {
    const list = next.get(e.from) ?? [];
    list.push(e.to);
    next.set(e.from, list);
  }
  const nodes = [...new Set(edges.flatMap((e) => [e.from, e.to]))].sort();
  // Tarjan's strongly connected components, iteratively (the graph is a few hundred files).
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const components: string[][] = [];
  let counter = 0;
  for (const start of nodes) {
    if (index.has(start)) continue;
    const work: { node: string; i: number }[] = [{ node: start, i: 0 }];
    index.set(start, counter);
    low.set(start, counter++);
    stack.push(start);
    onStack.add(start);
    while (work.length > 0) {
      const top = work[work.length - 1];
      const succ = next.get(top.node) ?? [];
      if (top.i < succ.length) {
        const w = succ[top.i++];
        if (!index.has(w)) {
          index.set(w, counter);
          low.set(w, counter++);
          stack.push(w);
          onStack.add(w);
          work.push({ node: w, i: 0 });
        } else if (onStack.has(w)) low.set(top.node, Math.min(low.get(top.node)!, index.get(w)!));
        continue;
      }
      work.pop();
      if (work.length > 0) {
        const parent = work[work.length - 1].node;
        low.set(parent, Math.min(low.get(parent)!, low.get(top.node)!));
      }
      if (low.get(top.node) === index.get(top.node)) {
        const component: string[] = [];
        let w: string;
        do {
          w = stack.pop()!;
          onStack.delete(w);
          component.push(w);
        } while (w !== top.node);
        const selfLoop = (next.get(top.node) ?? []).includes(top.node);
        if (component.length > 1 || selfLoop) components.push(component);
      }
    }
  }
  return components.map((c) => cycleThrough(c, next));
}

/** One closed path through a strongly connected component, by breadth-first search. */
function cycleThrough(component: string[], next: Map<string, string[]>): string[] {
  const inside = new Set(component);
  const start = [...component].sort()[0];
  const cameFrom = new Map<string, string>();
  const queue = [start];
  while (queue.length > 0) {
    const node = queue.shift()!;
    for (const w of next.get(node) ?? []) {
      if (!inside.has(w)) continue;
      if (w === start) {
        const path = [start];
        for (let at: string | undefined = node; at !== undefined && at !== start; at = cameFrom.get(at))
          path.splice(1, 0, at);
        return [...path, start];
      }
      if (!cameFrom.has(w)) {
        cameFrom.set(w, node);
        queue.push(w);
      }
    }
  }
  return [start, start];
}
