/**
 * TOTP secrets at rest: AES-256-GCM under the key file's TOTP key, bound to the account's
 * username (the additional data), so a copy of the database yields no second factor and one
 * account's sealed secret moved onto another does not open. Stored as `v1.<base64url of nonce,
 * ciphertext and tag>`.
 *
 * @example
 *   const stored = sealTotpSecret(db.keys, 'li.wei', newTotpSecret());
 *   openTotpSecret(db.keys, 'li.wei', stored); // the base32 secret
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { Keys } from '../../db/keys.ts';
import { AppError } from '../../shared/errors.ts';

const PREFIX = 'v1.';
const NONCE_BYTES = 12;
const TAG_BYTES = 16;

function aad(username: string): Buffer {
  return Buffer.from(`outpost totp secret of ${username}`);
}

export function sealTotpSecret(keys: Pick<Keys, 'totp'>, username: string, secret: string): string {
  const nonce = randomBytes(NONCE_BYTES);
  const cipher = createCipheriv('aes-256-gcm', keys.totp, nonce);
  cipher.setAAD(aad(username));
  const body = Buffer.concat([cipher.update(secret, 'utf8'), cipher.final()]);
  return PREFIX + Buffer.concat([nonce, body, cipher.getAuthTag()]).toString('base64url');
}

/** Whether a stored value is sealed already (a migration run twice must not seal twice). */
export function isSealed(stored: string): boolean {
  return stored.startsWith(PREFIX);
}

/**
 * The secret a sealed value holds. A value that does not open (another key file, or altered)
 * is refused loudly: treating it as "no second factor" would silently switch the factor off.
 */
export function openTotpSecret(keys: Pick<Keys, 'totp' | 'id' | 'file'>, username: string, stored: string): string {
  const raw = isSealed(stored) ? Buffer.from(stored.slice(PREFIX.length), 'base64url') : Buffer.alloc(0);
  if (raw.length > NONCE_BYTES + TAG_BYTES) {
    try {
      const decipher = createDecipheriv('aes-256-gcm', keys.totp, raw.subarray(0, NONCE_BYTES));
      decipher.setAAD(aad(username));
      decipher.setAuthTag(raw.subarray(raw.length - TAG_BYTES));
      return Buffer.concat([
        decipher.update(raw.subarray(NONCE_BYTES, raw.length - TAG_BYTES)),
        decipher.final(),
      ]).toString('utf8');
    } catch {
      // falls through to the refusal below
    }
  }
  throw new AppError('totp_secret_unreadable', { username, file: keys.file ?? 'in-memory keys', key: keys.id });
}
