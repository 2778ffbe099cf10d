import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { exceljsSheets, type SheetRows } from '../../../../test/support/exceljs-rows.ts';
import { zipOf } from '../../../../test/support/zip.ts';
import { AppError } from '../../../shared/errors.ts';
import { openTable, xlsxSheets } from './read-table.ts';

// Workbooks as other programs write them, built part by part: what the reader makes of each
// construct, and how it refuses what it cannot read.

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'outpost-xlsx-sheet-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

interface Parts {
  sheets: Record<string, string>;
  strings?: string[];
  /** Number formats of the cell styles after style 0, e.g. [14] for a date style 1. */
  styles?: number[];
  /** The whole of xl/styles.xml instead. */
  stylesXml?: string;
  workbookPr?: string;
  prefix?: string;
  deflate?: boolean;
}

/** A workbook of the given sheets' `<sheetData>…` content (and what follows it). */
function xlsx(name: string, parts: Parts): string {
  const x = parts.prefix ? `${parts.prefix}:` : '';
  const ns = parts.prefix ? `xmlns:${parts.prefix}="${MAIN}"` : `xmlns="${MAIN}"`;
  const names = Object.keys(parts.sheets);
  const entries: Record<string, Buffer> = {
    'xl/workbook.xml': Buffer.from(
      `<?xml version="1.0" encoding="UTF-8"?><${x}workbook ${ns} xmlns:r="${REL}">` +
        (parts.workbookPr ? `<${x}workbookPr ${parts.workbookPr}/>` : '') +
        `<${x}sheets>${names.map((n, i) => `<${x}sheet name="${n}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('')}` +
        `</${x}sheets></${x}workbook>`,
    ),
    'xl/_rels/workbook.xml.rels': Buffer.from(
      `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
        names
          .map(
            (_, i) => `<Relationship Id="rId${i + 1}" Type="${REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`,
          )
          .join('') +
        `</Relationships>`,
    ),
    'xl/styles.xml': Buffer.from(
      parts.stylesXml ??
        `<${x}styleSheet ${ns}><${x}cellXfs><${x}xf numFmtId="0"/>` +
          (parts.styles ?? []).map((id) => `<${x}xf numFmtId="${id}"/>`).join('') +
          `</${x}cellXfs></${x}styleSheet>`,
    ),
  };
  if (parts.strings) {
    entries['xl/sharedStrings.xml'] = Buffer.from(
      `<${x}sst ${ns}>${parts.strings.map((s) => `<${x}si>${s}</${x}si>`).join('')}</${x}sst>`,
    );
  }
  names.forEach((n, i) => {
    entries[`xl/worksheets/sheet${i + 1}.xml`] = Buffer.from(
      `<?xml version="1.0" encoding="UTF-8"?>\r\n<${x}worksheet ${ns} xmlns:r="${REL}">${parts.sheets[n]}</${x}worksheet>`,
    );
  });
  const file = path.join(dir, name);
  fs.writeFileSync(file, zipOf(entries, { deflate: parts.deflate ?? true }));
  return file;
}

async function streamed(file: string): Promise<SheetRows[]> {
  const sheets: SheetRows[] = [];
  for await (const { name, table } of xlsxSheets(file)) {
    const rows = [];
    for await (const row of table.rows) rows.push(row);
    sheets.push({ name, header: table.header, rows });
  }
  return sheets;
}

async function refusal(file: string): Promise<string> {
  try {
    await streamed(file);
  } catch (error) {
    if (error instanceof AppError) return error.message;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('reading sheets streamed', () => {
  it('reads cells by their reference, skipping what is missing, as exceljs did', async () => {
    const file = xlsx('sparse.xlsx', {
      strings: ['<t>code</t>', '<t>name</t>', '<r><t xml:space="preserve">Room </t></r><r><rPr><b/></rPr><t>B</t></r>'],
      styles: [14, 164],
      sheets: {
        units:
          '<cols><col min="4" max="4" style="1"/></cols><sheetData>' +
          '<row r="2"><c r="A2" t="s"><v>0</v></c><c r="C2" t="s"><v>1</v></c></row>' +
          '<row r="3"/>' +
          '<row r="5" spans="1:4"><c r="A5" t="inlineStr"><is><t>U1</t></is></c><c r="B5" s="1"/><c r="C5" t="s"><v>2</v></c></row>' +
          '<row r="7"><c r="B7" s="1"><v>43617</v></c><c r="D7"><v>43617</v></c><c r="E7" t="b"><v>1</v></c></row>' +
          '</sheetData>',
      },
    });
    const rows = await streamed(file);
    expect(rows).toEqual([
      {
        name: 'units',
        header: ['code', '', 'name'],
        rows: [
          { line: 'units:5', cells: ['U1', '', 'Room B'] },
          { line: 'units:7', cells: ['', '2019-06-01', '', '43617', 'TRUE'] },
        ],
      },
    ]);
    expect(rows).toEqual(await exceljsSheets(file));
  });

  it('tells dates by the number formats of the cell styles only, as exceljs did, and Chinese built-in date formats too', async () => {
    const file = xlsx('styles.xlsx', {
      stylesXml:
        `<styleSheet xmlns="${MAIN}"><numFmts count="2"><numFmt numFmtId="164" formatCode="yyyy\\-mm\\-dd"/>` +
        `<numFmt numFmtId="165" formatCode="0.00&quot;d&quot;"/></numFmts>` +
        `<cellStyleXfs><xf numFmtId="14"/><xf numFmtId="14"/></cellStyleXfs>` +
        `<cellXfs><xf numFmtId="0"/><xf numFmtId="164"/><xf numFmtId="165"/><xf numFmtId="31"/><xf numFmtId="22"/></cellXfs>` +
        `<dxfs><dxf><numFmt numFmtId="164" formatCode="0.00"/></dxf></dxfs></styleSheet>`,
      sheets: {
        units:
          '<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>n</t></is></c></row><row r="2">' +
          '<c r="A2"><v>43617</v></c><c r="B2" s="1"><v>43617</v></c><c r="C2" s="2"><v>43617</v></c>' +
          '<c r="D2" s="3"><v>43617</v></c><c r="E2" s="4"><v>43617.75</v></c></row></sheetData>',
      },
    });
    const rows = await streamed(file);
    expect(rows[0].rows).toEqual([
      { line: 'units:2', cells: ['43617', '2019-06-01', '43617', '2019-06-01', '2019-06-01 18:00:00'] },
    ]);
    // exceljs read the built-in format 31 (yyyy年m月d日 in Chinese Excel) as a number.
    const old = await exceljsSheets(file);
    expect(old[0].rows[0].cells[3]).toBe('43617');
    old[0].rows[0].cells[3] = '2019-06-01';
    expect(rows).toEqual(old);
  });

  it('fills merged ranges from their top-left cell, on rows the file leaves out too, as exceljs did', async () => {
    const file = xlsx('merged.xlsx', {
      styles: [14],
      sheets: {
        units:
          '<cols><col min="3" max="3" style="1"/></cols><sheetData>' +
          '<row r="1"><c r="A1" t="inlineStr"><is><t>county</t></is></c><c r="B1" t="inlineStr"><is><t>x</t></is></c></row>' +
          '<row r="2"><c r="A2" t="inlineStr"><is><t>南关区</t></is></c><c r="B2"><f>1+1</f><v>43617</v></c></row>' +
          '<row r="3"><c r="A3" t="inlineStr"><is><t>lost to the merge</t></is></c><c r="B3"><v>3</v></c></row>' +
          '<row r="6"><c r="B6"><v>6</v></c></row>' +
          '</sheetData><mergeCells count="2"><mergeCell ref="A2:A5"/><mergeCell ref="B2:C2"/></mergeCells>',
      },
    });
    const rows = await streamed(file);
    expect(rows[0].rows).toEqual([
      { line: 'units:2', cells: ['南关区', '43617', '2019-06-01'] },
      { line: 'units:3', cells: ['南关区', '3'] },
      { line: 'units:4', cells: ['南关区', ''] },
      { line: 'units:5', cells: ['南关区', ''] },
      { line: 'units:6', cells: ['', '6'] },
    ]);
    expect(rows).toEqual(await exceljsSheets(file));
  });

  it('reads prefixed SpreadsheetML, cells and rows without references, entities, CDATA and comments', async () => {
    const file = xlsx('prefixed.xlsx', {
      prefix: 'x',
      strings: [
        '<x:t>code</x:t>',
        '<x:t>&#x540D;&#31216; &lt;&amp;&gt;</x:t><x:rPh sb="0" eb="1"><x:t>ミョウ</x:t></x:rPh>',
      ],
      deflate: false,
      sheets: {
        units:
          '<x:sheetData><!-- written by hand --><x:row><x:c t="s"><x:v>0</x:v></x:c><x:c t="s"><x:v>1</x:v></x:c></x:row>\r\n' +
          '<x:row><x:c t="inlineStr"><x:is><x:t><![CDATA[<U1> & co]]></x:t></x:is></x:c>' +
          '<x:c t="inlineStr"><x:is><x:t>line_x000D_\r\nnext</x:t></x:is></x:c></x:row></x:sheetData>',
      },
    });
    expect(await streamed(file)).toEqual([
      {
        name: 'units',
        header: ['code', '名称 <&>'],
        rows: [{ line: 'units:2', cells: ['<U1> & co', 'line\r\nnext'] }],
      },
    ]);
  });

  // Where the old reader was wrong, the streamed one reads what the file says.
  it('reads what exceljs misread: formula results 0 and FALSE, an empty shared string, text like an entity', async () => {
    const file = xlsx('misread.xlsx', {
      strings: ['<t>a</t>', '', '<t>c</t>', '<t>d</t>', '<t>e</t>'],
      workbookPr: 'date1904="true"',
      styles: [14],
      sheets: {
        units:
          '<sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c>' +
          '<c r="D1" t="s"><v>3</v></c><c r="E1" t="s"><v>4</v></c></row>' +
          '<row r="2"><c r="A2"><f>1-1</f><v>0</v></c><c r="B2" t="b"><f>1=2</f><v>0</v></c>' +
          '<c r="C2" t="str"><v>&amp;amp; &amp;lt;</v></c><c r="D2" t="d"><v>2019-06-01T08:30:00</v></c>' +
          '<c r="E2" s="1"><v>42155</v></c></row></sheetData>',
      },
    });
    const [sheet] = await streamed(file);
    expect(sheet.header).toEqual(['a', '', 'c', 'd', 'e']);
    expect(sheet.rows).toEqual([
      { line: 'units:2', cells: ['0', 'FALSE', '&amp; &lt;', '2019-06-01 08:30:00', '2019-06-01'] },
    ]);
    const [old] = await exceljsSheets(file);
    expect(old.header[1]).toBe('[object Object]');
    expect(old.rows[0].cells).toEqual(['', '', '& <', '2019', '2015-05-31']);
  });

  it('stops reading when the rows are left, and frees the file', async () => {
    const rows = Array.from({ length: 20_000 }, (_, i) => `<row r="${i + 2}"><c r="A${i + 2}"><v>${i}</v></c></row>`);
    const file = xlsx('long.xlsx', {
      sheets: {
        units: `<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>n</t></is></c></row>${rows.join('')}</sheetData>`,
      },
    });
    const fds = () => (fs.existsSync('/proc/self/fd') ? fs.readdirSync('/proc/self/fd').length : 0);
    const before = fds();
    const table = await openTable(file);
    for await (const row of table.rows) if (row.line === 'units:10') break;
    const other = await openTable(file);
    await other.close();
    // A stream closes its file a moment after it is destroyed.
    for (let wait = 0; wait < 50 && fds() > before; wait++) await new Promise((r) => setTimeout(r, 20));
    expect(fds()).toBe(before);
  });
});

describe('refusing what cannot be read', () => {
  const refused = (reason: RegExp) =>
    expect.stringMatching(new RegExp(`^bad\\.xlsx: the file is not a readable XLSX workbook \\(${reason.source}`));

  it('refuses rows out of order, a missing shared string, broken XML and overlapping merges', async () => {
    const sheet = (data: string) => xlsx('bad.xlsx', { strings: ['<t>a</t>'], sheets: { units: data } });
    const head = '<sheetData><row r="1"><c r="A1" t="s"><v>0</v></c></row>';
    expect(await refusal(sheet(`${head}<row r="3"/><row r="2"/></sheetData>`))).toEqual(
      refused(/sheet "units", row 3: row 2 comes after row 3: rows must be in order/),
    );
    expect(await refusal(sheet(`${head}<row r="2"><c r="B2" t="s"><v>7</v></c></row></sheetData>`))).toEqual(
      refused(/sheet "units", row 2: cell B2 refers to shared string 7, which there is not/),
    );
    expect(await refusal(sheet(`${head}<row r="2"><c r="A2"><v>1</c></row></sheetData>`))).toEqual(
      refused(/sheet "units", row 2: <\/c> closes <v>/),
    );
    expect(
      await refusal(sheet(`${head}<row r="2"><c r="A2" t="inlineStr"><is><t>&nbsp;</t></is></c></row></sheetData>`)),
    ).toEqual(refused(/sheet "units", row 2: an undefined entity &nbsp;/));
    expect(await refusal(sheet(`${head}<row r="2"><c r="A2"><v>1</v></c>`))).toEqual(
      refused(/sheet "units", row 2: <\/worksheet> closes <row>/),
    );
    const strings = xlsx('bad.xlsx', { strings: ['<t>a&nbsp;</t>'], sheets: { units: '<sheetData/>' } });
    expect(await refusal(strings)).toEqual(refused(/xl\/sharedStrings\.xml: an undefined entity &nbsp;/));
    const overlap = '</sheetData><mergeCells><mergeCell ref="A1:B2"/><mergeCell ref="B2:C3"/></mergeCells>';
    expect(await refusal(sheet(`${head}${overlap}`))).toEqual(
      refused(/sheet "units": merged ranges overlap \(A1:B2 and B2:C3\)/),
    );
  });

  it('refuses a workbook whose parts are missing, encrypted, compressed otherwise or damaged', async () => {
    const file = xlsx('bad.xlsx', { sheets: { units: '<sheetData/>' } });
    const whole = fs.readFileSync(file);
    const variants: [Buffer, RegExp][] = [
      [zipOf({ 'xl/styles.xml': Buffer.from('<styleSheet/>') }), /it has no xl\/workbook\.xml/],
      [flagged(whole, 'xl/styles.xml', 8, 1), /xl\/styles\.xml is encrypted/],
      [flagged(whole, 'xl/styles.xml', 10, 12), /xl\/styles\.xml uses compression method 12/],
      [corrupt(whole, 'xl/workbook.xml'), /xl\/workbook\.xml does not unpack/],
      [
        without(whole, 'xl/worksheets/sheet1.xml'),
        /the part of sheet "units" \(xl\/worksheets\/sheet1\.xml\) is missing/,
      ],
    ];
    for (const [bytes, reason] of variants) {
      fs.writeFileSync(path.join(dir, 'bad.xlsx'), bytes);
      expect(await refusal(path.join(dir, 'bad.xlsx'))).toEqual(refused(reason));
    }
  });
});

// The zip with one field of `name`'s central directory record set (16 bits).
function flagged(zip: Buffer, name: string, field: number, value: number): Buffer {
  const copy = Buffer.from(zip);
  copy.writeUInt16LE(value, directoryRecord(copy, name) + field);
  return copy;
}

// The zip with `name`'s data overwritten by bytes that are no deflate stream.
function corrupt(zip: Buffer, name: string): Buffer {
  const copy = Buffer.from(zip);
  const local = copy.readUInt32LE(directoryRecord(copy, name) + 42);
  copy.fill(0xff, local + 30 + name.length, local + 30 + name.length + 4);
  return copy;
}

// The zip with `name` renamed in its directory, so that it is no longer found.
function without(zip: Buffer, name: string): Buffer {
  const copy = Buffer.from(zip);
  copy.write('q', directoryRecord(copy, name) + 46);
  return copy;
}

function directoryRecord(zip: Buffer, name: string): number {
  for (
    let at = zip.indexOf(Buffer.from([0x50, 0x4b, 1, 2]));
    at !== -1;
    at = zip.indexOf(Buffer.from([0x50, 0x4b, 1, 2]), at + 1)
  ) {
    if (zip.toString('utf8', at + 46, at + 46 + zip.readUInt16LE(at + 28)) === name) return at;
  }
  throw new Error(`no ${name} in the zip`);
}
