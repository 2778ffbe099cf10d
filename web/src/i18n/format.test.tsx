// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { formatter } from './format.ts';
import { translateReason } from './reasons.ts';

const zh = formatter('zh');
const en = formatter('en');

describe('formatter', () => {
  it('writes large Chinese figures in 万 and groups English digits', () => {
    expect(zh.count(381_733)).toBe('38.17万');
    expect(zh.count(9_999)).toBe('9,999');
    expect(en.count(381_733)).toBe('381,733');
    expect(zh.yuan(127_000)).toBe('12.7万元');
    expect(zh.yuan(2_200)).toBe('2,200元');
    expect(en.yuan(127_000)).toBe('¥127,000');
    expect(zh.yuanExact(22_000)).toBe('22,000.00元');
  });

  it('writes months, days, rates and changes per language', () => {
    expect(zh.month('2019-06')).toBe('2019年6月');
    expect(en.month('2019-06')).toBe('Jun 2019');
    expect(zh.date('2019-06-30')).toBe('2019年6月30日');
    expect(en.date('2019-06-30')).toBe('30 Jun 2019');
    expect(zh.percent(0.7571)).toBe('75.7%');
    expect(en.signed(3.24)).toBe('+3.2');
    expect(en.signed(-1)).toBe('−1.0');
    expect(en.signed(0.01)).toBe('±0.0');
  });
});

describe('translateReason', () => {
  it('renders the import rules in Chinese and keeps what it does not know', () => {
    expect(translateReason('2019-06-31 is not a day of the calendar', 'zh')).toBe('2019-06-31 不是日历上存在的日期');
    expect(translateReason('510101002000 is a township, not a village-level area', 'zh')).toBe(
      '510101002000 是乡镇级地区，不是村（社区）',
    );
    expect(translateReason('no officer with badge 99 exists', 'zh')).toBe('没有警号为 99 的民警');
    expect(translateReason('"x" is not one of criminal, public_order', 'zh')).toBe(
      '“x”不是可选值（criminal, public_order）之一',
    );
    expect(
      translateReason(
        '43.8, 87.6 is outside China (longitude 73.4 to 135.1, latitude 3.8 to 53.6); longitude and latitude look swapped',
        'zh',
      ),
    ).toBe('43.8, 87.6 不在中国境内（经度 73.4～135.1，纬度 3.8～53.6）；经度和纬度似乎填反了');
    expect(translateReason('a longitude needs its latitude (give both or neither)', 'zh')).toBe(
      '填了经度须同时填纬度（两者都填或都不填）',
    );
    expect(translateReason('something new', 'zh')).toBe('something new');
    expect(translateReason('a value is required', 'en')).toBe('a value is required');
  });
});
