/**
 * An official document (a notification, the annual summary) drawn from the model the API gives
 * (`format=json`), as the HTML rendering lays it out: the red head and number, the title, the
 * recipients, the body with its tables, signature and record. Built here rather than framed,
 * since the API's pages may not be framed, and so that it reflows on a phone.
 */
import type { z } from 'zod';
import type { documentSchema } from '#core/contracts/notifications.schema.ts';
import { formatCell } from '#core/documents/format-cell.ts';
import { numberLine, svgDataUrl, type ColumnFormat } from '#core/documents/document.ts';
import { translate, useI18n, type MessageKey } from '../i18n/i18n.tsx';

export type OfficialDocument = z.infer<typeof documentSchema>;

export function DocumentView({ doc, label }: { doc: OfficialDocument; label: string }) {
  // The document's own language, whatever the interface's (an English notice read in Chinese).
  const t = (key: MessageKey) => translate(doc.lang, key);
  return (
    <article className="document" lang={doc.lang === 'zh' ? 'zh-CN' : 'en'} aria-label={label}>
      {doc.draft && <p className="document-draft">{t('doc.draft')}</p>}
      {doc.head && (
        <header className="document-head">
          <p className="document-mark">{doc.head.mark}</p>
          <p className="document-number">{numberLine(doc)}</p>
        </header>
      )}
      <h2 className="document-title">{doc.title}</h2>
      {doc.recipients && <p className="document-recipients">{doc.recipients}</p>}
      {doc.blocks.map((block, i) => {
        if (block.type === 'heading')
          return block.level === 1 ? (
            <h3 key={i} className="document-h1">
              {block.text}
            </h3>
          ) : (
            <h4 key={i} className="document-h2">
              {block.text}
            </h4>
          );
        if (block.type === 'paragraph') return <p key={i}>{block.text}</p>;
        if (block.type === 'figure')
          return (
            <figure key={i} className="document-figure">
              {/* An <img> of the server's SVG: shown, never run. */}
              <img src={svgDataUrl(block.svg)} width={block.width} height={block.height} alt={block.caption} />
              <figcaption>{block.caption}</figcaption>
            </figure>
          );
        return (
          <div key={i} className="table-wrap document-table" tabIndex={0} role="group" aria-label={block.caption}>
            <table>
              <caption>{block.caption}</caption>
              <thead>
                <tr>
                  {block.columns.map((c, j) => (
                    <th key={j} scope="col" className={isNumeric(c.format) ? 'num' : undefined}>
                      {c.label}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {block.rows.map((row, r) => (
                  <tr key={r}>
                    {row.map((cell, j) => {
                      const format = (block.columns[j]?.format ?? 'text') as ColumnFormat;
                      return (
                        <td key={j} className={isNumeric(format) ? 'num' : undefined}>
                          {formatCell(format, cell)}
                        </td>
                      );
                    })}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        );
      })}
      {doc.signature && (
        <footer className="document-signature">
          <p>{doc.signature.issuer}</p>
          <p>{doc.signature.date}</p>
        </footer>
      )}
      {doc.record && (
        <div className="document-record">
          {doc.record.copyTo.length > 0 && (
            <p>
              {t('doc.copyTo')}
              {doc.record.copyTo.join(doc.lang === 'zh' ? '，' : '; ')}
              {doc.lang === 'zh' ? '。' : '.'}
            </p>
          )}
          <p className="document-printer">
            <span>{doc.record.printer}</span>
            <span>{doc.record.printed}</span>
          </p>
        </div>
      )}
    </article>
  );
}

function isNumeric(format: string): boolean {
  return format !== 'text';
}

/** Links that download a document in each format (the browser keeps the session cookie). */
export function Downloads({
  label,
  urlOf,
  formats,
}: {
  label: string;
  urlOf(format: string): string;
  formats: readonly string[];
}) {
  const { t } = useI18n();
  return (
    <div className="downloads" role="group" aria-label={label}>
      {formats.map((f) => (
        <a key={f} className="button" href={urlOf(f)} download>
          <span aria-hidden="true">⤓</span> {t(`doc.format.${f}` as 'doc.format.pdf')}
        </a>
      ))}
    </div>
  );
}
