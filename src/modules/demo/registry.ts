/**
 * The demo's registry, built in memory once per generation: areas with residents, units,
 * officers, patrol teams, equipment, inspections, funds and population rows. Records are made
 * from it lazily (records-*.ts).
 */
import { LAST_DAY, dayOf, iso } from './calendar.ts';
import { indexAreas } from './areas.ts';
import { equipmentRows, inspectionRows } from './facilities.ts';
import { clamp } from './model.ts';
import type { AreaIndex, DemoRow, Officer, Patrol, Unit } from './model.ts';
import { buildOfficers } from './officers.ts';
import { buildPatrols } from './patrols.ts';
import { Random, deriveSeed } from './random.ts';
import { buildUnits, type UnitSet } from './units.ts';
import { placeRooms, type Place } from './places.ts';

/** The standing figures of the 2019 provincial summary, reproduced at scale 1 on 2019-12-31. */
export const SUMMARY_2019 = {
  communityRooms: 2312,
  communityOfficers: 4910,
  ruralOffices: 4054,
  residentOfficers: 4400,
  fullTimeTeams: 2865,
  fullTimeMembers: 23_000,
} as const;

/** Construction funds per county (for its bureau) and per township, in yuan. */
export const COUNTY_FUND = 22_000;
export const TOWNSHIP_FUND = 35_000;
const VOLUNTEER_TEAMS = 1600;

export interface Registry {
  seed: number;
  scale: number;
  areas: AreaIndex;
  units: UnitSet;
  /** Where each room is (address and point), when its county or city has a shape. */
  places: Map<Unit, Place>;
  officers: Officer[];
  patrols: Patrol[];
  equipment: DemoRow[];
  inspections: DemoRow[];
  funds: DemoRow[];
  population: DemoRow[];
}

/** Builds the whole registry for a seed and scale (about half a second at scale 1). */
export function buildRegistry(areaRows: DemoRow[], seed: number, scale: number): Registry {
  const rng = (label: string): Random => new Random(deriveSeed(seed, label));
  const areas = indexAreas(areaRows, seed, scale);
  const units = buildUnits(areas, rng('units'), {
    community_room: Math.round(SUMMARY_2019.communityRooms * scale),
    rural_office: Math.round(SUMMARY_2019.ruralOffices * scale),
  });
  const officers = buildOfficers(units, rng('officers'), {
    community: Math.round(SUMMARY_2019.communityOfficers * scale),
    resident: Math.round(SUMMARY_2019.residentOfficers * scale),
    scale,
  });
  const patrols = buildPatrols(units, rng('patrols'), {
    fullTimeTeams: Math.round(SUMMARY_2019.fullTimeTeams * scale),
    fullTimeMembers: Math.ceil(SUMMARY_2019.fullTimeMembers * scale),
    volunteerTeams: Math.round(VOLUNTEER_TEAMS * scale),
  });
  return {
    seed,
    scale,
    areas,
    units,
    places: placeRooms(units.rooms, seed),
    officers,
    patrols,
    equipment: equipmentRows(units.rooms, rng('equipment')),
    inspections: inspectionRows(units.rooms, rng('inspections')),
    funds: fundRows(areas, rng('funds')),
    population: populationRows(areas, rng('population')),
  };
}

/**
 * An allocation to every county and township early in 2019, and disbursements
 * after it: leading cities pay theirs in full sooner, lagging ones in part, late, or not at all.
 */
function fundRows(areas: AreaIndex, rng: Random): DemoRow[] {
  const rows: DemoRow[] = [];
  const push = (kind: string, day: number, recipient: string, cents: number, purpose: string): void => {
    const ref = `F2019-${String(rows.length + 1).padStart(5, '0')}`;
    rows.push({ ref, kind, date: iso(day), recipient_code: recipient, amount: yuan(cents), purpose });
  };
  const fund = (code: string, quality: number, amount: number, from: number, to: number, purpose: string): void => {
    const allocated = rng.int(from, to);
    const cents = amount * 100;
    push('allocation', allocated, code, cents, purpose);
    const r = rng.next();
    if (r < clamp(0.3 + 0.62 * quality, 0, 0.95)) {
      const first = allocated + rng.int(10, 75);
      if (rng.chance(0.5)) {
        push('disbursement', Math.min(first, LAST_DAY), code, cents, purpose);
      } else {
        const part = Math.round(cents * 0.6);
        push('disbursement', Math.min(first, LAST_DAY), code, part, purpose);
        const second = first + rng.int(20, 150);
        if (second <= LAST_DAY) push('disbursement', second, code, cents - part, purpose);
      }
    } else if (r < clamp(0.85 + 0.1 * quality, 0, 0.98)) {
      const day = allocated + rng.int(20, 180);
      if (day <= LAST_DAY) push('disbursement', day, code, Math.round(cents * 0.5), purpose);
    }
  };
  for (const county of areas.counties) {
    fund(
      county.code,
      county.quality,
      COUNTY_FUND,
      dayOf(2019, 1, 15),
      dayOf(2019, 4, 30),
      '县级公安机关社区和农村警务专项建设经费',
    );
  }
  for (const township of areas.townships) {
    fund(
      township.code,
      township.quality,
      TOWNSHIP_FUND,
      dayOf(2019, 2, 1),
      dayOf(2019, 5, 31),
      '乡镇社区和农村警务配套建设经费',
    );
  }
  return rows;
}

function yuan(cents: number): string {
  return `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}`;
}

/** Residents and households of every village-level area for 2018 and 2019 (towns grow, villages shrink). */
function populationRows(areas: AreaIndex, rng: Random): DemoRow[] {
  const rows: DemoRow[] = [];
  for (const village of areas.villages) {
    const drift = village.urban ? rng.normal(0.99, 0.008) : rng.normal(1.012, 0.008);
    rows.push({
      area_code: village.code,
      year: '2018',
      residents: String(Math.max(1, Math.round(village.residents * drift))),
      households: String(Math.max(1, Math.round(village.households * drift))),
    });
    rows.push({
      area_code: village.code,
      year: '2019',
      residents: String(village.residents),
      households: String(village.households),
    });
  }
  return rows;
}
