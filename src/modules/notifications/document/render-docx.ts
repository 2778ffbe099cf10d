import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  ImageRun,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  convertMillimetersToTwip,
  type IParagraphOptions,
  type IRunOptions,
} from 'docx';
import {
  numberLine,
  type Block,
  type FigureBlock,
  type OfficialDocument,
  type TableBlock,
} from '#core/documents/document.ts';
import { figurePng } from './figure-png.ts';
import { formatCell } from '#core/documents/format-cell.ts';
import { LINE_PT, PAGE, RED, SIZE, markSize } from './layout.ts';

type FontRole = 'body' | 'title' | 'heading' | 'kai';

const ZH_FONTS: Record<FontRole, string> = {
  body: '仿宋_GB2312',
  title: '方正小标宋简体',
  heading: '黑体',
  kai: '楷体_GB2312',
};
const LATIN = 'Times New Roman';

/**
 * The document as a Word file laid out after GB/T 9704: A4 with the standard margins, red head
 * mark and rule, 2号 title, 3号 body on a fixed 22-line grid with two-character indents, signature
 * and date on the right, the record between rules, page numbers "— n —" on the outer side.
 */
export async function renderDocx(doc: OfficialDocument): Promise<Buffer> {
  const zh = doc.lang === 'zh';
  const run = (text: string, role: FontRole, size: number, extra: IRunOptions = {}) =>
    new TextRun({
      text,
      size: size * 2,
      font: zh ? { ascii: LATIN, hAnsi: LATIN, eastAsia: ZH_FONTS[role] } : LATIN,
      ...extra,
    });
  const line = { line: Math.round(LINE_PT * 20), lineRule: LineRuleType.EXACT };
  const para = (children: TextRun[], options: Omit<IParagraphOptions, 'children'> = {}) =>
    new Paragraph({ spacing: line, children, ...options });
  const indent = { firstLine: SIZE.body * 2 * 20 };

  const children: (Paragraph | Table)[] = [];
  if (doc.draft)
    children.push(
      para([run(zh ? '征求意见稿（草稿）' : 'DRAFT', 'heading', SIZE.record, { color: RED })], {
        alignment: AlignmentType.RIGHT,
      }),
    );
  if (doc.head) {
    const size = markSize(doc.head.mark);
    children.push(
      new Paragraph({
        alignment: AlignmentType.CENTER,
        spacing: { before: 240, after: 480 },
        children: [run(doc.head.mark, 'title', size, { color: RED })],
      }),
      para([run(numberLine(doc), 'body', SIZE.body)], {
        alignment: AlignmentType.CENTER,
        border: { bottom: { color: RED, space: 12, style: BorderStyle.SINGLE, size: 12 } },
      }),
      para([]),
    );
  }
  children.push(
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { before: 240, after: 240, line: Math.round(SIZE.title * 1.5 * 20), lineRule: LineRuleType.EXACT },
      children: [run(doc.title, 'title', SIZE.title)],
    }),
  );
  if (doc.recipients) children.push(para([run(doc.recipients, 'body', SIZE.body)]));
  for (const block of doc.blocks) children.push(...blockDocx(block));
  if (doc.signature) {
    const right = { right: SIZE.body * 4 * 20 };
    children.push(
      para([]),
      para([run(doc.signature.issuer, 'body', SIZE.body)], { alignment: AlignmentType.RIGHT, indent: right }),
      para([run(doc.signature.date, 'body', SIZE.body)], { alignment: AlignmentType.RIGHT, indent: right }),
    );
  }
  if (doc.record) {
    const rule = { color: '000000', space: 4, style: BorderStyle.SINGLE, size: 6 };
    const side = { left: SIZE.record * 20, right: SIZE.record * 20 };
    children.push(para([]));
    if (doc.record.copyTo.length) {
      const text = zh ? `抄送：${doc.record.copyTo.join('，')}。` : `Copy to: ${doc.record.copyTo.join('; ')}.`;
      children.push(para([run(text, 'body', SIZE.record)], { indent: side, border: { top: rule } }));
    }
    children.push(
      para([run(doc.record.printer, 'body', SIZE.record), run(`\t${doc.record.printed}`, 'body', SIZE.record)], {
        indent: side,
        border: { top: rule, bottom: rule },
        tabStops: [{ type: 'right', position: convertMillimetersToTwip(PAGE.textWidthMm) - 2 * SIZE.record * 20 }],
      }),
    );
  }

  const pageNumber = (alignment: (typeof AlignmentType)[keyof typeof AlignmentType]) =>
    new Footer({
      children: [
        new Paragraph({
          alignment,
          indent: { left: SIZE.record * 20, right: SIZE.record * 20 },
          children: [
            new TextRun({
              children: ['— ', PageNumber.CURRENT, ' —'],
              size: SIZE.record * 2,
              font: { ascii: 'SimSun', hAnsi: 'SimSun', eastAsia: '宋体' },
            }),
          ],
        }),
      ],
    });

  const document = new Document({
    title: doc.title,
    creator: doc.signature?.issuer ?? 'Outpost',
    evenAndOddHeaderAndFooters: true,
    styles: {
      default: {
        document: {
          run: { font: zh ? { ascii: LATIN, hAnsi: LATIN, eastAsia: ZH_FONTS.body } : LATIN, size: SIZE.body * 2 },
        },
      },
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: convertMillimetersToTwip(PAGE.widthMm), height: convertMillimetersToTwip(PAGE.heightMm) },
            margin: {
              top: convertMillimetersToTwip(PAGE.topMm),
              bottom: convertMillimetersToTwip(PAGE.bottomMm),
              left: convertMillimetersToTwip(PAGE.leftMm),
              right: convertMillimetersToTwip(PAGE.rightMm),
              footer: convertMillimetersToTwip(PAGE.bottomMm - 7),
            },
          },
        },
        footers: { default: pageNumber(AlignmentType.RIGHT), even: pageNumber(AlignmentType.LEFT) },
        children,
      },
    ],
  });
  return Packer.toBuffer(document);

  function blockDocx(block: Block): (Paragraph | Table)[] {
    switch (block.type) {
      case 'heading':
        return [para([run(block.text, block.level === 1 ? 'heading' : 'kai', SIZE.body)], { indent })];
      case 'paragraph':
        return [para([run(block.text, 'body', SIZE.body)], { indent, alignment: AlignmentType.JUSTIFIED })];
      case 'table':
        return tableDocx(block);
      case 'figure':
        return figureDocx(block);
    }
  }

  /** The figure as a PNG as wide as the text (at most its own size), its caption below. */
  function figureDocx(f: FigureBlock): Paragraph[] {
    const widthPx = Math.min(f.width, Math.round((PAGE.textWidthMm / 25.4) * 96));
    return [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        spacing: { before: 120 },
        children: [
          new ImageRun({
            type: 'png',
            data: figurePng(f),
            transformation: { width: widthPx, height: Math.round((widthPx * f.height) / f.width) },
            altText: { name: f.id, title: f.caption, description: f.caption },
          }),
        ],
      }),
      new Paragraph({
        alignment: AlignmentType.CENTER,
        spacing: { after: 120 },
        children: [run(f.caption, 'heading', SIZE.table)],
      }),
    ];
  }

  function tableDocx(t: TableBlock): (Paragraph | Table)[] {
    const cellPara = (text: string, align: 'left' | 'right' | 'center', role: FontRole) =>
      new Paragraph({
        alignment:
          align === 'right' ? AlignmentType.RIGHT : align === 'center' ? AlignmentType.CENTER : AlignmentType.LEFT,
        children: [run(text, role, SIZE.table)],
      });
    const header = new TableRow({
      tableHeader: true,
      children: t.columns.map((c) => new TableCell({ children: [cellPara(c.label, 'center', 'heading')] })),
    });
    const rows = t.rows.map(
      (r) =>
        new TableRow({
          cantSplit: true,
          children: r.map(
            (v, i) =>
              new TableCell({
                children: [
                  cellPara(
                    formatCell(t.columns[i].format, v),
                    t.columns[i].format === 'text' ? 'left' : 'right',
                    'body',
                  ),
                ],
              }),
          ),
        }),
    );
    return [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        spacing: { before: 120, after: 60 },
        children: [run(t.caption, 'heading', SIZE.table)],
      }),
      new Table({ width: { size: 100, type: WidthType.PERCENTAGE }, rows: [header, ...rows] }),
      new Paragraph({ spacing: { after: 120 }, children: [] }),
    ];
  }
}
