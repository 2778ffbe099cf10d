/**
 * Channel secrets are never shown back: a robot's key or token in its address, the password in
 * an SMTP address, DingTalk's signing secret. These mask them in every answer, listing, error
 * message and audit entry.
 *
 * @example
 *   maskUrl('https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=693a91f6') // '…/send?key=***'
 */

export const MASK = '***';

/**
 * An address with its password and every query value masked, and any path segment that looks
 * like a token (16 characters or more of letters and digits) too.
 */
export function maskUrl(url: string | null): string | null {
  if (url === null) return null;
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return MASK;
  }
  if (u.password) u.password = MASK;
  for (const key of [...new Set(u.searchParams.keys())]) u.searchParams.set(key, MASK);
  u.pathname = u.pathname
    .split('/')
    .map((s) => (/^[A-Za-z0-9_-]{16,}$/.test(s) && /\d/.test(s) && /[A-Za-z]/.test(s) ? MASK : s))
    .join('/');
  // URLSearchParams writes `*` as it is; keep the mask readable rather than percent-encoded.
  return u.toString().replaceAll('%2A', '*');
}

/** Removes every secret of `channel` from a message (an error from a library may quote its address). */
export function scrub(
  message: string,
  channel: { url: string | null; smtp_url: string | null; secret: string | null },
): string {
  let out = message;
  const secrets = [channel.secret, ...secretsOf(channel.url), ...secretsOf(channel.smtp_url)];
  for (const s of secrets) if (s && s.length >= 4) out = out.split(s).join(MASK);
  return out;
}

/** The parts of an address that maskUrl hides. */
function secretsOf(url: string | null): string[] {
  if (!url) return [];
  try {
    const u = new URL(url);
    const out = [u.password, decodeURIComponent(u.password), ...u.searchParams.values()];
    for (const s of u.pathname.split('/')) if (/^[A-Za-z0-9_-]{16,}$/.test(s)) out.push(s);
    // The whole address too, so that a message quoting it loses every part at once.
    return [url, ...out];
  } catch {
    return [url];
  }
}
