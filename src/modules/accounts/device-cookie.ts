/**
 * Device cookies (OWASP, "Slow Down Online Guessing Attacks with Device Cookies"): a browser
 * that signed in as a username once gets a token that says so, signed with the key file's device
 * key. Signing in again from it, its failures are counted for that device alone, so strangers
 * guessing the password (who lock the username for every device without a token) do not lock
 * its owner out. One cookie holds the tokens of the last few usernames signed in on the device
 * (a phone shared by a room's officers), newest first.
 *
 * @example
 *   const token = newDeviceToken(keys, 'li.wei');
 *   deviceOf(keys, [token], 'li.wei'); // the device's id
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Keys } from '../../db/keys.ts';

export const DEVICE_COOKIE = 'outpost_device';
/** How long a device stays known without signing in again. */
export const DEVICE_DAYS = 180;
/** The usernames one device remembers. */
const KEPT = 5;
const SEPARATOR = '~';

function signature(keys: Pick<Keys, 'device'>, username: string, device: string): Buffer {
  return createHmac('sha256', keys.device).update(`outpost device ${device} of ${username}`).digest();
}

/** A new token for a username on this device: `<username, base64url>.<device id>.<signature>`. */
export function newDeviceToken(keys: Pick<Keys, 'device'>, username: string): string {
  const device = randomBytes(16).toString('base64url');
  return [
    Buffer.from(username).toString('base64url'),
    device,
    signature(keys, username, device).toString('base64url'),
  ].join('.');
}

/** The tokens a cookie value holds (none for a missing or malformed one). */
export function deviceTokens(cookie: string | undefined): string[] {
  if (!cookie || cookie.length > 2000) return [];
  return cookie.split(SEPARATOR).filter((t) => t.length > 0 && t.length < 400);
}

/** The id of the device a valid token of the username names, or null: unknown to the username. */
export function deviceOf(keys: Pick<Keys, 'device'>, tokens: readonly string[], username: string): string | null {
  for (const token of tokens) {
    const [who, device, sig] = token.split('.');
    if (!who || !device || !sig || Buffer.from(who, 'base64url').toString() !== username) continue;
    const given = Buffer.from(sig, 'base64url');
    const expected = signature(keys, username, device);
    if (given.length === expected.length && timingSafeEqual(given, expected)) return device;
  }
  return null;
}

/** The cookie value after signing in as a username: its new token first, then the others kept. */
export function withDeviceToken(tokens: readonly string[], username: string, token: string): string {
  const mine = Buffer.from(username).toString('base64url');
  const others = tokens.filter((t) => t.split('.')[0] !== mine);
  return [token, ...others].slice(0, KEPT).join(SEPARATOR);
}
