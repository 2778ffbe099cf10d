/**
 * System programs and files a suite needs (poppler's pdftoppm and pdftotext, a CJK font). When
 * one is missing the suite is skipped with a loud warning, or fails under OUTPOST_REQUIRE_SYSTEM=1
 * (what .ci/run sets).
 */
import fs from 'node:fs';
import { spawnSync } from 'node:child_process';

export function hasProgram(name: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${name}`], { stdio: 'ignore' }).status === 0;
}

/** True when every requirement is met; otherwise warns (or throws under OUTPOST_REQUIRE_SYSTEM=1) and returns false. */
export function systemHas(
  what: string,
  requirements: { programs?: string[]; files?: string[]; install?: string },
): boolean {
  const missing = [
    ...(requirements.programs ?? []).filter((p) => !hasProgram(p)),
    ...(requirements.files ?? []).filter((f) => !fs.existsSync(f)),
  ];
  if (missing.length === 0) return true;
  const install = requirements.install ?? 'poppler-utils fonts-wqy-microhei';
  const message = `${what} needs ${missing.join(', ')} (apt-get install ${install})`;
  if (process.env.OUTPOST_REQUIRE_SYSTEM === '1')
    throw new Error(`${message}, and OUTPOST_REQUIRE_SYSTEM=1 forbids skipping`);
  console.warn(`\n*** SKIPPED: ${message} ***\n`);
  return false;
}
