// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { formatter } from './format.ts';
import { errorText } from './errors.ts';

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

describe('errorText', () => {
  it('says a code in the reader’s language from the registry, and shows the text of a code it does not know', () => {
    const day = {
      code: 'not_a_day',
      params: { value: '2019-06-31' },
      reason: '2019-06-31 is not a day of the calendar',
    };
    expect(errorText('zh', day)).toBe('2019-06-31 不是日历上存在的日期');
    expect(errorText('en', day)).toBe('2019-06-31 is not a day of the calendar');
    const village = { code: 'not_village', params: { value: '510101002000', level: 'township' } };
    expect(errorText('zh', village)).toBe('510101002000 是乡镇级地区，不是村（社区）');
    expect(errorText('zh', { code: 'unknown_reference', params: { target: 'officer', value: '99' } })).toBe(
      '没有警号为 99 的民警',
    );
    expect(errorText('zh', { code: 'not_one_of', params: { value: 'x', values: ['criminal', 'public_order'] } })).toBe(
      '“x”不是可选值（criminal, public_order）之一',
    );
    const swapped = {
      code: 'point_outside_china',
      params: { longitude: 43.8, latitude: 87.6, box: [73.4, 3.8, 135.1, 53.6], swapped: true },
    };
    expect(errorText('zh', swapped)).toBe(
      '43.8, 87.6 不在中国境内（经度 73.4～135.1，纬度 3.8～53.6）；经度和纬度似乎填反了',
    );
    expect(errorText('en', swapped)).toBe(
      '43.8, 87.6 is outside China (longitude 73.4 to 135.1, latitude 3.8 to 53.6); longitude and latitude look swapped',
    );
    expect(errorText('zh', { code: 'latitude_missing', params: {} })).toBe('填了经度须同时填纬度（两者都填或都不填）');
    expect(errorText('zh', { code: 'something_new', params: {}, message: 'something new' })).toBe('something new');
    expect(errorText('zh', { reason: 'kept before codes came' })).toBe('kept before codes came');
  });
});
