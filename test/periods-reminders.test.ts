/**
 * The period reminders job on both engines (issue 18): the configured days before the
 * submission deadline (day 10 of the next month) each submitter that has not submitted is
 * reminded, and no other day; the days before the approval deadline (day 15) each approver is
 * reminded once, naming the submissions that wait for it; nothing is said of a locked period.
 * The job is in the scheduler's list and announces `period.reminder`.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES, freshDatabase } from './support/engines.ts';
import { load, TINY } from './support/factory.ts';
import type { Database } from '../src/db/database.ts';
import type { Actor } from '../src/modules/accounts/access.ts';
import { createContext } from '../src/modules/app-context.ts';
import { AssessmentService } from '../src/modules/assessment/assessment.service.ts';
import { actOnPeriod } from '../src/modules/periods/periods.service.ts';
import { JOBS } from '../src/modules/schedule/jobs/index.ts';
import { periodRemindersJob } from '../src/modules/schedule/jobs/period-reminders.job.ts';
import { DEFAULT_SCHEDULE_SETTINGS } from '../src/modules/schedule/schedule.settings.ts';
import type { JobContext } from '../src/modules/schedule/job.ts';

const MONTH = '2019-06';
const person = (name: string): Actor => ({ who: { actor: name, via: 'test', ip: null }, scope: null });

for (const engine of ENGINES) {
  describe(`period reminders on ${engine}`, () => {
    let db: Database;
    let job: JobContext;

    beforeAll(async () => {
      db = await freshDatabase(engine);
      await load(db, TINY);
      job = {
        db,
        assessment: new AssessmentService(db.kysely),
        settings: DEFAULT_SCHEDULE_SETTINGS,
        tz: 'Asia/Shanghai',
        now: new Date('2019-07-01T00:00:00Z'),
      };
    });
    afterAll(async () => db?.close());

    const remind = async (day: string) => {
      const { events } = await periodRemindersJob.run(job, day);
      return events.map((e) => ({
        event: e.name,
        area: e.area,
        month: e.month,
        action: (e.data as { action: string }).action,
        days_left: (e.data as { days_left: number }).days_left,
        submitted: (e.data as { submitted?: string[] }).submitted,
      }));
    };

    it('is one of the scheduler’s jobs', () => {
      expect(JOBS).toContain(periodRemindersJob);
    });

    it('reminds the submitters that have not submitted, 3 and 1 days before the deadline, and no other day', async () => {
      const three = await remind('2019-07-07');
      expect(three.every((r) => r.event === 'period.reminder' && r.month === MONTH && r.action === 'submit')).toBe(
        true,
      );
      expect(three.map((r) => r.area)).toContain('K');
      expect(three.every((r) => r.days_left === 3)).toBe(true);
      expect(await remind('2019-07-08')).toEqual([]);

      await actOnPeriod(createContext(db), person('clerk'), 'submit', { month: MONTH, area: 'K' });
      const one = await remind('2019-07-09');
      expect(one.map((r) => r.area).sort()).toEqual(
        three
          .map((r) => r.area)
          .filter((a) => a !== 'K')
          .sort(),
      );
      expect(one.every((r) => r.days_left === 1)).toBe(true);
    });

    it('reminds each approver once, naming the submissions that wait for it', async () => {
      const approvals = await remind('2019-07-12');
      expect(approvals).toEqual([
        { event: 'period.reminder', area: 'C', month: MONTH, action: 'approve', days_left: 3, submitted: ['K'] },
      ]);
      await actOnPeriod(createContext(db), person('chief'), 'approve', { month: MONTH, area: 'K' });
      expect(await remind('2019-07-14')).toEqual([]);
    });

    it('says nothing of a locked period', async () => {
      await actOnPeriod(createContext(db), person('head'), 'lock', { month: MONTH, area: 'P' });
      expect(await remind('2019-07-07')).toEqual([]);
      expect(await remind('2019-07-12')).toEqual([]);
    });
  });
}
