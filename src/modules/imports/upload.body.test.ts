import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { receiveUpload, uploadName } from './upload.body.ts';

// A temporary folder of this file's own, so that no other file's uploads show in it.
const TMP = fs.mkdtempSync(path.join(os.tmpdir(), 'outpost-body-test-'));
process.env.TMPDIR = TMP;
afterAll(() => fs.rmSync(TMP, { recursive: true, force: true }));

describe('receiveUpload', () => {
  it('writes the body under the user’s file name in a folder of its own, and removes both', async () => {
    const upload = await receiveUpload(Readable.from([Buffer.from('code,name\n'), Buffer.from('P,Province\n')]), {
      name: 'C:\\Users\\desk\\areas-2023.csv',
      cap: 1024,
    });
    expect(upload.path.endsWith('/areas-2023.csv')).toBe(true);
    expect(fs.readFileSync(upload.path, 'utf8')).toBe('code,name\nP,Province\n');
    expect(upload.bytes).toBe(21);
    await upload.remove();
    expect(fs.existsSync(upload.path.replace(/\/[^/]+$/, ''))).toBe(false);
  });

  it('refuses a length announced over the cap before reading, and cuts off a body that grows past it', async () => {
    await expect(
      receiveUpload(Readable.from([Buffer.from('x')]), { name: 'a.csv', announced: '2048', cap: 1024 }),
    ).rejects.toMatchObject({
      code: 'upload_too_large',
      httpStatus: 413,
      message: expect.stringMatching(/^a\.csv is 2 KiB; .* at most 1 KiB/),
    });
    const chunks = Array.from({ length: 10 }, () => Buffer.alloc(200, 'x'));
    const before = tempFolders();
    await expect(receiveUpload(Readable.from(chunks), { name: 'a.csv', cap: 1024 })).rejects.toMatchObject({
      code: 'upload_too_large',
      params: { bytes: null, cap: 1024 },
    });
    expect(tempFolders()).toEqual(before);
    expect(before).toEqual([]);
  });

  it('says when the upload was cut short, leaving nothing behind', async () => {
    const body = new Readable({ read() {} });
    body.push(Buffer.from('code\n'));
    setTimeout(() => body.destroy(Object.assign(new Error('aborted'), { code: 'ECONNRESET' })), 10);
    const before = tempFolders();
    await expect(receiveUpload(body, { name: 'a.csv', cap: 1024 })).rejects.toMatchObject({
      code: 'upload_cut_short',
      message: expect.stringMatching(/cut short/),
    });
    expect(tempFolders()).toEqual(before);
  });
});

describe('uploadName', () => {
  it('keeps the base name and refuses what names no file', () => {
    expect(uploadName('surveys 六月.csv')).toBe('surveys 六月.csv');
    expect(uploadName('../../etc/units.csv')).toBe('units.csv');
    for (const name of ['', '..', '.', 'a/', 'bad\u0000.csv'])
      expect(() => uploadName(name)).toThrow(/not a file name/);
    expect(uploadName(`${'走'.repeat(60)}.csv`)).toHaveLength(64);
    expect(() => uploadName(`${'走'.repeat(70)}.csv`)).toThrow(/too long/);
  });
});

function tempFolders(): string[] {
  return fs.readdirSync(TMP).sort();
}
