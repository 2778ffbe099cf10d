import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { zipOf } from '../../../../test/support/zip.ts';
import { writeTemplate } from './write-template.ts';
import { unpackedSize } from './unpacked-size.ts';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'outpost-unpacked-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
const put = (name: string, bytes: Buffer) => {
  const file = path.join(dir, name);
  fs.writeFileSync(file, bytes);
  return file;
};
const MIB = 1024 * 1024;

describe('unpackedSize', () => {
  it('counts what every entry of a workbook unpacks to, deflated or stored', async () => {
    const file = put('book.xlsx', zipOf({ 'a.xml': Buffer.alloc(5000, 'a'), 'b.xml': Buffer.alloc(300, 'b') }));
    expect(await unpackedSize(file, 'book.xlsx', MIB)).toBe(5300);
    const stored = put('stored.xlsx', zipOf({ 'a.xml': Buffer.alloc(700, 'a') }, { deflate: false }));
    expect(await unpackedSize(stored, 'stored.xlsx', MIB)).toBe(700);
  });

  it('reads a workbook as the templates are written', async () => {
    const file = path.join(dir, 'template.xlsx');
    await writeTemplate(file, [
      { name: 'areas', columns: [{ name: 'code', zh: '代码', required: true }], example: {} },
    ]);
    const size = await unpackedSize(file, 'template.xlsx', MIB);
    expect(size).toBeGreaterThan(fs.statSync(file).size);
    expect(size).toBeLessThan(MIB);
  });

  it('stops just past the limit, whatever a small file would unpack to', async () => {
    const bomb = put('bomb.xlsx', zipOf({ 'xl/worksheets/sheet1.xml': Buffer.alloc(256 * MIB, '<row/>') }));
    expect(fs.statSync(bomb).size).toBeLessThan(MIB);
    const started = Date.now();
    const size = await unpackedSize(bomb, 'bomb.xlsx', 4 * MIB);
    expect(size).toBeGreaterThan(4 * MIB);
    expect(size).toBeLessThan(8 * MIB);
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('counts a .csv.gz by unpacking it, never by the size it declares', async () => {
    const gz = gzipSync(Buffer.alloc(3 * MIB, 'x'));
    gz.writeUInt32LE(10, gz.length - 4); // the gzip trailer's size, a lie
    const file = put('surveys.csv.gz', gz);
    expect(await unpackedSize(file, 'surveys.csv.gz', MIB)).toBeGreaterThan(MIB);
  });

  it('refuses a damaged workbook, naming the file', async () => {
    const file = put('cut.xlsx', zipOf({ 'a.xml': Buffer.alloc(5000, 'a') }).subarray(0, 60));
    await expect(unpackedSize(file, 'cut.xlsx', MIB)).rejects.toMatchObject({
      code: 'file_rejected',
      details: [
        {
          file: 'cut.xlsx',
          line: 1,
          column: '(file)',
          code: 'xlsx_unreadable',
          reason: expect.stringMatching(/not a readable XLSX/),
        },
      ],
    });
  });

  it('takes the size of a plain CSV from the disk', async () => {
    expect(await unpackedSize(put('units.csv', Buffer.from('code\n')), 'units.csv', 10)).toBe(5);
  });
});
