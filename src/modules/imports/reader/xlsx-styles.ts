import { isDateFormat } from './cell-text.ts';
import type { XmlAttributes, XmlHandler } from './xml-tokenizer.ts';

/**
 * Which cell styles of a workbook (indexes into xl/styles.xml's `cellXfs`) show numbers as
 * dates, told as exceljs told them: by the style's number format, custom (`numFmts`) or one of
 * the built-in formats exceljs knows; style 0 never. A number in such a cell is a date.
 *
 * @example
 * const styles = new StylesHandler();
 * const tokenizer = new XmlTokenizer(styles); // fed xl/styles.xml
 * styles.dateStyles()[3] // true when style 3 is e.g. `yyyy-mm-dd`
 */
export class StylesHandler implements XmlHandler {
  private readonly formats = new Map<number, string>();
  private readonly xfFormats: number[] = [];
  // Inside <numFmts> or <cellXfs> (the other lists hold numFmt and xf elements too).
  private within: 'numFmts' | 'cellXfs' | undefined;

  open(name: string, attributes: XmlAttributes): void {
    if (name === 'numFmts' || name === 'cellXfs') this.within = name;
    else if (name === 'numFmt' && this.within === 'numFmts') {
      // exceljs reads format codes with their backslash escapes removed.
      const code = (attributes.formatCode ?? '').replace(/[\\](.)/g, '$1');
      this.formats.set(parseInt(attributes.numFmtId, 10), code);
    } else if (name === 'xf' && this.within === 'cellXfs') this.xfFormats.push(parseInt(attributes.numFmtId, 10));
  }

  close(name: string): void {
    if (name === this.within) this.within = undefined;
  }

  text(): void {}

  dateStyles(): boolean[] {
    return this.xfFormats.map((id, style) => {
      if (style === 0 || !id) return false;
      return isDateFormat(this.formats.get(id) || BUILT_IN_FORMATS[id]);
    });
  }
}

// The built-in number formats: those exceljs gives a format code (its defaultnumformats.js), and
// the East Asian ones (27-36, 50-58) as Chinese Excel shows them. exceljs left those without a
// code, so a date typed as 2019年6月5日 read as the number 43621 and failed a date column; here
// they are dates (and 32-35, 55-56 times), whatever the workbook's locale.
const BUILT_IN_FORMATS: Record<number, string> = {
  0: 'General',
  1: '0',
  2: '0.00',
  3: '#,##0',
  4: '#,##0.00',
  9: '0%',
  10: '0.00%',
  11: '0.00E+00',
  12: '# ?/?',
  13: '# ??/??',
  14: 'mm-dd-yy',
  15: 'd-mmm-yy',
  16: 'd-mmm',
  17: 'mmm-yy',
  18: 'h:mm AM/PM',
  19: 'h:mm:ss AM/PM',
  20: 'h:mm',
  21: 'h:mm:ss',
  22: 'm/d/yy "h":mm',
  27: 'yyyy"年"m"月"',
  28: 'm"月"d"日"',
  29: 'm"月"d"日"',
  30: 'm-d-yy',
  31: 'yyyy"年"m"月"d"日"',
  32: 'h"时"mm"分"',
  33: 'h"时"mm"分"ss"秒"',
  34: '上午/下午h"时"mm"分"',
  35: '上午/下午h"时"mm"分"ss"秒"',
  36: 'yyyy"年"m"月"',
  37: '#,##0 ;(#,##0)',
  38: '#,##0 ;[Red](#,##0)',
  39: '#,##0.00 ;(#,##0.00)',
  40: '#,##0.00 ;[Red](#,##0.00)',
  45: 'mm:ss',
  46: '[h]:mm:ss',
  47: 'mmss.0',
  48: '##0.0E+0',
  49: '@',
  50: 'yyyy"年"m"月"',
  51: 'm"月"d"日"',
  52: 'yyyy"年"m"月"',
  53: 'm"月"d"日"',
  54: 'm"月"d"日"',
  55: '上午/下午h"时"mm"分"',
  56: '上午/下午h"时"mm"分"ss"秒"',
  57: 'yyyy"年"m"月"',
  58: 'm"月"d"日"',
};
