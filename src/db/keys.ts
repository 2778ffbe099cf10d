/**
 * The deployment's secret keys, kept in a file outside the database: the audit chain is keyed
 * with one (an HMAC, so someone who can write the database but not read this file cannot
 * recompute the chain), TOTP secrets are encrypted with another (AES-256-GCM), and device
 * cookies are signed with a third. All three are derived (HKDF-SHA256) from one random master
 * key, the only thing the file holds.
 *
 * The file is `OUTPOST_KEY_FILE`, else `<name>.keys` beside a SQLite database
 * (`./data/outpost.sqlite` -> `./data/outpost.keys`), else `./data/outpost.keys` (PostgreSQL). It
 * is made on first start, mode 0600; a file others may read is refused, as ssh refuses a key.
 *
 * @example
 *   const keys = loadKeys(keyFileFor('./data/outpost.sqlite'));
 *   keys.id; // '3f9a…' names the key without revealing it (backups and errors say which key)
 */
import fs from 'node:fs';
import path from 'node:path';
import { createHash, hkdfSync, randomBytes } from 'node:crypto';
import { AppError } from '../shared/errors.ts';

const FORMAT = 'outpost-keys';
const VERSION = 1;
const MASTER_BYTES = 32;

export interface Keys {
  /** A fingerprint of the master key: safe to show, store and compare. */
  id: string;
  /** The file the keys came from; null for an in-memory database's throwaway keys. */
  file: string | null;
  /** HMAC-SHA256 key of the audit chain. */
  audit: Buffer;
  /** AES-256-GCM key of the TOTP secrets. */
  totp: Buffer;
  /** HMAC-SHA256 key of the device cookies. */
  device: Buffer;
}

/** Where the keys of a database live: `OUTPOST_KEY_FILE`, beside a SQLite file, or ./data/outpost.keys. */
export function keyFileFor(url: string, env: NodeJS.ProcessEnv = process.env): string | null {
  if (env.OUTPOST_KEY_FILE) return path.resolve(env.OUTPOST_KEY_FILE);
  if (/^postgres(ql)?:\/\//.test(url)) return path.resolve('data', 'outpost.keys');
  if (url === ':memory:') return null;
  const file = path.resolve(url);
  return path.join(path.dirname(file), `${path.basename(file, path.extname(file))}.keys`);
}

/** The keys of a file, made first when it does not exist; throwaway keys for null (an in-memory database). */
export function loadKeys(file: string | null): Keys {
  if (file === null) return deriveKeys(randomBytes(MASTER_BYTES), null);
  if (!fs.existsSync(file)) createKeyFile(file);
  const stat = fs.statSync(file);
  if (process.platform !== 'win32' && (stat.mode & 0o077) !== 0)
    throw new AppError('key_file_exposed', { file, mode: (stat.mode & 0o777).toString(8) });
  return deriveKeys(parseKeyFile(file, fs.readFileSync(file, 'utf8')), file);
}

function parseKeyFile(file: string, text: string): Buffer {
  let parsed: { format?: unknown; version?: unknown; key?: unknown };
  try {
    parsed = JSON.parse(text) as typeof parsed;
  } catch {
    parsed = {};
  }
  const key = typeof parsed.key === 'string' ? Buffer.from(parsed.key, 'base64') : Buffer.alloc(0);
  if (parsed.format !== FORMAT || parsed.version !== VERSION || key.length !== MASTER_BYTES)
    throw new AppError('key_file_invalid', { file, version: VERSION, bytes: MASTER_BYTES });
  return key;
}

/**
 * Writes a new key file whole before it gets its name, so a second process starting at the same
 * moment either finds no file (and makes its own, which loses the race to link) or a complete one.
 */
function createKeyFile(file: string): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const text = `${JSON.stringify({
    format: FORMAT,
    version: VERSION,
    created_at: new Date().toISOString(),
    note: 'The keys of an Outpost database (audit chain, TOTP secrets, device cookies). Keep it apart from the backups and restore it with them: without it, second factors cannot be checked and the audit chain cannot be verified.',
    key: randomBytes(MASTER_BYTES).toString('base64'),
  })}\n`;
  const tmp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  const fd = fs.openSync(tmp, 'wx', 0o600);
  try {
    fs.writeSync(fd, text);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  try {
    fs.linkSync(tmp, file);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
  } finally {
    fs.rmSync(tmp, { force: true });
  }
}

function derive(master: Buffer, purpose: string): Buffer {
  return Buffer.from(hkdfSync('sha256', master, Buffer.alloc(0), `outpost ${purpose}`, 32));
}

function deriveKeys(master: Buffer, file: string | null): Keys {
  return {
    id: createHash('sha256').update(derive(master, 'key id')).digest('hex').slice(0, 16),
    file,
    audit: derive(master, 'audit chain'),
    totp: derive(master, 'totp secrets'),
    device: derive(master, 'device cookies'),
  };
}
