import { DOCUMENT_FORMATS, type DocumentFormat, type OfficialDocument } from '#core/documents/document.ts';
import { renderDocx } from './render-docx.ts';
import { renderHtml } from './render-html.ts';
import { renderMarkdown } from './render-markdown.ts';
import { renderPdf } from './render-pdf.ts';
import { renderXlsx } from './render-xlsx.ts';

export const CONTENT_TYPES: Record<DocumentFormat, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  html: 'text/html; charset=utf-8',
  md: 'text/markdown; charset=utf-8',
};

/**
 * One document in one format, as the bytes of a file.
 *
 * @example fs.writeFileSync('notice.pdf', await renderDocument(doc, 'pdf'));
 */
export async function renderDocument(doc: OfficialDocument, format: DocumentFormat): Promise<Buffer> {
  switch (format) {
    case 'docx':
      return renderDocx(doc);
    case 'pdf':
      return renderPdf(doc);
    case 'xlsx':
      return renderXlsx(doc);
    case 'html':
      return Buffer.from(renderHtml(doc), 'utf8');
    case 'md':
      return Buffer.from(renderMarkdown(doc), 'utf8');
  }
}

/** The format a file name asks for by its extension, if any. */
export function formatOfFile(file: string): DocumentFormat | undefined {
  const ext = /\.([a-z]+)$/i.exec(file)?.[1]?.toLowerCase();
  return (DOCUMENT_FORMATS as readonly string[]).includes(ext ?? '')
    ? (ext as DocumentFormat)
    : ext === 'markdown'
      ? 'md'
      : undefined;
}
