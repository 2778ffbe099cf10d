import ExcelJS from 'exceljs';

export interface TemplateColumn {
  /** The English column name, e.g. `area_code`. */
  name: string;
  /** The Chinese column name, e.g. `行政区划代码`. */
  zh: string;
  required: boolean;
}

export interface TemplateSheet {
  /** The kind, e.g. `units`: the sheet is named after it, as the importer expects. */
  name: string;
  columns: TemplateColumn[];
  /** One example row, by English column name. */
  example: Record<string, string>;
}

/**
 * Writes an import template: an XLSX workbook with one sheet per kind, row 1 the column
 * headers in the chosen language (the importer reads either), each header carrying a note with
 * the name in the other language and whether the column is required, and row 2 an example.
 * Columns are formatted as text so that Excel keeps codes such as `0431` and dates such as
 * `2019-06-01` as typed.
 *
 * @example
 * await writeTemplate('template.xlsx', [
 *   { name: 'areas', columns: [{ name: 'code', zh: '代码', required: true }], example: { code: 'JL' } },
 * ], { headers: 'zh' });
 */
export async function writeTemplate(
  out: string,
  sheets: TemplateSheet[],
  opts: { headers?: 'en' | 'zh' } = {},
): Promise<void> {
  const zh = opts.headers === 'zh';
  const workbook = new ExcelJS.Workbook();
  for (const sheet of sheets) {
    const ws = workbook.addWorksheet(sheet.name, { views: [{ state: 'frozen', ySplit: 1 }] });
    sheet.columns.forEach((column, i) => {
      const header = ws.getCell(1, i + 1);
      header.value = zh ? column.zh : column.name;
      header.font = { bold: true };
      const need = column.required ? '必填 required' : '选填 optional';
      header.note = `${zh ? column.name : column.zh}\n${need}`;
      const example = ws.getCell(2, i + 1);
      example.value = sheet.example[column.name] ?? '';
      example.numFmt = '@';
      const col = ws.getColumn(i + 1);
      col.numFmt = '@';
      const widths = [column.name, column.zh, String(example.value)].map(displayWidth);
      col.width = Math.max(12, ...widths);
    });
  }
  await workbook.xlsx.writeFile(out);
}

// Chinese characters take two columns of width.
function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += ch.charCodeAt(0) > 0x2e80 ? 2 : 1;
  return width + 2;
}
