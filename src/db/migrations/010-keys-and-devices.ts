import type { Kysely } from 'kysely';
import type { DB } from '../schema.ts';
import type { Keys } from '../keys.ts';
import { writeKeyMark } from '../key-check.ts';
import { isSealed, sealTotpSecret } from '../../modules/accounts/totp-secret.ts';

/**
 * Keys kept outside the database (issue 16): the audit chain goes on under an HMAC from here on,
 * the TOTP secrets there are get sealed with AES-256-GCM, and failed sign-ins remember the device
 * (its device cookie's id) they came from, so a known device is counted apart from strangers.
 */
export async function up(db: Kysely<unknown>, keys: Keys): Promise<void> {
  await db.schema.alterTable('login_attempts').addColumn('device', 'text').execute();
  await db.schema
    .createIndex('login_attempts_device_idx')
    .on('login_attempts')
    .columns(['username', 'device', 'id'])
    .execute();
  await keyExistingData(db as Kysely<DB>, keys);
}

/**
 * Keys what was written before the database had keys: the chain that exists is carried over
 * whole (its entries keep their SHA-256; the mark pins its last one under the key), and every
 * TOTP secret stored in plain text is sealed. Also run when a backup made before keys is restored.
 */
export async function keyExistingData(db: Kysely<DB>, keys: Keys): Promise<void> {
  const plain = await db
    .selectFrom('accounts')
    .select(['id', 'username', 'totp_secret'])
    .where('totp_secret', 'is not', null)
    .execute();
  for (const account of plain) {
    if (account.totp_secret === null || isSealed(account.totp_secret)) continue;
    await db
      .updateTable('accounts')
      .set({ totp_secret: sealTotpSecret(keys, account.username, account.totp_secret) })
      .where('id', '=', account.id)
      .execute();
  }
  await writeKeyMark(db, keys);
}
