/**
 * Codes of one rejected place in an import file or a posted row (SPEC §2): a cell's value, the
 * rules between a row's values, and what a row refers to.
 */
import { def } from '../types.ts';
import { zhName } from '../terms-zh.ts';

const TARGET_EN: Record<string, string> = {
  area: 'area',
  unit: 'unit',
  station: 'station',
  officer: 'officer with badge',
  patrol: 'patrol team',
};
const TARGET_ZH: Record<string, string> = {
  area: '代码为 {v} 的地区',
  unit: '代码为 {v} 的单位',
  station: '代码为 {v} 的派出所',
  officer: '警号为 {v} 的民警',
  patrol: '代码为 {v} 的巡防队伍',
};
const anA = (word: string) => (/^[aeiou]/.test(word) ? `an ${word}` : `a ${word}`);

export const ROW_ERRORS = {
  // A cell's value.
  value_required: def(
    'invalid_input',
    {},
    () => 'a value is required',
    () => '必须填写',
  ),
  yes_no_required: def(
    'invalid_input',
    {},
    () => 'a value is required (yes or no)',
    () => '必须填写（是或否）',
  ),
  not_a_code: def(
    'invalid_input',
    { value: 'R 01' },
    (p) => `"${p.value}" is not a code (letters, digits, - _ . / up to 64 characters)`,
    (p) => `“${p.value}”不是有效编码（字母、数字、- _ . /，最多 64 位）`,
  ),
  not_an_area_code: def(
    'invalid_input',
    { value: '2201 02' },
    (p) => `"${p.value}" is not an area code (letters, digits, - _ up to 32 characters)`,
    (p) => `“${p.value}”不是有效的地区代码（字母、数字、- _，最多 32 位）`,
  ),
  reorders_text: def(
    'invalid_input',
    { char: 'U+202E' },
    (p) =>
      `contains ${p.char}, a control character that reorders text (right-to-left overrides and isolates are refused in names)`,
    (p) => `含有 ${p.char}，这是改变文字显示顺序的控制字符（名称中不允许出现）`,
  ),
  too_long: def(
    'invalid_input',
    { max: 200 },
    (p) => `longer than ${p.max} characters`,
    (p) => `超过 ${p.max} 个字符`,
  ),
  contains_nul: def(
    'invalid_input',
    {},
    () => 'contains a NUL character',
    () => '含有空字符（NUL）',
  ),
  not_one_of: def(
    'invalid_input',
    { value: 'shop', values: ['bureau', 'station', 'community_room', 'rural_office'] },
    (p) => `"${p.value}" is not one of ${p.values.join(', ')}`,
    (p) => `“${p.value}”不是可选值（${p.values.join(', ')}）之一`,
  ),
  not_a_date: def(
    'invalid_input',
    { value: '2019/06/03' },
    (p) => `"${p.value}" is not a date (YYYY-MM-DD)`,
    (p) => `“${p.value}”不是日期（格式 年-月-日）`,
  ),
  not_a_day: def(
    'invalid_input',
    { value: '2019-02-30' },
    (p) => `${p.value} is not a day of the calendar`,
    (p) => `${p.value} 不是日历上存在的日期`,
  ),
  not_whole: def(
    'invalid_input',
    { value: '2.5' },
    (p) => `"${p.value}" is not a whole number`,
    (p) => `“${p.value}”不是整数`,
  ),
  not_a_number: def(
    'invalid_input',
    { value: 'three' },
    (p) => `"${p.value}" is not a number`,
    (p) => `“${p.value}”不是数字`,
  ),
  not_yuan: def(
    'invalid_input',
    { value: '12.345' },
    (p) => `"${p.value}" is not an amount in yuan (at most 2 decimals)`,
    (p) => `“${p.value}”不是金额（元，最多两位小数）`,
  ),
  not_yes_no: def(
    'invalid_input',
    { value: 'maybe' },
    (p) => `"${p.value}" is not yes or no`,
    (p) => `“${p.value}”不是“是”或“否”`,
  ),
  negative: def(
    'invalid_input',
    { value: '-3' },
    (p) => `${p.value} is negative`,
    (p) => `${p.value} 不能为负数`,
  ),
  below: def(
    'invalid_input',
    { value: '0', min: 1 },
    (p) => `${p.value} is below ${p.min}`,
    (p) => `${p.value} 小于下限 ${p.min}`,
  ),
  above: def(
    'invalid_input',
    { value: '6', max: 5 },
    (p) => `${p.value} is above ${p.max}`,
    (p) => `${p.value} 大于上限 ${p.max}`,
  ),
  not_above: def(
    'invalid_input',
    { value: '0', min: 0 },
    (p) => `${p.value} must be above ${p.min}`,
    (p) => `${p.value} 必须大于 ${p.min}`,
  ),
  number_too_large: def(
    'invalid_input',
    { value: '99999999999999999999' },
    (p) => `${p.value} is too large`,
    (p) => `${p.value} 太大`,
  ),

  // The rules between one row's values.
  province_has_parent: def(
    'invalid_input',
    {},
    () => 'a province has no parent',
    () => '省级地区没有上级',
  ),
  parent_required: def(
    'invalid_input',
    { level: 'city' },
    (p) => `a ${p.level} needs a parent`,
    (p) => `${zhName('level', p.level)}地区必须有上级`,
  ),
  own_parent: def(
    'invalid_input',
    {},
    () => 'an area cannot be its own parent',
    () => '地区不能是自己的上级',
  ),
  urban_rural_required: def(
    'invalid_input',
    {},
    () => 'a village-level area needs urban or rural (or a 3-digit GB code)',
    () => '村级地区必须填写城镇或乡村（或 3 位国标代码）',
  ),
  urban_rural_invalid: def(
    'invalid_input',
    { value: 'town' },
    (p) => `"${p.value}" is not urban, rural or a GB code 1xx/2xx`,
    (p) => `“${p.value}”不是 urban、rural 或国标代码 1xx/2xx`,
  ),
  urban_rural_not_village: def(
    'invalid_input',
    {},
    () => 'only village-level areas are urban or rural',
    () => '只有村级地区才分城镇或乡村',
  ),
  room_needs_station: def(
    'invalid_input',
    {},
    () => 'a room needs its station',
    () => '警务室必须填写所属派出所',
  ),
  room_needs_covers: def(
    'invalid_input',
    {},
    () => 'a room covers at least one village-level area',
    () => '警务室至少覆盖一个村（社区）',
  ),
  station_not_for_type: def(
    'invalid_input',
    { type: 'bureau' },
    (p) => `a ${p.type} has no station`,
    (p) => `${zhName('unit', p.type)}没有所属派出所`,
  ),
  covers_not_for_type: def(
    'invalid_input',
    { type: 'station' },
    (p) => `a ${p.type} covers no area (rooms do)`,
    (p) => `${zhName('unit', p.type)}不覆盖村居（警务室才覆盖）`,
  ),
  covers_listed_twice: def(
    'invalid_input',
    {},
    () => 'an area is listed twice',
    () => '有地区重复列出',
  ),
  opened_on_required: def(
    'invalid_input',
    { status: 'open' },
    (p) => `${anA(p.status)} unit needs opened_on`,
    (p) => `状态为“${zhName('status', p.status)}”的单位必须填写启用日期`,
  ),
  closed_on_required: def(
    'invalid_input',
    {},
    () => 'a closed unit needs closed_on',
    () => '已撤销的单位必须填写撤销日期',
  ),
  closed_on_not_allowed: def(
    'invalid_input',
    { status: 'planned' },
    (p) => `a ${p.status} unit cannot have closed_on`,
    (p) => `状态为“${zhName('status', p.status)}”的单位不能有撤销日期`,
  ),
  date_before: def(
    'invalid_input',
    { value: '2019-01-01', column: 'opened_on', other: '2019-03-01' },
    (p) => `${p.value} is before ${p.column} ${p.other}`,
    (p) => `${p.value} 早于 ${p.column}（${p.other}）`,
  ),
  longitude_missing: def(
    'invalid_input',
    {},
    () => 'a latitude needs its longitude (give both or neither)',
    () => '填了纬度须同时填经度（两者都填或都不填）',
  ),
  latitude_missing: def(
    'invalid_input',
    {},
    () => 'a longitude needs its latitude (give both or neither)',
    () => '填了经度须同时填纬度（两者都填或都不填）',
  ),
  point_outside_china: def(
    'invalid_input',
    { longitude: 43.8, latitude: 87.6, box: [73.4, 3.8, 135.1, 53.6], swapped: true },
    (p) =>
      `${p.longitude}, ${p.latitude} is outside China (longitude ${p.box[0]} to ${p.box[2]}, latitude ${p.box[1]} to ${p.box[3]})${p.swapped ? '; longitude and latitude look swapped' : ''}`,
    (p) =>
      `${p.longitude}, ${p.latitude} 不在中国境内（经度 ${p.box[0]}～${p.box[2]}，纬度 ${p.box[1]}～${p.box[3]}）${p.swapped ? '；经度和纬度似乎填反了' : ''}`,
  ),
  more_than_sampled: def(
    'invalid_input',
    { value: 16, sampled: 15 },
    (p) => `${p.value} is more than sampled (${p.sampled})`,
    (p) => `${p.value} 大于抽查户数（${p.sampled}）`,
  ),

  // What a row refers to, as the database and the rest of the import stand.
  unknown_reference: def(
    'invalid_input',
    { target: 'officer', value: '220001' },
    (p) => `no ${TARGET_EN[p.target] ?? p.target} ${p.value} exists`,
    (p) => `没有${(TARGET_ZH[p.target] ?? '{v}').replace('{v}', p.value)}`,
  ),
  level_not_below_parent: def(
    'invalid_input',
    { level: 'city', parent_level: 'county', parent: '220102000000' },
    (p) => `a ${p.level} under the ${p.parent_level} ${p.parent}: a child's level must be below its parent's`,
    (p) =>
      `${zhName('level', p.level)}地区不能在${zhName('level', p.parent_level)}地区 ${p.parent} 之下：下级的级别必须低于上级`,
  ),
  not_village: def(
    'invalid_input',
    { value: '220102001000', level: 'township' },
    (p) => `${p.value} is a ${p.level}, not a village-level area`,
    (p) => `${p.value} 是${zhName('level', p.level)}地区，不是村（社区）`,
  ),
  room_not_in_township: def(
    'invalid_input',
    { value: '220102000000', level: 'county' },
    (p) => `a room belongs to a township; ${p.value} is a ${p.level}`,
    (p) => `警务室应属于乡镇（街道）；${p.value} 是${zhName('level', p.level)}地区`,
  ),
  not_a_station: def(
    'invalid_input',
    { value: 'B2201', type: 'bureau' },
    (p) => `${p.value} is a ${p.type}, not a station`,
    (p) => `${p.value} 是${zhName('unit', p.type)}，不是派出所`,
  ),
  covers_not_village: def(
    'invalid_input',
    { value: '220102001000', level: 'township' },
    (p) => `${p.value} is a ${p.level}: a room covers only village-level areas`,
    (p) => `${p.value} 是${zhName('level', p.level)}地区：警务室只覆盖村（社区）`,
  ),
  posting_overlap: def<{ from: string; to: string | null }>(
    'invalid_input',
    { from: '2019-01-01', to: null },
    (p) => `overlaps this badge's posting from ${p.from} to ${p.to ?? 'now'}`,
    (p) => `与该警号 ${p.from} 至${p.to ?? '今'}的任职重叠`,
  ),
} as const;
