import { describe, expect, it } from 'vitest';
import { demoSources, loadJilinAreas, SUMMARY_2019, type DemoRow } from './generate.ts';

// Counted as SPEC §4's overview does: units open on D by their dates, postings containing D,
// patrol teams whose unit is open on D.
const D = '2019-12-31';
const areas = loadJilinAreas();
const sources = new Map(demoSources(areas, { seed: 2019, scale: 1 }).map((s) => [s.kind, s]));
const rows = (kind: string): DemoRow[] => [...(sources.get(kind)?.rows() ?? [])];
const isOpen = (u: DemoRow): boolean =>
  u.opened_on !== '' && u.opened_on <= D && (u.closed_on === '' || u.closed_on > D);

describe('demo province at scale 1 on 2019-12-31', () => {
  const units = rows('units');

  it('has the summary’s open rooms, and rooms that are not open besides', () => {
    const open = (type: string): number => units.filter((u) => u.type === type && isOpen(u)).length;
    expect(open('community_room')).toBe(SUMMARY_2019.communityRooms);
    expect(open('rural_office')).toBe(SUMMARY_2019.ruralOffices);
    for (const status of ['planned', 'building', 'closed']) expect(units.some((u) => u.status === status)).toBe(true);
    expect(units.some((u) => u.status === 'open' && u.opened_on.startsWith('2019'))).toBe(true);
  });

  it('has a bureau per county and a station per township, all open', () => {
    const codes = (level: string): string[] =>
      areas
        .filter((a) => a.level === level)
        .map((a) => a.code)
        .sort();
    const open = (type: string): string[] =>
      units
        .filter((u) => u.type === type && isOpen(u))
        .map((u) => u.area_code)
        .sort();
    expect(open('bureau')).toEqual(codes('county'));
    expect(open('station')).toEqual(codes('township'));
  });

  it('has the summary’s front-line officers posted, with every origin and role', () => {
    const posted = rows('officers').filter((o) => o.start_date <= D && (o.end_date === '' || o.end_date >= D));
    const count = (key: string, value: string): number => posted.filter((o) => o[key] === value).length;
    expect(count('role', 'community')).toBe(SUMMARY_2019.communityOfficers);
    expect(count('role', 'resident')).toBe(SUMMARY_2019.residentOfficers);
    expect(count('role', 'station')).toBeGreaterThan(0);
    expect(count('role', 'civilian')).toBeGreaterThan(0);
    for (const origin of ['existing', 'agency_transfer', 'new_recruit', 'civilian_hire'])
      expect(count('origin', origin)).toBeGreaterThan(0);
    const openRooms = units.filter((u) => (u.type === 'community_room' || u.type === 'rural_office') && isOpen(u));
    const staffed = new Set(
      posted.filter((o) => o.role === 'community' || o.role === 'resident').map((o) => o.unit_code),
    );
    expect(openRooms.filter((u) => !staffed.has(u.code)).length).toBeGreaterThan(0);
  });

  it('has the summary’s full-time teams with more than 23,000 members', () => {
    const open = new Set(units.filter(isOpen).map((u) => u.code));
    const teams = rows('patrols').filter((p) => p.kind === 'full_time' && open.has(p.unit_code));
    expect(teams).toHaveLength(SUMMARY_2019.fullTimeTeams);
    expect(teams.reduce((sum, p) => sum + Number(p.members), 0)).toBeGreaterThanOrEqual(SUMMARY_2019.fullTimeMembers);
    expect(rows('patrols').some((p) => p.kind === 'volunteer')).toBe(true);
  });

  it('has 23 to 24 million residents in 2019, communities larger than villages', () => {
    const population = rows('population').filter((p) => p.year === '2019');
    expect(population).toHaveLength(11_860);
    const total = population.reduce((sum, p) => sum + Number(p.residents), 0);
    expect(total).toBeGreaterThanOrEqual(23_000_000);
    expect(total).toBeLessThanOrEqual(24_000_000);
    const urban = new Set(areas.filter((a) => a.urban_rural === 'urban').map((a) => a.code));
    const mean = (pick: boolean): number => {
      const list = population.filter((p) => urban.has(p.area_code) === pick);
      return list.reduce((sum, p) => sum + Number(p.residents), 0) / list.length;
    };
    expect(mean(true)).toBeGreaterThan(2 * mean(false));
  });
});
