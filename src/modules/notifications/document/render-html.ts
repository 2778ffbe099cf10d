import {
  numberLine,
  svgDataUrl,
  type Block,
  type OfficialDocument,
  type TableBlock,
} from '#core/documents/document.ts';
import { formatCell } from '#core/documents/format-cell.ts';

/**
 * A self-contained HTML page of the document, laid out after GB/T 9704 on an A4 sheet: the red
 * head and rule, the centred title, recipients, body, signature and date, and the record at the
 * foot between two rules. Used for previews; prints like the DOCX.
 */
export function renderHtml(doc: OfficialDocument): string {
  const parts: string[] = [];
  if (doc.draft) parts.push(`<p class="draft">${esc(doc.lang === 'zh' ? '征求意见稿（草稿）' : 'DRAFT')}</p>`);
  if (doc.head) {
    parts.push(`<header><h1 class="mark">${esc(doc.head.mark)}</h1>`);
    parts.push(`<p class="number">${esc(numberLine(doc))}</p><hr class="red"></header>`);
  }
  parts.push(`<h2 class="title">${esc(doc.title)}</h2>`);
  if (doc.recipients) parts.push(`<p class="recipients">${esc(doc.recipients)}</p>`);
  for (const block of doc.blocks) parts.push(blockHtml(block));
  if (doc.signature) {
    parts.push(
      `<p class="signature">${esc(doc.signature.issuer)}</p><p class="signature">${esc(doc.signature.date)}</p>`,
    );
  }
  if (doc.record) {
    const copy = doc.record.copyTo.length
      ? `<p>${esc(doc.lang === 'zh' ? '抄送：' : 'Copy to: ')}${esc(doc.record.copyTo.join(doc.lang === 'zh' ? '，' : '; '))}${doc.lang === 'zh' ? '。' : '.'}</p>`
      : '';
    parts.push(
      `<footer class="record">${copy}<p class="printer"><span>${esc(doc.record.printer)}</span><span>${esc(doc.record.printed)}</span></p></footer>`,
    );
  }
  return `<!doctype html>
<html lang="${doc.lang === 'zh' ? 'zh-CN' : 'en'}">
<head><meta charset="utf-8"><title>${esc(doc.title)}</title><style>${STYLE}</style></head>
<body><article class="page">
${parts.join('\n')}
</article></body>
</html>
`;
}

function blockHtml(block: Block): string {
  switch (block.type) {
    case 'heading':
      return block.level === 1 ? `<h3>${esc(block.text)}</h3>` : `<h4>${esc(block.text)}</h4>`;
    case 'paragraph':
      return `<p>${esc(block.text)}</p>`;
    case 'table':
      return tableHtml(block);
    case 'figure':
      return `<figure id="${esc(block.id)}"><img src="${esc(svgDataUrl(block.svg))}" width="${block.width}" height="${block.height}" alt="${esc(block.caption)}"><figcaption>${esc(block.caption)}</figcaption></figure>`;
  }
}

function tableHtml(t: TableBlock): string {
  const head = t.columns.map((c) => `<th>${esc(c.label)}</th>`).join('');
  const rows = t.rows
    .map(
      (r) =>
        `<tr>${r.map((v, i) => `<td class="${t.columns[i].format === 'text' ? 'text' : 'num'}">${esc(formatCell(t.columns[i].format, v))}</td>`).join('')}</tr>`,
    )
    .join('\n');
  return `<table id="${esc(t.id)}"><caption>${esc(t.caption)}</caption><thead><tr>${head}</tr></thead><tbody>\n${rows}\n</tbody></table>`;
}

export function esc(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

const STYLE = `
@page { size: A4; margin: 37mm 26mm 35mm 28mm; }
body { background: #eee; margin: 0; font-family: "FangSong", "仿宋_GB2312", "STFangsong", "Noto Serif CJK SC", serif; }
.page { background: #fff; width: 156mm; min-height: 225mm; margin: 12mm auto; padding: 37mm 26mm 35mm 28mm; font-size: 16pt; line-height: 28pt; color: #000; }
figure { margin: 12pt 0; text-align: center; } figure img { max-width: 100%; height: auto; } figcaption { font-size: 12pt; line-height: 18pt; }
.draft { color: #c00; text-align: right; font-family: "SimHei", "Noto Sans CJK SC", sans-serif; font-size: 14pt; }
.mark { color: #e00; text-align: center; font-family: "方正小标宋简体", "SimSun", "Noto Serif CJK SC", serif; font-size: 36pt; letter-spacing: 2pt; margin: 0 0 24pt; font-weight: normal; }
.number { text-align: center; margin: 0; }
hr.red { border: 0; border-top: 2px solid #e00; margin: 4mm 0 0; }
.title { text-align: center; font-family: "方正小标宋简体", "SimSun", "Noto Serif CJK SC", serif; font-size: 22pt; line-height: 32pt; font-weight: normal; margin: 28pt 0; }
.recipients { text-indent: 0; }
p { margin: 0; text-indent: 2em; text-align: justify; }
h3 { font-family: "SimHei", "Noto Sans CJK SC", sans-serif; font-size: 16pt; font-weight: normal; margin: 0; text-indent: 2em; }
h4 { font-family: "KaiTi", "楷体_GB2312", "Noto Serif CJK SC", serif; font-size: 16pt; font-weight: normal; margin: 0; text-indent: 2em; }
table { border-collapse: collapse; width: 100%; margin: 8pt 0 12pt; font-size: 12pt; line-height: 16pt; }
caption { font-family: "SimHei", "Noto Sans CJK SC", sans-serif; padding-bottom: 4pt; }
th, td { border: 1px solid #000; padding: 2pt 4pt; }
th { font-family: "SimHei", "Noto Sans CJK SC", sans-serif; font-weight: normal; }
td.num { text-align: right; white-space: nowrap; }
.signature { text-align: right; text-indent: 0; padding-right: 4em; }
.signature + .signature { margin-bottom: 28pt; }
.record { border-top: 1px solid #000; border-bottom: 1px solid #000; margin-top: 40pt; font-size: 14pt; line-height: 24pt; }
.record p { text-indent: 0; padding: 0 1em; }
.record .printer { border-top: 0.5px solid #000; display: flex; justify-content: space-between; }
`;
