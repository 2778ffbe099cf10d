/**
 * A document's figure (SVG) as PNG for DOCX and PDF, rasterised by resvg with the same CJK font
 * file the PDF embeds (pdf-font.ts), so Chinese names show whatever fonts the machine has.
 * Twice the figure's CSS size: sharp when printed at its width on A4 (156 mm ≈ 250 dpi).
 */
import { Resvg } from '@resvg/resvg-js';
import type { FigureBlock } from '#core/documents/document.ts';
import { pdfFont } from './pdf-font.ts';

export const FIGURE_SCALE = 2;

/** The PNG bytes of a figure. */
export function figurePng(figure: FigureBlock): Buffer {
  const font = pdfFont();
  const resvg = new Resvg(figure.svg, {
    font: { fontFiles: [font.path], loadSystemFonts: false, defaultFontFamily: 'WenQuanYi Micro Hei' },
    fitTo: { mode: 'width', value: figure.width * FIGURE_SCALE },
    background: '#ffffff',
  });
  return resvg.render().asPng();
}
