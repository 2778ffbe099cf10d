/** The registry's kinds (SPEC §2): areas, population, units, officers, patrols, equipment, inspections, funds. */
import { areaCode, code, date, integer, oneOf, passFail, text, yuan, type Value } from './columns.ts';
import { ASPECTS, LEVELS, ROOM_TYPES, problem, type KindDef, type RowProblem } from './kind.ts';
import { LOCATION_COLUMNS, locationProblems } from './location.ts';

const ASPECT_ZH: Record<(typeof ASPECTS)[number], string> = {
  premises: '用房',
  signage: '标识',
  equipment: '装备',
  staffing: '人员',
  work_system: '制度',
  duties: '职责',
  records: '台账',
};

export const areas: KindDef = {
  kind: 'areas',
  zh: '行政区划',
  key: ['code'],
  columns: [
    areaCode('code', '代码', '220102000000'),
    text('name', '名称', '南关区'),
    oneOf('level', '级别', LEVELS),
    areaCode('parent_code', '上级代码', '220100000000', { nullable: true }),
    text('urban_rural', '城乡分类', '', { nullable: true }),
  ],
  rowRules(row) {
    const problems: RowProblem[] = [];
    if (row.level === 'province' && row.parent_code !== null)
      problems.push(problem('parent_code', 'province_has_parent', {}));
    if (row.level !== 'province' && row.parent_code === null)
      problems.push(problem('parent_code', 'parent_required', { level: String(row.level) }));
    if (row.parent_code !== null && row.parent_code === row.code)
      problems.push(problem('parent_code', 'own_parent', {}));
    const ur = row.urban_rural as string | null;
    if (row.level === 'village') {
      const kind = urbanRural(ur);
      if (kind === null)
        problems.push(
          ur === null
            ? problem('urban_rural', 'urban_rural_required', {})
            : problem('urban_rural', 'urban_rural_invalid', { value: ur }),
        );
      else row.urban_rural = kind;
    } else if (ur !== null) problems.push(problem('urban_rural', 'urban_rural_not_village', {}));
    return problems;
  },
};

function urbanRural(v: string | null): 'urban' | 'rural' | null {
  if (v === 'urban' || v === 'rural') return v;
  if (v && /^[12]\d\d$/.test(v)) return v[0] === '1' ? 'urban' : 'rural';
  return null;
}

export const population: KindDef = {
  kind: 'population',
  zh: '人口',
  key: ['area_code', 'year'],
  columns: [
    areaCode('area_code', '区划代码', '220102001001'),
    integer('year', '年度', '2019', { min: 1949, max: 2100 }),
    integer('residents', '常住人口', '3500'),
    integer('households', '户数', '1200'),
  ],
};

const UNIT_STATUSES = ['planned', 'building', 'open', 'closed'] as const;

export const units: KindDef = {
  kind: 'units',
  zh: '单位',
  key: ['code'],
  columns: [
    code('code', '单位代码', 'R220102001001'),
    text('name', '名称', '南关社区警务室'),
    oneOf('type', '类型', ['bureau', 'station', ...ROOM_TYPES]),
    areaCode('area_code', '所属区划', '220102001000'),
    code('station_code', '所属派出所', 'S220102001000', { nullable: true }),
    text('covers', '覆盖村居', '220102001001;220102001002', { nullable: true, max: 4000 }),
    oneOf('status', '状态', UNIT_STATUSES),
    date('opened_on', '启用日期', '2019-03-01', { nullable: true }),
    date('closed_on', '撤销日期', '', { nullable: true }),
    text('phone', '联系电话', '0431-88880000', { optional: true, max: 40 }),
    text('hours', '办公时间', '08:30-17:30', { optional: true, max: 100 }),
    ...LOCATION_COLUMNS,
  ],
  rowRules(row) {
    const p: RowProblem[] = [];
    const room = (ROOM_TYPES as readonly Value[]).includes(row.type);
    if (room && row.station_code === null) p.push(problem('station_code', 'room_needs_station', {}));
    if (room && row.covers === null) p.push(problem('covers', 'room_needs_covers', {}));
    if (!room && row.station_code !== null)
      p.push(problem('station_code', 'station_not_for_type', { type: String(row.type) }));
    if (!room && row.covers !== null) p.push(problem('covers', 'covers_not_for_type', { type: String(row.type) }));
    if (row.covers !== null) {
      const codes = String(row.covers)
        .split(';')
        .map((c) => c.trim())
        .filter(Boolean);
      const bad = codes.find((c) => !/^[A-Za-z0-9_-]{1,32}$/.test(c));
      if (bad !== undefined) p.push(problem('covers', 'not_an_area_code', { value: bad }));
      else if (new Set(codes).size !== codes.length) p.push(problem('covers', 'covers_listed_twice', {}));
      row.covers = codes.join(';');
    }
    p.push(...statusProblems(row), ...locationProblems(row));
    return p;
  },
};

/**
 * SPEC §3: the dates decide; a status that contradicts them in the row itself is refused, in
 * exactly the cases SPEC lists (an `open` unit with a closed_on, a closure ahead, is not one).
 */
function statusProblems(row: Record<string, Value>): RowProblem[] {
  const { status, opened_on: opened, closed_on: closed } = row;
  const p: RowProblem[] = [];
  if ((status === 'open' || status === 'closed') && opened === null)
    p.push(problem('opened_on', 'opened_on_required', { status }));
  if (status === 'closed' && closed === null) p.push(problem('closed_on', 'closed_on_required', {}));
  if ((status === 'planned' || status === 'building') && closed !== null)
    p.push(problem('closed_on', 'closed_on_not_allowed', { status }));
  if (opened !== null && closed !== null && String(closed) < String(opened))
    p.push(problem('closed_on', 'date_before', { value: String(closed), column: 'opened_on', other: String(opened) }));
  return p;
}

export const officers: KindDef = {
  kind: 'officers',
  zh: '民警',
  key: ['badge', 'start_date'],
  columns: [
    code('badge', '警号', '220001'),
    text('name', '姓名', '张伟'),
    oneOf('role', '岗位', ['community', 'resident', 'station', 'civilian']),
    code('unit_code', '所在单位', 'R220102001001'),
    date('start_date', '任职日期', '2019-01-01'),
    date('end_date', '离任日期', '', { nullable: true }),
    oneOf('origin', '警力来源', ['existing', 'agency_transfer', 'new_recruit', 'civilian_hire']),
    text('phone', '工作电话', '0431-88880001', { optional: true, max: 40 }),
  ],
  rowRules(row) {
    if (row.end_date !== null && String(row.end_date) < String(row.start_date))
      return [
        problem('end_date', 'date_before', {
          value: String(row.end_date),
          column: 'start_date',
          other: String(row.start_date),
        }),
      ];
    return [];
  },
};

export const patrols: KindDef = {
  kind: 'patrols',
  zh: '巡防队伍',
  key: ['code'],
  columns: [
    code('code', '队伍代码', 'P220102001'),
    text('name', '名称', '南关社区巡防队'),
    code('unit_code', '所属单位', 'R220102001001'),
    oneOf('kind', '类型', ['full_time', 'volunteer']),
    integer('members', '队员人数', '8'),
  ],
};

export const equipment: KindDef = {
  kind: 'equipment',
  zh: '装备',
  key: ['unit_code', 'item', 'as_of'],
  columns: [
    code('unit_code', '单位代码', 'R220102001001'),
    code('item', '装备', 'computer'),
    integer('quantity', '数量', '1'),
    date('as_of', '截至日期', '2019-06-01'),
  ],
};

export const inspections: KindDef = {
  kind: 'inspections',
  zh: '规范化检查',
  key: ['unit_code', 'date'],
  columns: [
    code('unit_code', '单位代码', 'R220102001001'),
    date('date', '检查日期', '2019-06-15'),
    ...ASPECTS.map((aspect) => passFail(aspect, ASPECT_ZH[aspect])),
  ],
};

export const funds: KindDef = {
  kind: 'funds',
  zh: '经费',
  key: ['ref'],
  columns: [
    code('ref', '编号', 'F2019-0001'),
    oneOf('kind', '类别', ['allocation', 'disbursement']),
    date('date', '日期', '2019-03-01'),
    areaCode('recipient_code', '拨付对象', '220102000000'),
    yuan('amount', '金额（元）', '22000.00'),
    text('purpose', '用途', '警务室建设', { nullable: true }),
  ],
};
