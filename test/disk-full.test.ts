import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { openDatabase } from '../src/db/database.ts';
import { load, TINY } from './support/factory.ts';
import { AppError } from '../src/shared/errors.ts';

/** A 4 MiB file system for the database, so an import can fill it (needs root to mount). */
function smallDisk(): string | null {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'outpost-full-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=4m', 'tmpfs', dir], { stdio: 'ignore' });
    return dir;
  } catch {
    return null;
  }
}

const disk = smallDisk();
if (!disk) {
  const message = 'SKIPPED: the full-disk test needs to mount a small tmpfs (run as root)';
  if (process.env.OUTPOST_REQUIRE_SYSTEM === '1')
    throw new Error(`${message}, and OUTPOST_REQUIRE_SYSTEM=1 forbids skipping`);
  console.warn(`\n*** ${message} ***\n`);
}

describe.skipIf(!disk)('a full disk during an import (SQLite)', () => {
  const file = disk ? path.join(disk, 'outpost.sqlite') : '';
  beforeAll(async () => {
    const db = await openDatabase(file);
    await load(db, TINY);
    await db.close();
  });
  afterAll(() => {
    if (disk) execFileSync('umount', [disk]);
  });

  it('fails the import cleanly, writes nothing, and leaves the database intact', async () => {
    const db = await openDatabase(file);
    const visits = Array.from({ length: 60_000 }, (_, i) => ({
      date: '2019-06-01',
      badge: 'B3',
      area_code: 'V3',
      household_ref: `H-${i}-${'x'.repeat(40)}`,
    }));
    const error = await load(db, { visits }).catch((e) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('disk_full');
    expect((error as AppError).message).toMatch(/disk .* is full/);
    expect(
      Number(
        (await db.kysely.selectFrom('visits').select(db.kysely.fn.countAll().as('n')).executeTakeFirstOrThrow()).n,
      ),
    ).toBe(0);
    expect(db.sqlite!.pragma('integrity_check', { simple: true })).toBe('ok');
    // What was there before is still there, and small writes still work.
    expect(
      Number((await db.kysely.selectFrom('areas').select(db.kysely.fn.countAll().as('n')).executeTakeFirstOrThrow()).n),
    ).toBe(TINY.areas!.length);
    await load(db, {
      surveys: [
        {
          ref: 'after-full',
          date: '2019-06-02',
          area_code: 'V1',
          knows_officer: 'yes',
          satisfaction: 5,
          channel: 'door',
        },
      ],
    });
    await db.close();
  });
});

describe.skipIf(!disk || !!process.env.OUTPOST_TEST_PG_URL)('a full disk during an import (PostgreSQL)', () => {
  it('fails the import cleanly and leaves earlier data and later writes working', async () => {
    const { inject } = await import('vitest');
    const pg = (await import('pg')).default;
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'outpost-pgfull-'));
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=24m', 'tmpfs', dir]);
    execFileSync('chown', ['postgres', dir]);
    const admin = new pg.Client({ connectionString: inject('pgAdminUrl') });
    await admin.connect();
    const name = `full_${Date.now()}`;
    try {
      await admin.query(`create tablespace ${name} location '${dir}'`);
      await admin.query(`create database ${name} tablespace ${name}`);
      const url = new URL(inject('pgAdminUrl'));
      url.pathname = `/${name}`;
      const db = await openDatabase(url.toString());
      await load(db, TINY);
      const visits = Array.from({ length: 250_000 }, (_, i) => ({
        date: '2019-06-01',
        badge: 'B3',
        area_code: 'V3',
        household_ref: `H-${i}-${'x'.repeat(50)}`,
      }));
      const error = await load(db, { visits }).catch((e) => e);
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).code).toBe('disk_full');
      expect(
        Number(
          (await db.kysely.selectFrom('visits').select(db.kysely.fn.countAll().as('n')).executeTakeFirstOrThrow()).n,
        ),
      ).toBe(0);
      expect(
        Number(
          (await db.kysely.selectFrom('areas').select(db.kysely.fn.countAll().as('n')).executeTakeFirstOrThrow()).n,
        ),
      ).toBe(TINY.areas!.length);
      await load(db, {
        surveys: [
          {
            ref: 'after-full',
            date: '2019-06-02',
            area_code: 'V1',
            knows_officer: 'yes',
            satisfaction: 5,
            channel: 'door',
          },
        ],
      });
      await db.close();
    } finally {
      await admin.query(`drop database if exists ${name} with (force)`).catch(() => undefined);
      await admin.query(`drop tablespace if exists ${name}`).catch(() => undefined);
      await admin.end();
      execFileSync('umount', ['-l', dir]);
    }
  });
});
