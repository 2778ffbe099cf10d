/**
 * An official document as plain data: built once, rendered to every format (DOCX, PDF, HTML,
 * XLSX, Markdown) so that every format says the same. The parts follow GB/T 9704: the head
 * (issuing authority and document number), title, main recipients, body, signature and date,
 * and the record at the foot (copy-to list, printing office).
 *
 * @example
 *   const doc: OfficialDocument = { lang: 'zh', draft: true, title: '关于…的通报', blocks: [{ type: 'paragraph', text: '…' }] };
 *   const pdf = await renderDocument(doc, 'pdf');
 */
export type Lang = 'zh' | 'en';

/** The formats a document is rendered to. */
export const DOCUMENT_FORMATS = ['docx', 'pdf', 'xlsx', 'html', 'md'] as const;
export type DocumentFormat = (typeof DOCUMENT_FORMATS)[number];

/** How a table column's values are shown; XLSX keeps the number and applies the same format. */
export type ColumnFormat =
  | 'text'
  /** A whole number. */
  | 'integer'
  /** Two decimals. */
  | 'decimal'
  /** Two decimals with a sign: +1.25, -0.50, 0.00. */
  | 'signed'
  /** A whole number with a sign and an arrow: ↑2, ↓1, —. */
  | 'movement'
  /** A share 0..1 shown as a percentage with one decimal. */
  | 'percent'
  /** Money in yuan, two decimals with thousands separators. */
  | 'money';

export interface Column {
  label: string;
  format: ColumnFormat;
}

export type Cell = string | number | null;

export interface TableBlock {
  type: 'table';
  /** Unique within the document; names the XLSX sheet when there is no caption. */
  id: string;
  caption: string;
  columns: Column[];
  rows: Cell[][];
}

/**
 * A picture drawn on the server as SVG (the map of a month's composite): the DOCX and PDF
 * renderers rasterise it, HTML and the web show the SVG as an image.
 */
export interface FigureBlock {
  type: 'figure';
  /** Unique within the document. */
  id: string;
  caption: string;
  /** A whole SVG document. */
  svg: string;
  /** Its size in CSS pixels. */
  width: number;
  height: number;
}

export type Block =
  { type: 'heading'; level: 1 | 2; text: string } | { type: 'paragraph'; text: string } | TableBlock | FigureBlock;

/** An SVG as a data: URL, for an <img> (which runs nothing in it). */
export function svgDataUrl(svg: string): string {
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
}

export interface OfficialDocument {
  lang: Lang;
  /** A draft is marked as such in every format and carries no number. */
  draft: boolean;
  /** The head: issuing authority's mark (e.g. 吉林省公安厅文件) and the document number. */
  head?: { mark: string; number: string | null; signer?: string };
  title: string;
  /** Main recipients, ending with a colon (各市（州）公安局：). */
  recipients?: string;
  blocks: Block[];
  /** Issuing authority and the date written out (2019年7月5日). */
  signature?: { issuer: string; date: string };
  /** The record at the foot: copy-to list, and the printing office with its date. */
  record?: { copyTo: string[]; printer: string; printed: string };
}

/**
 * The line under the mark: the number (or that there is none), and the signer (签发人) when the
 * document names one, as GB/T 9704 places it beside the number.
 */
export function numberLine(doc: Pick<OfficialDocument, 'lang' | 'head'>): string {
  const zh = doc.lang === 'zh';
  const number = doc.head?.number ?? (zh ? '（未编号）' : '(not numbered)');
  const signer = doc.head?.signer;
  if (!signer) return number;
  return zh ? `${number}\u3000\u3000签发人：${signer}` : `${number}    Signed for issue by: ${signer}`;
}

/** Every table of a document, in order. */
export function tablesOf(doc: OfficialDocument): TableBlock[] {
  return doc.blocks.filter((b): b is TableBlock => b.type === 'table');
}
