import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  addDays,
  currentMonth,
  currentYear,
  dayOf,
  daysFrom,
  startOfDay,
  timeOfDay,
  timeZone,
  today,
} from './clock.ts';

// 17:00 UTC on New Year's Eve: already 01:00 on New Year's Day in Shanghai.
const EVE = new Date('2019-12-31T17:00:00Z');

describe('clock', () => {
  const saved = { tz: process.env.TZ, outpost: process.env.OUTPOST_TZ };
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(EVE);
    // The machine's own zone is UTC, as a server in a data centre often is.
    process.env.TZ = 'UTC';
    delete process.env.OUTPOST_TZ;
  });
  afterEach(() => {
    vi.useRealTimers();
    for (const [key, value] of [
      ['TZ', saved.tz],
      ['OUTPOST_TZ', saved.outpost],
    ] as const)
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
  });

  it("counts today and the month in the province's zone, not the machine's", () => {
    expect(new Date().getDate()).toBe(31); // what the machine's calendar says
    expect(timeZone()).toBe('Asia/Shanghai');
    expect(today()).toBe('2020-01-01');
    expect(currentMonth()).toBe('2020-01');
    expect(currentYear()).toBe(2020);
  });

  it('follows OUTPOST_TZ, and refuses a zone that does not exist, naming the setting', () => {
    process.env.OUTPOST_TZ = 'UTC';
    expect(today()).toBe('2019-12-31');
    expect(currentMonth()).toBe('2019-12');
    process.env.OUTPOST_TZ = 'America/Los_Angeles';
    expect(today()).toBe('2019-12-31');
    process.env.OUTPOST_TZ = 'Asia/Nowhere';
    expect(() => today()).toThrow(/OUTPOST_TZ: "Asia\/Nowhere" is not a time zone/);
  });

  it("does not depend on the machine's zone", () => {
    for (const tz of ['UTC', 'America/New_York', 'Asia/Shanghai', 'Pacific/Kiritimati']) {
      process.env.TZ = tz;
      expect(today(), tz).toBe('2020-01-01');
    }
  });

  it('turns stored instants into days and days into the instant they begin, in the zone', () => {
    expect(dayOf('2019-12-31T15:59:59.999Z')).toBe('2019-12-31');
    expect(dayOf('2019-12-31T16:00:00.000Z')).toBe('2020-01-01');
    expect(startOfDay('2020-01-01')).toBe('2019-12-31T16:00:00.000Z');
    expect(startOfDay('2020-01-01', 'UTC')).toBe('2020-01-01T00:00:00.000Z');
    // A day a zone moves its clocks: New York's midnight on 2019-03-10 is still at -05:00.
    expect(startOfDay('2019-03-10', 'America/New_York')).toBe('2019-03-10T05:00:00.000Z');
    expect(startOfDay('2019-03-11', 'America/New_York')).toBe('2019-03-11T04:00:00.000Z');
  });
});

describe('the clock in a named zone', () => {
  it('reads days and times in the zone, not the machine’s', () => {
    const at = new Date('2019-07-04T17:00:00Z');
    expect(dayOf(at, 'Asia/Shanghai')).toBe('2019-07-05');
    expect(timeOfDay(at, 'Asia/Shanghai')).toBe('01:00');
    expect(dayOf(at, 'America/Chicago')).toBe('2019-07-04');
  });
  it('finds the start of a day in the zone, across a change of clocks too', () => {
    expect(startOfDay('2019-07-05', 'Asia/Shanghai')).toBe('2019-07-04T16:00:00.000Z');
    expect(startOfDay('2019-03-10', 'America/Chicago')).toBe('2019-03-10T06:00:00.000Z');
    expect(startOfDay('2019-03-11', 'America/Chicago')).toBe('2019-03-11T05:00:00.000Z');
  });
  it('counts days on the calendar', () => {
    expect(addDays('2019-12-31')).toBe('2020-01-01');
    expect(addDays('2019-03-01', -1)).toBe('2019-02-28');
    expect(daysFrom('2019-02-27', '2019-03-01')).toEqual(['2019-02-27', '2019-02-28', '2019-03-01']);
    expect(daysFrom('2019-03-02', '2019-03-01')).toEqual([]);
  });
});
