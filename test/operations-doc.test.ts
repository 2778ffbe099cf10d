/**
 * The operator's documents hold: docs/configuration.md lists every environment variable the
 * code reads (and no other), docs/operations.md shows the shipped nginx, systemd and settings
 * files exactly as they are, and the unit file is one systemd accepts.
 */
import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { systemHas } from './support/system-tools.ts';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const read = (file: string) => fs.readFileSync(path.join(ROOT, file), 'utf8');

/** Source files whose environment reads count: the server, the CLI, tests, benchmarks, tools, configs. */
function codeFiles(): string[] {
  const out: string[] = ['vite.config.ts', 'vitest.config.ts'];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true })) {
      const rel = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== 'node_modules' && entry.name !== 'fixtures') walk(rel);
      } else if (/\.(ts|tsx|js|mjs)$/.test(entry.name)) out.push(rel);
    }
  };
  for (const dir of ['src', 'bin', 'test', 'bench', 'tools']) walk(dir);
  return out.filter((f) => fs.existsSync(path.join(ROOT, f)));
}

/** Names read as `process.env.<name>`, `env.<name>` or `env['<name>']` (in capitals). */
function variablesRead(): Map<string, string> {
  const found = new Map<string, string>();
  for (const file of codeFiles()) {
    const text = read(file);
    for (const m of text.matchAll(/\benv(?:\.([A-Z][A-Z0-9_]*)\b|\[\s*['"]([A-Z][A-Z0-9_]*)['"]\s*\])/g))
      if (!found.has(m[1] ?? m[2])) found.set(m[1] ?? m[2], file);
  }
  return found;
}

/** The variables the tables of docs/configuration.md name in their first column. */
function variablesDocumented(): string[] {
  return [...read('docs/configuration.md').matchAll(/^\| `([A-Z][A-Z0-9_]*)` \|/gm)].map((m) => m[1]);
}

describe('docs/configuration.md', () => {
  it('lists every environment variable the code reads', () => {
    const documented = new Set(variablesDocumented());
    const missing = [...variablesRead()].filter(([name]) => !documented.has(name)).map(([n, f]) => `${n} (${f})`);
    expect(missing, 'variables read by the code but missing from docs/configuration.md').toEqual([]);
    // The server's own settings are certainly among them.
    for (const name of ['OUTPOST_DB', 'PORT', 'HOST', 'OUTPOST_TZ', 'OUTPOST_LOG_LEVEL', 'OUTPOST_TRUST_PROXY'])
      expect(variablesRead().has(name), name).toBe(true);
  });

  it('lists each variable once, and none the code no longer mentions', () => {
    const documented = variablesDocumented();
    expect(documented.length).toBe(new Set(documented).size);
    const code = codeFiles().map(read).join('\n') + read('.ci/run');
    const stale = documented.filter((name) => !new RegExp(`\\b${name}\\b`).test(code));
    expect(stale, 'documented variables nothing reads any more').toEqual([]);
  });

  it('documents every setting of the service’s environment file', () => {
    const documented = new Set(variablesDocumented());
    const settings = read('docs/systemd/outpost.env')
      .split('\n')
      .filter((l) => /^[A-Z]/.test(l))
      .map((l) => l.split('=')[0]);
    expect(settings.length).toBeGreaterThan(0);
    expect(settings.filter((s) => !documented.has(s))).toEqual([]);
  });
});

describe('docs/operations.md', () => {
  it('shows the shipped files exactly as they are', () => {
    const guide = read('docs/operations.md');
    const shown = [...guide.matchAll(/<!-- file: (\S+) -->\n```\w*\n([\s\S]*?)```\n<!-- end -->/g)];
    expect(shown.map((m) => m[1]).sort()).toEqual([
      'docs/nginx/outpost.conf',
      'docs/systemd/outpost.env',
      'docs/systemd/outpost.service',
    ]);
    for (const [, file, text] of shown) expect(text, `${file} as docs/operations.md shows it`).toBe(read(file));
  });

  it.skipIf(!systemHas('the systemd unit check', { programs: ['systemd-analyze'], install: 'systemd' }))(
    'ships a unit file systemd accepts without a warning',
    () => {
      const run = spawnSync('systemd-analyze', ['verify', path.join(ROOT, 'docs/systemd/outpost.service')], {
        encoding: 'utf8',
      });
      const complaints = `${run.stdout}${run.stderr}`.split('\n').filter((l) => l.includes('outpost.service'));
      expect(complaints).toEqual([]);
      expect(run.status).toBe(0);
    },
  );
});
