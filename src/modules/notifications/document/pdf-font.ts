import fs from 'node:fs';
import { AppError } from '../../../shared/errors.ts';

/** A font file for PDF output; a TrueType collection needs the PostScript name of its face. */
export interface PdfFont {
  path: string;
  family?: string;
}

/** WenQuanYi Micro Hei first (Debian fonts-wqy-microhei): its glyphs embed correctly in pdfkit. */
const CANDIDATES: PdfFont[] = [
  { path: '/usr/share/fonts/truetype/wqy/wqy-microhei.ttc', family: 'WenQuanYiMicroHei' },
  { path: '/usr/share/fonts/wqy-microhei/wqy-microhei.ttc', family: 'WenQuanYiMicroHei' },
  { path: '/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc', family: 'WenQuanYiZenHei' },
];

/**
 * The CJK font PDFs are set in: `OUTPOST_PDF_FONT` (`/path/font.ttf`, or `/path/font.ttc#PostScriptName`),
 * else the first installed candidate. Without one a PDF cannot show Chinese, so it is refused.
 */
export function pdfFont(env: NodeJS.ProcessEnv = process.env): PdfFont {
  const configured = env.OUTPOST_PDF_FONT;
  if (configured) {
    const [path, family] = configured.split('#');
    if (!fs.existsSync(path)) throw new AppError('pdf_font_file_missing', { path });
    return family ? { path, family } : { path };
  }
  const found = CANDIDATES.find((c) => fs.existsSync(c.path));
  if (!found) throw new AppError('pdf_font_none', {});
  return found;
}
