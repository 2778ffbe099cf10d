import { describe, expect, it } from 'vitest';
import { addDays, dayOf, daysFrom, startOfDay, timeOfDay, timeZone } from './clock.ts';

describe('the clock', () => {
  it('reads days and times in the zone, not the machine’s', () => {
    const at = new Date('2019-07-04T17:00:00Z');
    expect(dayOf(at, 'Asia/Shanghai')).toBe('2019-07-05');
    expect(timeOfDay(at, 'Asia/Shanghai')).toBe('01:00');
    expect(dayOf(at, 'America/Chicago')).toBe('2019-07-04');
  });
  it('finds the start of a day in the zone, across a change of clocks too', () => {
    expect(startOfDay('2019-07-05', 'Asia/Shanghai').toISOString()).toBe('2019-07-04T16:00:00.000Z');
    expect(startOfDay('2019-03-10', 'America/Chicago').toISOString()).toBe('2019-03-10T06:00:00.000Z');
    expect(startOfDay('2019-03-11', 'America/Chicago').toISOString()).toBe('2019-03-11T05:00:00.000Z');
  });
  it('counts days on the calendar', () => {
    expect(addDays('2019-12-31')).toBe('2020-01-01');
    expect(daysFrom('2019-02-27', '2019-03-01')).toEqual(['2019-02-27', '2019-02-28', '2019-03-01']);
    expect(daysFrom('2019-03-02', '2019-03-01')).toEqual([]);
  });
  it('takes OUTPOST_TZ, Asia/Shanghai by default, and refuses a zone that does not exist', () => {
    expect(timeZone({})).toBe('Asia/Shanghai');
    expect(timeZone({ OUTPOST_TZ: 'Asia/Urumqi' })).toBe('Asia/Urumqi');
    expect(() => timeZone({ OUTPOST_TZ: 'Mars/Olympus' })).toThrow(/not a time zone/);
  });
});
