/** Small API answers for component tests, shaped as the server's schemas say. */
import type { AreaDetail, Indicators, Overview, RankingRow, UnitDetail } from '../api/types.ts';

export const province: AreaDetail = {
  code: 'P1',
  name: '吉林省',
  level: 'province',
  parent_code: null,
  urban_rural: null,
  path: [],
  children: 2,
};
export const city: AreaDetail = {
  code: 'C1',
  name: '长春市',
  level: 'city',
  parent_code: 'P1',
  urban_rural: null,
  path: [{ code: 'P1', name: '吉林省', level: 'province' }],
  children: 0,
};

export const overview: Overview = {
  area: 'P1',
  date: '2019-06-30',
  units: { bureau: 2, station: 5, community_room: 12, rural_office: 30 },
  officers: { community: 12, resident: 30, station: 20, civilian: 3 },
  patrols: { full_time: { teams: 4, members: 40 }, volunteer: { teams: 9, members: 120 } },
  origins: { existing: 40, agency_transfer: 10, new_recruit: 12, civilian_hire: 3 },
};

const r = (numerator: number, denominator: number, score: number) => ({
  numerator,
  denominator,
  value: denominator ? numerator / denominator : null,
  score,
  no_data: denominator === 0,
});

export function performance(area: string, month: string, reported = true): Indicators {
  const k = reported ? 1 : 0;
  return {
    area,
    month,
    scheme: 'performance',
    composite: reported ? 72.5 : 15,
    indicators: {
      awareness_rate: r(80 * k, 100 * k, 75),
      familiarity_rate: r(90 * k, 100 * k, 85.7),
      info_provision_rate: r(30 * k, 42, 20),
      crime_rate: { numerator: 20_000, denominator: 400_000, value: 0.05, score: 100, no_data: false },
      satisfaction_rate: r(90 * k, 100 * k, 80),
      group_defense: r(12_000_000 * k, 400_000, 30),
    },
    online_answers: {
      answers: 40,
      awareness: { numerator: 0, denominator: 40, value: 0 },
      satisfaction: { numerator: 3, denominator: 40, value: 0.075 },
      counted: false,
    },
  };
}

export function construction(area: string, month: string): Indicators {
  return {
    area,
    month,
    scheme: 'construction',
    composite: 64.2,
    indicators: {
      coverage_rate: r(90, 100, 80),
      staffing_rate: r(40, 42, 90.5),
      equipment_rate: r(20, 42, 0),
      standardization_rate: r(30, 42, 42.9),
      funds_rate: r(0, 0, 0),
    },
  };
}

export const ranking: RankingRow[] = [
  {
    rank: 1,
    code: 'C2',
    name: '吉林市',
    composite: 80.04,
    lagging: false,
    problems: [],
    previous_rank: 2,
    rank_change: 1,
    composite_change: 3.2,
  },
  {
    rank: 2,
    code: 'C1',
    name: '长春市',
    composite: 55.5,
    lagging: true,
    problems: ['group_defense', 'info_provision_rate'],
    previous_rank: 1,
    rank_change: -1,
    composite_change: -4,
  },
];

export const room: UnitDetail = {
  code: 'R1',
  name: '东风社区警务室',
  type: 'community_room',
  area_code: 'T1',
  station_code: 'S1',
  covers: 'V1;V2',
  status: 'open',
  opened_on: '2018-03-01',
  closed_on: null,
  phone: '0431-1234567',
  hours: null,
  address: '长春市南关区东风街道东风路12号',
  longitude: 125.3245,
  latitude: 43.8868,
  date: '2019-06-30',
  open: true,
  area_name: '东风街道',
  covered_areas: [
    { code: 'V1', name: '东风社区' },
    { code: 'V2', name: null },
  ],
  officers: [
    {
      badge: '220001',
      name: '王警官',
      role: 'community',
      start_date: '2016-06-01',
      end_date: null,
      origin: 'new_recruit',
      phone: null,
    },
  ],
  equipment: [
    { item: 'computer', quantity: 2, as_of: '2019-01-01', standard: true },
    { item: 'camera', quantity: 1, as_of: '2019-01-01', standard: false },
  ],
  missing_kit: ['motorcycle', 'work_kit'],
  inspections: [
    {
      date: '2018-12-01',
      premises: 'pass',
      signage: 'fail',
      equipment: 'pass',
      staffing: 'pass',
      work_system: 'pass',
      duties: 'fail',
      records: 'pass',
    },
    {
      date: '2019-05-01',
      premises: 'pass',
      signage: 'pass',
      equipment: 'pass',
      staffing: 'pass',
      work_system: 'pass',
      duties: 'pass',
      records: 'pass',
    },
  ],
  patrols: [{ code: 'PR1', name: '东风巡防队', unit_code: 'R1', kind: 'volunteer', members: 12 }],
};
