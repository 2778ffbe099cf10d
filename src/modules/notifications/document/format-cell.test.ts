import { describe, expect, it } from 'vitest';
import { formatCell, signed } from '#core/documents/format-cell.ts';
import { addDays, addMonths, daysBetween, writtenDate, writtenMonth } from './dates.ts';
import { endOfMonth } from '#core/calendar/month.ts';
import { numberOf, DEFAULT_SETTINGS, issuerOf } from '../notification.settings.ts';

describe('cells', () => {
  it('shows each format the same way everywhere', () => {
    expect(formatCell('percent', 0.8532)).toBe('85.3%');
    expect(formatCell('movement', -2)).toBe('↓2');
    expect(formatCell('movement', 3)).toBe('↑3');
    expect(formatCell('movement', 0)).toBe('—');
    expect(formatCell('integer', 23456)).toBe('23,456');
    expect(formatCell('money', 1234.5)).toBe('1,234.50');
    expect(formatCell('decimal', null)).toBe('—');
    expect(signed(-0.001)).toBe('0.00');
    expect(signed(1.255)).toBe('+1.25');
  });
});

describe('dates', () => {
  it('writes days as documents do and counts across months', () => {
    expect(writtenDate('2019-07-05', 'zh')).toBe('2019年7月5日');
    expect(writtenDate('2019-07-05', 'en')).toBe('5 July 2019');
    expect(writtenMonth('2019-06', 'zh')).toBe('2019年6月');
    expect(addDays('2019-07-05', 30)).toBe('2019-08-04');
    expect(daysBetween('2019-07-05', '2019-07-10')).toBe(5);
    expect(endOfMonth('2020-02')).toBe('2020-02-29');
    expect(addMonths('2019-03-31', -1)).toBe('2019-02-28');
    expect(addMonths('2019-12-31', -24)).toBe('2017-12-31');
  });
});

describe('document numbers and issuers', () => {
  it('numbers from the pattern and names the issuer by level', () => {
    const jilin = { code: '220000000000', name: '吉林省', level: 'province' };
    const issuer = issuerOf(DEFAULT_SETTINGS, jilin, 'zh');
    expect(issuer).toEqual({
      name: '吉林省公安厅',
      mark: '吉林省公安厅文件',
      printer: '吉林省公安厅办公室',
      abbr: '吉公社',
    });
    expect(numberOf(DEFAULT_SETTINGS, issuer.abbr, 2019, 6)).toBe('吉公社〔2019〕6号');
    expect(issuerOf(DEFAULT_SETTINGS, { code: 'X', name: '长春市', level: 'city' }, 'zh').name).toBe('长春市公安局');
    const configured = {
      ...DEFAULT_SETTINGS,
      issuers: {
        [jilin.code]: { name: '吉林省公安厅', abbr: '吉公通', name_en: 'Jilin Provincial Public Security Department' },
      },
    };
    expect(issuerOf(configured, jilin, 'en').name).toBe('Jilin Provincial Public Security Department');
    expect(numberOf({ ...configured, number_pattern: '{abbr}字〔{year}〕第{seq}号' }, '吉公通', 2019, 12)).toBe(
      '吉公通字〔2019〕第12号',
    );
  });
});
