import PDFDocument from 'pdfkit';
import {
  numberLine,
  type Block,
  type Column,
  type FigureBlock,
  type OfficialDocument,
  type TableBlock,
} from '#core/documents/document.ts';
import { figurePng } from './figure-png.ts';
import { formatCell } from '#core/documents/format-cell.ts';
import { LINE_PT, MM, PAGE, RED, SIZE, markSize } from './layout.ts';
import { pdfFont } from './pdf-font.ts';

type Pdf = PDFKit.PDFDocument;
const FONT = 'cjk';

/**
 * The document as a PDF laid out after GB/T 9704 (A4, standard margins, red head mark and rule,
 * 22 lines of 3号 text a page, page numbers "— n —" on the outer side), set in an embedded CJK
 * font (WenQuanYi Micro Hei by default, see pdf-font.ts).
 */
export function renderPdf(doc: OfficialDocument): Promise<Buffer> {
  const font = pdfFont();
  const pdf = new PDFDocument({
    size: 'A4',
    bufferPages: true,
    margins: { top: PAGE.topMm * MM, bottom: PAGE.bottomMm * MM, left: PAGE.leftMm * MM, right: PAGE.rightMm * MM },
    info: { Title: doc.title, Author: doc.signature?.issuer ?? 'Outpost', Creator: 'Outpost' },
    lang: doc.lang === 'zh' ? 'zh-CN' : 'en',
  });
  const chunks: Buffer[] = [];
  pdf.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    pdf.on('end', () => resolve(Buffer.concat(chunks)));
    pdf.on('error', reject);
  });
  pdf.registerFont(FONT, font.path, font.family);
  pdf.font(FONT);
  write(pdf, doc);
  numberPages(pdf);
  pdf.end();
  return done;
}

function write(pdf: Pdf, doc: OfficialDocument): void {
  const zh = doc.lang === 'zh';
  const left = pdf.page.margins.left;
  const width = PAGE.textWidthMm * MM;
  const body = (size = SIZE.body) => {
    pdf.fontSize(size).fillColor('black');
    return { width, lineGap: Math.max(0, LINE_PT - pdf.currentLineHeight(true)) };
  };

  if (doc.draft) {
    pdf
      .fontSize(SIZE.record)
      .fillColor(`#${RED}`)
      .text(zh ? '征求意见稿（草稿）' : 'DRAFT', left, pdf.y, { width, align: 'right' });
  }
  if (doc.head) {
    pdf.moveDown(0.5);
    pdf
      .fontSize(markSize(doc.head.mark))
      .fillColor(`#${RED}`)
      .text(doc.head.mark, left, pdf.y, { width, align: 'center' });
    pdf.moveDown(1);
    pdf.text(numberLine(doc), left, pdf.y, { ...body(), align: 'center' });
    const y = pdf.y + 4 * MM;
    pdf
      .moveTo(left, y)
      .lineTo(left + width, y)
      .lineWidth(1.2)
      .strokeColor(`#${RED}`)
      .stroke();
    pdf.y = y + LINE_PT;
  }
  pdf.fontSize(SIZE.title).fillColor('black').text(doc.title, left, pdf.y, { width, align: 'center', lineGap: 8 });
  pdf.moveDown(0.8);
  if (doc.recipients) pdf.text(doc.recipients, left, pdf.y, body());
  for (const block of doc.blocks) writeBlock(pdf, block, left, width, body);
  if (doc.signature) {
    pdf.y += LINE_PT;
    const opts = { ...body(), width: width - SIZE.body * 4, align: 'right' as const };
    keepTogether(pdf, 2 * LINE_PT);
    pdf.text(doc.signature.issuer, left, pdf.y, opts);
    pdf.text(doc.signature.date, left, pdf.y, opts);
  }
  if (doc.record) writeRecord(pdf, doc, left, width);
}

function writeBlock(
  pdf: Pdf,
  block: Block,
  left: number,
  width: number,
  body: (size?: number) => { width: number; lineGap: number },
): void {
  switch (block.type) {
    case 'heading':
      keepTogether(pdf, 3 * LINE_PT);
      pdf.text(block.text, left, pdf.y, { ...body(), indent: SIZE.body * 2 });
      return;
    case 'paragraph':
      pdf.text(block.text, left, pdf.y, { ...body(), indent: SIZE.body * 2 });
      return;
    case 'table':
      writeTable(pdf, block, left, width);
      return;
    case 'figure':
      writeFigure(pdf, block, left, width);
      return;
  }
}

function writeRecord(pdf: Pdf, doc: OfficialDocument, left: number, width: number): void {
  const record = doc.record!;
  const zh = doc.lang === 'zh';
  pdf.fontSize(SIZE.record).fillColor('black');
  const pad = SIZE.record;
  const copy = record.copyTo.length
    ? zh
      ? `抄送：${record.copyTo.join('，')}。`
      : `Copy to: ${record.copyTo.join('; ')}.`
    : null;
  const copyHeight = copy ? pdf.heightOfString(copy, { width: width - 2 * pad }) + 8 : 0;
  keepTogether(pdf, LINE_PT + copyHeight + 2 * SIZE.record + 16);
  pdf.y += LINE_PT;
  const rule = (y: number, w = 0.8) =>
    pdf
      .moveTo(left, y)
      .lineTo(left + width, y)
      .lineWidth(w)
      .strokeColor('black')
      .stroke();
  rule(pdf.y);
  if (copy) {
    pdf.y += 4;
    pdf.text(copy, left + pad, pdf.y, { width: width - 2 * pad });
    pdf.y += 4;
    rule(pdf.y, 0.5);
  }
  pdf.y += 4;
  const y = pdf.y;
  pdf.text(record.printer, left + pad, y, { width: width - 2 * pad, align: 'left' });
  pdf.text(record.printed, left + pad, y, { width: width - 2 * pad, align: 'right' });
  pdf.y += 4;
  rule(pdf.y);
}

/** The figure as wide as the text (at most its own size), its caption below, kept on one page. */
function writeFigure(pdf: Pdf, f: FigureBlock, left: number, width: number): void {
  const w = Math.min(width, f.width * 0.75);
  const h = (w * f.height) / f.width;
  pdf.fontSize(SIZE.table).fillColor('black');
  keepTogether(pdf, h + LINE_PT + 12);
  pdf.y += 6;
  pdf.image(figurePng(f), left + (width - w) / 2, pdf.y, { width: w, height: h });
  pdf.y += h + 4;
  pdf.text(f.caption, left, pdf.y, { width, align: 'center' });
  pdf.y += SIZE.table;
  pdf.x = left;
}

/** Starts a new page unless `height` still fits on this one. */
function keepTogether(pdf: Pdf, height: number): void {
  if (pdf.y + height > pdf.page.height - pdf.page.margins.bottom) {
    pdf.addPage();
    pdf.font(FONT);
  }
}

function writeTable(pdf: Pdf, t: TableBlock, left: number, width: number): void {
  const size = SIZE.table;
  const pad = 3;
  pdf.fontSize(size).fillColor('black');
  const texts = t.rows.map((r) => r.map((v, i) => formatCell(t.columns[i].format, v)));
  const widths = columnWidths(pdf, t.columns, texts, width, pad);
  const heightOf = (cells: string[]) =>
    Math.max(...cells.map((c, i) => pdf.heightOfString(c, { width: widths[i] - 2 * pad }))) + 2 * pad;
  const drawRow = (cells: string[], header: boolean) => {
    const h = heightOf(cells);
    let x = left;
    const y = pdf.y;
    cells.forEach((c, i) => {
      pdf.rect(x, y, widths[i], h).lineWidth(0.5).strokeColor('black').stroke();
      const align = header ? 'center' : t.columns[i].format === 'text' ? 'left' : 'right';
      pdf.text(c, x + pad, y + pad, { width: widths[i] - 2 * pad, align });
      x += widths[i];
    });
    pdf.x = left;
    pdf.y = y + h;
  };
  const labels = t.columns.map((c) => c.label);
  keepTogether(pdf, LINE_PT + heightOf(labels) + (texts[0] ? heightOf(texts[0]) : 0));
  pdf.y += 6;
  pdf.text(t.caption, left, pdf.y, { width, align: 'center' });
  pdf.y += 2;
  drawRow(labels, true);
  for (const cells of texts) {
    if (pdf.y + heightOf(cells) > pdf.page.height - pdf.page.margins.bottom) {
      pdf.addPage();
      pdf.font(FONT).fontSize(size);
      drawRow(labels, true);
    }
    drawRow(cells, false);
  }
  pdf.y += size;
  pdf.x = left;
}

/**
 * Number columns as wide as their widest figure (narrowed in proportion only when even three
 * characters a text column would not fit); text columns keep their natural width while they fit,
 * and when they do not, the widest are narrowed to one common width (and wrap) so the short ones
 * never do.
 */
function columnWidths(pdf: Pdf, columns: Column[], rows: string[][], width: number, pad: number): number[] {
  const natural = columns.map(
    (c, i) => Math.max(pdf.widthOfString(c.label), ...rows.map((r) => pdf.widthOfString(r[i]))) + 2 * pad + 1,
  );
  const text = columns
    .map((_, i) => i)
    .filter((i) => columns[i].format === 'text')
    .sort((a, b) => natural[a] - natural[b]);
  const minimum = pdf.widthOfString('国国国') + 2 * pad;
  const textFloor = text.reduce((a, i) => a + Math.min(natural[i], minimum), 0);
  const numbers = columns.map((c, i) => (c.format === 'text' ? 0 : natural[i]));
  const numbersWidth = numbers.reduce((a, b) => a + b, 0);
  const shrink = numbersWidth + textFloor > width ? (width - textFloor) / numbersWidth : 1;
  const widths = numbers.map((w) => w * shrink);
  let room = width - widths.reduce((a, b) => a + b, 0);
  text.forEach((i, k) => {
    widths[i] = Math.min(natural[i], room / (text.length - k));
    room -= widths[i];
  });
  // Whatever is left widens the text columns alike (or every column when there is none).
  const grow = text.length ? text : columns.map((_, i) => i);
  for (const i of grow) widths[i] += room / grow.length;
  return widths;
}

/** "— n —" at the foot of every page: odd pages on the right, even on the left (GB/T 9704 7.5). */
function numberPages(pdf: Pdf): void {
  const range = pdf.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    pdf.switchToPage(i);
    const bottom = pdf.page.margins.bottom;
    pdf.page.margins.bottom = 0;
    const width = PAGE.textWidthMm * MM - 2 * SIZE.record;
    const odd = (i - range.start) % 2 === 0;
    pdf
      .font(FONT)
      .fontSize(SIZE.record)
      .fillColor('black')
      .text(
        `— ${i - range.start + 1} —`,
        pdf.page.margins.left + SIZE.record,
        pdf.page.height - (PAGE.bottomMm - 7) * MM - SIZE.record,
        {
          width,
          align: odd ? 'right' : 'left',
          lineBreak: false,
        },
      );
    pdf.page.margins.bottom = bottom;
  }
}
