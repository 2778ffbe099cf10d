/**
 * Builds the web app when its build is missing or older than its sources, so that `npm start`
 * on a fresh clone serves everything without a separate build step.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const WEB = path.join(ROOT, 'web');
/** The browser-safe core (`#core/*`) is bundled into the web app too. */
const CORE = path.join(ROOT, 'src', 'core');

function newest(dir: string): number {
  if (!fs.existsSync(dir)) return 0;
  let latest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'dist' || entry.name === 'node_modules') continue;
    const full = path.join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(full) : fs.statSync(full).mtimeMs);
  }
  return latest;
}

export function webBuildIsStale(): boolean {
  if (!fs.existsSync(path.join(WEB, 'index.html'))) return false;
  const built = path.join(WEB, 'dist', 'index.html');
  if (!fs.existsSync(built)) return true;
  const config = path.join(ROOT, 'vite.config.ts');
  const sources = Math.max(newest(WEB), newest(CORE), fs.existsSync(config) ? fs.statSync(config).mtimeMs : 0);
  return sources > fs.statSync(built).mtimeMs;
}

export async function ensureWebBuild(log?: (m: string) => void): Promise<void> {
  if (!webBuildIsStale()) return;
  log?.('building the web app …');
  const { build } = await import('vite');
  // Under vitest NODE_ENV is `test`, which would make Vite bundle React's development build.
  const saved = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({ configFile: path.join(ROOT, 'vite.config.ts'), logLevel: 'warn' });
  } finally {
    process.env.NODE_ENV = saved;
  }
}
