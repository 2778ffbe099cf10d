import { svgDataUrl, type Block, type OfficialDocument, type TableBlock } from '#core/documents/document.ts';
import { formatCell } from '#core/documents/format-cell.ts';

/**
 * The document as Markdown: the head and title as headings, paragraphs, pipe tables, then the
 * signature, date and record. Every word and figure of the other formats is here.
 */
export function renderMarkdown(doc: OfficialDocument): string {
  const out: string[] = [];
  if (doc.draft) out.push(doc.lang === 'zh' ? '> 征求意见稿（草稿）' : '> DRAFT');
  if (doc.head) {
    out.push(`**${doc.head.mark}**`);
    out.push(doc.head.number ?? (doc.lang === 'zh' ? '（未编号）' : '(not numbered)'));
  }
  out.push(`# ${doc.title}`);
  if (doc.recipients) out.push(doc.recipients);
  for (const block of doc.blocks) out.push(blockMarkdown(block));
  if (doc.signature) out.push(`${doc.signature.issuer}  \n${doc.signature.date}`);
  if (doc.record) {
    const lines = ['---'];
    if (doc.record.copyTo.length)
      lines.push(
        doc.lang === 'zh' ? `抄送：${doc.record.copyTo.join('，')}。` : `Copy to: ${doc.record.copyTo.join('; ')}.`,
      );
    lines.push(`${doc.record.printer}\u3000${doc.record.printed}`);
    out.push(lines.join('\n\n'));
  }
  return `${out.join('\n\n')}\n`;
}

function blockMarkdown(block: Block): string {
  switch (block.type) {
    case 'heading':
      return `${'#'.repeat(block.level + 1)} ${block.text}`;
    case 'paragraph':
      return block.text;
    case 'table':
      return tableMarkdown(block);
    case 'figure':
      return `![${block.caption.replace(/[[\]]/g, '')}](${svgDataUrl(block.svg)})\n\n**${block.caption}**`;
  }
}

function tableMarkdown(t: TableBlock): string {
  const cell = (s: string) => s.replace(/\|/g, '\\|');
  const head = `| ${t.columns.map((c) => cell(c.label)).join(' | ')} |`;
  const rule = `|${t.columns.map((c) => (c.format === 'text' ? ' --- ' : ' ---: ')).join('|')}|`;
  const rows = t.rows.map((r) => `| ${r.map((v, i) => cell(formatCell(t.columns[i].format, v))).join(' | ')} |`);
  return [`**${t.caption}**`, '', head, rule, ...rows].join('\n');
}
