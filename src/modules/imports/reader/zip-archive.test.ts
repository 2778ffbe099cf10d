import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { deflateRawSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { zipOf } from '../../../../test/support/zip.ts';
import { openTable } from './read-table.ts';
import { entryChunks, openZip, type ZipArchive } from './zip-archive.ts';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'outpost-zip-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
const put = (name: string, bytes: Buffer) => {
  const file = path.join(dir, name);
  fs.writeFileSync(file, bytes);
  return file;
};

async function contents(zip: ZipArchive): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const [name, entry] of zip.entries) {
    const chunks: Buffer[] = [];
    for await (const chunk of entryChunks(zip, entry)) chunks.push(chunk);
    out[name] = Buffer.concat(chunks).toString();
  }
  return out;
}

const ENTRIES = { 'a.xml': Buffer.from('<a/>'.repeat(5000)), 'dir/b.xml': Buffer.from('长春') };
const TEXT = { 'a.xml': '<a/>'.repeat(5000), 'dir/b.xml': '长春' };

describe('openZip', () => {
  it('reads deflated and stored entries, and an archive with a comment', async () => {
    expect(await contents(await openZip(put('deflated.zip', zipOf(ENTRIES))))).toEqual(TEXT);
    expect(await contents(await openZip(put('stored.zip', zipOf(ENTRIES, { deflate: false }))))).toEqual(TEXT);
    // A comment that itself holds the end record's signature.
    const zip = zipOf(ENTRIES);
    const comment = Buffer.concat([Buffer.from('note PK'), Buffer.from([5, 6]), Buffer.alloc(20)]);
    zip.writeUInt16LE(comment.length, zip.length - 2);
    expect(await contents(await openZip(put('comment.zip', Buffer.concat([zip, comment]))))).toEqual(TEXT);
  });

  it('reads a ZIP64 archive', async () => {
    expect(await contents(await openZip(put('zip64.zip', zip64Of(ENTRIES))))).toEqual(TEXT);
  });

  it('reads a workbook in a ZIP64 archive', async () => {
    const sheet =
      '<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>code</t></is></c></row></sheetData></worksheet>';
    const file = put(
      'book.xlsx',
      zip64Of({
        'xl/workbook.xml': Buffer.from(
          '<workbook><sheets><sheet name="units" sheetId="1" r:id="rId1"/></sheets></workbook>',
        ),
        'xl/_rels/workbook.xml.rels': Buffer.from(
          '<Relationships><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="/xl/worksheets/sheet1.xml"/></Relationships>',
        ),
        'xl/worksheets/sheet1.xml': Buffer.from(sheet),
      }),
    );
    expect((await openTable(file)).header).toEqual(['code']);
  });

  it('refuses an archive cut short, or whose entry unpacks to another size than it says', async () => {
    const zip = zipOf(ENTRIES);
    await expect(openZip(put('cut.zip', zip.subarray(0, zip.length - 30)))).rejects.toThrow(
      'no zip end record: the file is cut short or not XLSX',
    );
    const lying = Buffer.from(zip);
    const record = lying.indexOf(Buffer.from([0x50, 0x4b, 1, 2]));
    lying.writeUInt32LE(19_999, record + 24);
    const archive = await openZip(put('lying.zip', lying));
    await expect(contents(archive)).rejects.toThrow(
      'a.xml unpacks to 20000 bytes, not the 19999 it should: the file is damaged',
    );
  });
});

/** A ZIP64 archive of deflated entries: every size and offset in the zip64 extra fields. */
function zip64Of(entries: Record<string, Buffer>): Buffer {
  const parts: Buffer[] = [];
  const directory: Buffer[] = [];
  let offset = 0;
  for (const [name, data] of Object.entries(entries)) {
    const packed = deflateRawSync(data);
    const fileName = Buffer.from(name);
    const local = Buffer.alloc(30 + fileName.length + 20);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(45, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(0xffffffff, 18);
    local.writeUInt32LE(0xffffffff, 22);
    local.writeUInt16LE(fileName.length, 26);
    local.writeUInt16LE(20, 28);
    fileName.copy(local, 30);
    local.writeUInt16LE(1, 30 + fileName.length);
    local.writeUInt16LE(16, 32 + fileName.length);
    local.writeBigUInt64LE(BigInt(data.length), 34 + fileName.length);
    local.writeBigUInt64LE(BigInt(packed.length), 42 + fileName.length);
    const central = Buffer.alloc(46 + fileName.length + 28);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(45, 4);
    central.writeUInt16LE(45, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(0xffffffff, 20);
    central.writeUInt32LE(0xffffffff, 24);
    central.writeUInt16LE(fileName.length, 28);
    central.writeUInt16LE(28, 30);
    central.writeUInt32LE(0xffffffff, 42);
    fileName.copy(central, 46);
    const extra = 46 + fileName.length;
    central.writeUInt16LE(1, extra);
    central.writeUInt16LE(24, extra + 2);
    central.writeBigUInt64LE(BigInt(data.length), extra + 4);
    central.writeBigUInt64LE(BigInt(packed.length), extra + 12);
    central.writeBigUInt64LE(BigInt(offset), extra + 20);
    parts.push(local, packed);
    directory.push(central);
    offset += local.length + packed.length;
  }
  const dir = Buffer.concat(directory);
  const count = BigInt(directory.length);
  const end64 = Buffer.alloc(56);
  end64.writeUInt32LE(0x06064b50, 0);
  end64.writeBigUInt64LE(44n, 4);
  end64.writeUInt16LE(45, 12);
  end64.writeUInt16LE(45, 14);
  end64.writeBigUInt64LE(count, 24);
  end64.writeBigUInt64LE(count, 32);
  end64.writeBigUInt64LE(BigInt(dir.length), 40);
  end64.writeBigUInt64LE(BigInt(offset), 48);
  const locator = Buffer.alloc(20);
  locator.writeUInt32LE(0x07064b50, 0);
  locator.writeBigUInt64LE(BigInt(offset + dir.length), 8);
  locator.writeUInt32LE(1, 16);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(0xffff, 8);
  end.writeUInt16LE(0xffff, 10);
  end.writeUInt32LE(0xffffffff, 12);
  end.writeUInt32LE(0xffffffff, 16);
  return Buffer.concat([...parts, dir, end64, locator, end]);
}
