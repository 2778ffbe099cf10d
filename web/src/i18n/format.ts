/**
 * Numbers and dates as each language's readers expect them: Chinese shows large figures in
 * 万 and 亿 (12.7万元), English groups digits (¥127,000); months read 2019年6月 / Jun 2019.
 */
export type Lang = 'zh' | 'en';

export interface Formatter {
  /** A count: 1,234; in Chinese 3.8万 from ten thousand up. */
  count(n: number): string;
  /** A decimal with fixed digits. */
  decimal(n: number, digits?: number): string;
  /** A ratio as a percentage: 0.757 → 75.7%. */
  percent(v: number, digits?: number): string;
  /** A signed change: +3.2 / −1.0. */
  signed(n: number, digits?: number): string;
  /** An amount in yuan as a figure: 12.7万元 / ¥127,000. */
  yuan(n: number): string;
  /** An amount in yuan to the fen, for lists: 22,000.00元 / ¥22,000.00. */
  yuanExact(n: number): string;
  /** `2019-06` → 2019年6月 / Jun 2019. */
  month(m: string): string;
  /** `2019-06-30` → 2019年6月30日 / 30 Jun 2019. */
  date(d: string): string;
  /** An instant (ISO) in the browser's time zone: 2019年6月30日 14:05 / 30 Jun 2019, 14:05. */
  dateTime(iso: string): string;
  /** A file size: 12.3 KB. */
  bytes(n: number): string;
}

const cache = new Map<string, Intl.NumberFormat>();
function nf(locale: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = locale + JSON.stringify(options);
  let f = cache.get(key);
  if (!f) cache.set(key, (f = new Intl.NumberFormat(locale, options)));
  return f;
}

export function formatter(lang: Lang): Formatter {
  const locale = lang === 'zh' ? 'zh-CN' : 'en-GB';
  const large = (n: number) => nf('zh-CN', { notation: 'compact', maximumFractionDigits: 2 }).format(n);
  const fixed = (n: number, digits: number) =>
    nf(locale, { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(n);
  return {
    count: (n) =>
      lang === 'zh' && Math.abs(n) >= 10_000 ? large(n) : nf(locale, { maximumFractionDigits: 0 }).format(n),
    decimal: (n, digits = 1) => fixed(n, digits),
    percent: (v, digits = 1) =>
      nf(locale, { style: 'percent', minimumFractionDigits: digits, maximumFractionDigits: digits }).format(v),
    signed: (n, digits = 1) => {
      const abs = fixed(Math.abs(n), digits);
      if (Number(abs.replace(/[^\d.]/g, '')) === 0) return `±${abs}`;
      return n > 0 ? `+${abs}` : `−${abs}`;
    },
    yuan: (n) =>
      lang === 'zh'
        ? `${Math.abs(n) >= 10_000 ? large(n) : nf(locale, { maximumFractionDigits: 2 }).format(n)}元`
        : nf(locale, {
            style: 'currency',
            currency: 'CNY',
            currencyDisplay: 'narrowSymbol',
            maximumFractionDigits: 2,
            minimumFractionDigits: 0,
          }).format(n),
    yuanExact: (n) =>
      lang === 'zh'
        ? `${fixed(n, 2)}元`
        : nf(locale, {
            style: 'currency',
            currency: 'CNY',
            currencyDisplay: 'narrowSymbol',
            minimumFractionDigits: 2,
            maximumFractionDigits: 2,
          }).format(n),
    month: (m) => {
      const [y, mo] = m.split('-').map(Number);
      if (lang === 'zh') return `${y}年${mo}月`;
      return new Date(Date.UTC(y, mo - 1, 1)).toLocaleDateString('en-GB', {
        month: 'short',
        year: 'numeric',
        timeZone: 'UTC',
      });
    },
    date: (d) => {
      const [y, mo, day] = d.split('-').map(Number);
      if (lang === 'zh') return `${y}年${mo}月${day}日`;
      return new Date(Date.UTC(y, mo - 1, day)).toLocaleDateString('en-GB', {
        day: 'numeric',
        month: 'short',
        year: 'numeric',
        timeZone: 'UTC',
      });
    },
    dateTime: (iso) => {
      const d = new Date(iso);
      if (Number.isNaN(d.getTime())) return iso;
      const pad = (n: number) => String(n).padStart(2, '0');
      const time = `${pad(d.getHours())}:${pad(d.getMinutes())}`;
      if (lang === 'zh') return `${d.getFullYear()}年${d.getMonth() + 1}月${d.getDate()}日 ${time}`;
      return `${d.toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric' })}, ${time}`;
    },
    bytes: (n) => {
      if (n < 1024) return `${n} B`;
      const units = ['KB', 'MB', 'GB'];
      let v = n / 1024;
      let i = 0;
      while (v >= 1024 && i < units.length - 1) {
        v /= 1024;
        i++;
      }
      return `${fixed(v, v < 10 ? 1 : 0)} ${units[i]}`;
    },
  };
}
