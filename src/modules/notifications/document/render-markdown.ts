import {
  numberLine,
  svgDataUrl,
  type Block,
  type OfficialDocument,
  type TableBlock,
} from '#core/documents/document.ts';
import { formatCell } from '#core/documents/format-cell.ts';

/**
 * Text as Markdown shows it literally: the names and words of a document (an area called
 * `*[点此](http://…)*`, a line break inside a name) never become emphasis, links, HTML, headings,
 * lists or new blocks. Markup the renderer adds around text is added after this.
 *
 * @example escapeMarkdown('*A* <b>') // '\\*A\\* \\<b\\>'
 */
export function escapeMarkdown(text: string): string {
  return (
    escapeInline(text)
      // What opens a block only at the start of a line: a heading, a quote, a list, a rule.
      .replace(/^(\s*)([#+=-])/, '$1\\$2')
      .replace(/^(\s*\d+)([.)])/, '$1\\$2')
  );
}

/** Text inside a line (a table cell): emphasis, links, HTML and line breaks escaped. */
function escapeInline(text: string): string {
  return text.replace(/[\r\n]+/g, ' ').replace(/[\\`*_{}[\]<>|~&!]/g, '\\$&');
}

const md = escapeMarkdown;

/**
 * The document as Markdown: the head and title as headings, paragraphs, pipe tables, then the
 * signature, date and record. Every word and figure of the other formats is here, escaped.
 */
export function renderMarkdown(doc: OfficialDocument): string {
  const out: string[] = [];
  if (doc.draft) out.push(doc.lang === 'zh' ? '> 征求意见稿（草稿）' : '> DRAFT');
  if (doc.head) {
    out.push(`**${md(doc.head.mark)}**`);
    out.push(md(numberLine(doc)));
  }
  out.push(`# ${md(doc.title)}`);
  if (doc.recipients) out.push(md(doc.recipients));
  for (const block of doc.blocks) out.push(blockMarkdown(block));
  if (doc.signature) out.push(`${md(doc.signature.issuer)}  \n${md(doc.signature.date)}`);
  if (doc.record) {
    const lines = ['---'];
    const copyTo = doc.record.copyTo.map(md);
    if (copyTo.length)
      lines.push(doc.lang === 'zh' ? `抄送：${copyTo.join('，')}。` : `Copy to: ${copyTo.join('; ')}.`);
    lines.push(`${md(doc.record.printer)}\u3000${md(doc.record.printed)}`);
    out.push(lines.join('\n\n'));
  }
  return `${out.join('\n\n')}\n`;
}

function blockMarkdown(block: Block): string {
  switch (block.type) {
    case 'heading':
      return `${'#'.repeat(block.level + 1)} ${md(block.text)}`;
    case 'paragraph':
      return md(block.text);
    case 'table':
      return tableMarkdown(block);
    case 'figure':
      return `![${block.caption.replace(/[[\]]/g, '')}](${svgDataUrl(block.svg)})\n\n**${block.caption}**`;
  }
}

function tableMarkdown(t: TableBlock): string {
  // In a table a line-opening character opens no block: only the inline marks need escaping.
  const cell = escapeInline;
  const head = `| ${t.columns.map((c) => cell(c.label)).join(' | ')} |`;
  const rule = `|${t.columns.map((c) => (c.format === 'text' ? ' --- ' : ' ---: ')).join('|')}|`;
  const rows = t.rows.map((r) => `| ${r.map((v, i) => cell(formatCell(t.columns[i].format, v))).join(' | ')} |`);
  return [`**${md(t.caption)}**`, '', head, rule, ...rows].join('\n');
}
