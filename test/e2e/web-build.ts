/**
 * Builds the web app (vite build, as `npx vite build`) when web/dist is missing or older than
 * any source under web/ or vite.config.ts, so that the e2e suite never runs a stale bundle.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const INDEX = path.join(ROOT, 'web/dist/index.html');

function newest(dir: string): number {
  let latest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'dist' || entry.name === 'node_modules') continue;
    const full = path.join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(full) : fs.statSync(full).mtimeMs);
  }
  return latest;
}

export function webBuildIsStale(): boolean {
  if (!fs.existsSync(INDEX)) return true;
  const built = fs.statSync(INDEX).mtimeMs;
  return Math.max(newest(path.join(ROOT, 'web')), fs.statSync(path.join(ROOT, 'vite.config.ts')).mtimeMs) > built;
}

export async function ensureWebBuild(): Promise<void> {
  if (!webBuildIsStale()) return;
  const { build } = await import('vite');
  // vitest sets NODE_ENV=test, which would make Vite bundle React's development build.
  const saved = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({ configFile: path.join(ROOT, 'vite.config.ts'), logLevel: 'warn' });
  } finally {
    process.env.NODE_ENV = saved;
  }
}
