/**
 * What each indicator counts, in the docs' words: its numerator and denominator. The numbers
 * (direction, floor, target, weight, scale) are the schemes' own; the generator refuses an
 * indicator of the code that has no words here, and words here for no indicator.
 */
import { REPORTS_FOR_PROVISION, STANDARD_KIT } from './sources.ts';
import { code, list } from './markdown.ts';

/** An indicator's numerator and denominator, in words. */
export interface Formula {
  numerator: string;
  denominator: string;
}

const placedIn = 'placed in the area';

/** The indicators of the two schemes of areas and of the officer scheme, by scheme. */
export const FORMULAS: Record<string, Record<string, Formula>> = {
  performance: {
    awareness_rate: {
      numerator: `surveys dated in the month, ${placedIn}, answering ${code('knows_officer')} with ${code('yes')}`,
      denominator: `the same surveys that answer ${code('knows_officer')} at all`,
    },
    familiarity_rate: {
      numerator: `the ${code('correct')} households of the familiarity checks dated in the month and ${placedIn} (by the checked officer's unit on the check's date)`,
      denominator: `the ${code('sampled')} households of the same checks`,
    },
    info_provision_rate: {
      numerator: `of the officers below, those who filed ${REPORTS_FOR_PROVISION} or more information reports dated in the month (wherever those reports were placed)`,
      denominator: 'front-line officers posted, on the last day of the month, to a unit in the area',
    },
    crime_rate: {
      numerator: `incidents of category ${code('criminal')} dated in the month in the area's villages`,
      denominator: "the area's residents",
    },
    satisfaction_rate: {
      numerator: `surveys dated in the month, ${placedIn}, with satisfaction 4 or 5`,
      denominator: 'the same surveys that answer satisfaction at all',
    },
    group_defense: {
      numerator: `member-hours (hours × participants) of the patrol logs dated in the month whose team belongs to a unit in the area`,
      denominator: "the area's residents",
    },
  },
  construction: {
    coverage_rate: {
      numerator: 'villages of the area that some open room covers (wherever that room belongs)',
      denominator: 'villages of the area (its village-level areas)',
    },
    staffing_rate: {
      numerator: 'open rooms in the area with at least one front-line officer posted',
      denominator: 'open rooms in the area',
    },
    equipment_rate: {
      numerator: `open rooms in the area holding at least one of each standard-kit item (${list(STANDARD_KIT.map(code))})`,
      denominator: 'open rooms in the area',
    },
    standardization_rate: {
      numerator: 'open rooms in the area whose latest inspection passed all seven aspects',
      denominator: 'open rooms in the area',
    },
    funds_rate: {
      numerator: 'yuan disbursed to recipients in the area',
      denominator: 'yuan allocated to recipients in the area',
    },
  },
  officer: {
    familiarity_rate: {
      numerator: `the ${code('correct')} households of the officer's own checks dated in the month`,
      denominator: `their ${code('sampled')} households`,
    },
    info_provision_rate: {
      numerator: `1 when the officer filed ${REPORTS_FOR_PROVISION} or more information reports dated in the month, else 0`,
      denominator: '1 for an officer posted front-line on the last day of the month',
    },
    visits_per_week: {
      numerator: "the officer's household visits dated in the month",
      denominator: 'the days of the month the officer was posted front-line, divided by 7',
    },
  },
  informational: {
    visits_per_officer: {
      numerator: "household visits dated in the month in the area's villages",
      denominator: 'front-line officers posted, on the last day of the month, to a unit in the area',
    },
    households_visited_share: {
      numerator: "distinct households visited in the area's villages in the twelve months ending with the month",
      denominator: "the households of the area's villages (each village's latest population year up to the month's)",
    },
    info_adopted_share: {
      numerator: `information reports dated in the month, ${placedIn} (by the reporting officer's unit on the report's date), that were adopted`,
      denominator: 'all those reports',
    },
  },
};
