import ExcelJS from 'exceljs';
import { tablesOf, type OfficialDocument } from '#core/documents/document.ts';
import { excelFormat } from '#core/documents/format-cell.ts';

/**
 * Every table of the document as an XLSX workbook: a first sheet naming the document (title,
 * number, issuer, date), then one sheet per table with its caption, a header row and the
 * figures as numbers formatted the way the other formats show them.
 */
export async function renderXlsx(doc: OfficialDocument): Promise<Buffer> {
  const zh = doc.lang === 'zh';
  const book = new ExcelJS.Workbook();
  book.creator = 'Outpost';
  book.title = doc.title;
  const about = book.addWorksheet(zh ? '文件信息' : 'Document');
  const facts: [string, string][] = [
    [zh ? '标题' : 'Title', doc.title],
    [zh ? '文号' : 'Number', doc.head?.number ?? (zh ? '（草稿，未编号）' : '(draft, not numbered)')],
    [zh ? '发文机关' : 'Issued by', doc.signature?.issuer ?? ''],
    [zh ? '日期' : 'Date', doc.signature?.date ?? ''],
    [zh ? '主送' : 'To', doc.recipients ?? ''],
    [zh ? '抄送' : 'Copy to', doc.record?.copyTo.join(zh ? '，' : '; ') ?? ''],
  ];
  if (doc.head?.signer) facts.splice(3, 0, [zh ? '签发人' : 'Signed for issue by', doc.head.signer]);
  for (const row of facts) about.addRow(row);
  about.getColumn(1).width = 12;
  about.getColumn(2).width = 80;
  about.getColumn(1).font = { bold: true };

  const used = new Set<string>([about.name]);
  for (const table of tablesOf(doc)) {
    const sheet = book.addWorksheet(sheetName(table.caption || table.id, used));
    sheet.addRow([table.caption]).font = { bold: true };
    const header = sheet.addRow(table.columns.map((c) => c.label));
    header.font = { bold: true };
    header.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    for (const r of table.rows) sheet.addRow(r.map((v) => (v === null ? null : v)));
    table.columns.forEach((c, i) => {
      const column = sheet.getColumn(i + 1);
      const format = excelFormat(c.format);
      if (format) column.numFmt = format;
      const longest = Math.max(displayWidth(c.label), ...table.rows.map((r) => displayWidth(String(r[i] ?? ''))));
      column.width = Math.min(60, Math.max(8, longest + 2));
    });
    sheet.views = [{ state: 'frozen', ySplit: 2 }];
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** A worksheet name: at most 31 characters, none of []:*?/\, unique in the workbook. */
function sheetName(wanted: string, used: Set<string>): string {
  const base =
    wanted
      .replace(/[[\]:*?/\\]/g, ' ')
      .trim()
      .slice(0, 28) || 'Sheet';
  let name = base;
  for (let n = 2; used.has(name); n++) name = `${base.slice(0, 27)}(${n})`;
  used.add(name);
  return name;
}

function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += /[\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\uff00-\uff60]/.test(ch) ? 2 : 1;
  return w;
}
