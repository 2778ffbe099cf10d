/**
 * GB/T 9704-2012 measures shared by the DOCX and PDF renderers: A4, a 156 x 225 mm text area,
 * 3号 (16 pt) body text on 22 lines a page, 2号 (22 pt) title, 4号 (14 pt) record and page
 * numbers, red head mark and rule.
 */
export const MM = 72 / 25.4;

export const PAGE = {
  widthMm: 210,
  heightMm: 297,
  topMm: 37,
  bottomMm: 35,
  leftMm: 28,
  rightMm: 26,
  textWidthMm: 156,
};

export const SIZE = { body: 16, title: 22, record: 14, table: 12, mark: 36 };

/** 225 mm over 22 lines. */
export const LINE_PT = (225 * MM) / 22;

export const RED = 'E60012';

/** The head mark as large as it can be (up to 36 pt) while fitting the text width (GB/T 9704 7.2.3). */
export function markSize(mark: string): number {
  const widthPt = PAGE.textWidthMm * MM;
  let units = 0;
  for (const ch of mark) units += ch.charCodeAt(0) <= 0xff ? 0.55 : 1;
  return Math.max(16, Math.min(SIZE.mark, Math.floor(widthPt / Math.max(1, units))));
}
