/**
 * The annual summary says what the overview and the assessment say for the same area and year,
 * on both engines; the five problems measure exactly what they claim, on a province small enough
 * to count by hand.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES, freshDatabase } from './support/engines.ts';
import { importProvince51 } from './support/province-51.ts';
import { load, TINY } from './support/factory.ts';
import { docxText } from './support/docx-text.ts';
import type { Database } from '../src/db/database.ts';
import { AssessmentService } from '../src/modules/assessment/assessment.service.ts';
import { overviewOf } from '../src/modules/overview/overview.repository.ts';
import { renderDocument } from '../src/modules/notifications/document/render.ts';
import { renderMarkdown } from '../src/modules/notifications/document/render-markdown.ts';
import { annualSummary } from '../src/modules/summary/summary.service.ts';
import { fiveProblemsOf } from '../src/modules/summary/five-problems.service.ts';
import type { SummaryFacts } from '../src/modules/summary/summary.facts.ts';
import type { OfficialDocument } from '#core/documents/document.ts';

const PROVINCE = '510000000000';
const CITY_2 = '510200000000';

for (const engine of ENGINES) {
  describe(`the annual summary on ${engine}`, () => {
    let db: Database;
    let assessment: AssessmentService;
    const summaries = new Map<string, { facts: SummaryFacts; document: OfficialDocument }>();
    beforeAll(async () => {
      db = await freshDatabase(engine);
      await importProvince51(db);
      assessment = new AssessmentService(db.kysely);
      for (const area of [PROVINCE, CITY_2])
        summaries.set(
          area,
          await annualSummary(db.kysely, assessment, { area, year: 2019, lang: 'zh', date: '2020-01-10' }),
        );
    });
    afterAll(async () => {
      await db?.close();
    });

    it("stands on the year's last day exactly as the overview does", async () => {
      for (const [area, { facts, document }] of summaries) {
        const overview = await overviewOf(db.kysely, area, '2019-12-31');
        expect(facts.standing).toEqual(overview);
        expect(facts.before).toEqual(await overviewOf(db.kysely, area, '2018-12-31'));
        const text = renderMarkdown(document);
        expect(text).toContain(
          `社区警务室${overview.units.community_room}个、社区民警${overview.officers.community}名`,
        );
        expect(text).toContain(`农村警务室${overview.units.rural_office}个、驻村民警${overview.officers.resident}名`);
        expect(text).toContain(
          `专职社区巡防队${overview.patrols.full_time.teams}支、队员${overview.patrols.full_time.members}人`,
        );
        expect(text).toContain(
          `由机关下沉民警${overview.origins.agency_transfer}名、新招录民警${overview.origins.new_recruit}名、招录文职人员${overview.origins.civilian_hire}名`,
        );
      }
    });

    it('ranks and scores every month exactly as the assessment does', async () => {
      for (const [area, { facts, document }] of summaries) {
        for (const s of facts.assessment) {
          expect(s.december).toEqual(await assessment.indicators(area, '2019-12', s.scheme));
          expect(s.ranking).toEqual(await assessment.rankings(area, '2019-12', s.scheme));
          for (const [i, m] of s.monthly.entries()) {
            const month = `2019-${String(i + 1).padStart(2, '0')}`;
            expect(m).toEqual({ month, composite: (await assessment.indicators(area, month, s.scheme)).composite });
            const ranking = await assessment.rankings(area, month, s.scheme);
            for (const child of s.children)
              expect(child.ranks[i]).toBe(ranking.find((r) => r.code === child.code)!.rank);
          }
          const table = document.blocks.find((b) => b.type === 'table' && b.id === `ranks-${s.scheme}`);
          expect(table?.type === 'table' && table.rows.length).toBe(s.ranking.length);
          expect(renderMarkdown(document)).toContain(`综合得分由1月的${s.monthly[0].composite.toFixed(2)}分`);
        }
      }
    });

    it("counts the year's funds by county and township, to the fen", async () => {
      const { facts } = summaries.get(PROVINCE)!;
      const rows = await db.kysely
        .selectFrom('funds')
        .select(['kind', 'amount_fen', 'date'])
        .where('voided_at', 'is', null)
        .execute();
      const ofYear = rows.filter((r) => r.date >= '2019-01-01' && r.date <= '2019-12-31');
      const sum = (kind: string) => ofYear.filter((r) => r.kind === kind).reduce((a, r) => a + Number(r.amount_fen), 0);
      const f = facts.funds;
      expect(f.county_level.allocated_fen + f.township_level.allocated_fen + f.other_level.allocated_fen).toBe(
        sum('allocation'),
      );
      expect(f.county_level.paid_fen + f.township_level.paid_fen + f.other_level.paid_fen).toBe(sum('disbursement'));
      const byCounty = f.counties.reduce((a, c) => a + c.county.allocated_fen + c.townships.allocated_fen, 0);
      expect(byCounty).toBe(f.county_level.allocated_fen + f.township_level.allocated_fen);
    });

    it('writes the same figures as .md and .docx', async () => {
      const { document } = summaries.get(PROVINCE)!;
      const squeeze = (s: string) => s.replace(/\s+/g, '');
      const docx = squeeze(docxText(await renderDocument(document, 'docx')));
      for (const b of document.blocks)
        expect(docx).toContain(squeeze(b.type === 'table' || b.type === 'figure' ? b.caption : b.text));
      expect(docx).toContain(squeeze(document.title));
    });
  });

  describe(`the five problems on ${engine}`, () => {
    let db: Database;
    let assessment: AssessmentService;
    beforeAll(async () => {
      db = await freshDatabase(engine);
      await load(db, {
        ...TINY,
        info_reports: [{ ref: 'I1', date: '2019-06-20', badge: 'B1', category: 'dispute', adopted: 'yes' }],
        inspections: [
          {
            unit_code: 'R3',
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
      });
      assessment = new AssessmentService(db.kysely);
    });
    afterAll(async () => {
      await db?.close();
    });

    it('measures each problem of the area and of each child', async () => {
      const view = await fiveProblemsOf(db.kysely, assessment, 'P', '2019-06-30');
      const p = view.problems;
      // R1 lost B1 on 2019-06-10; R2 has B1 since 2019-06-11; R3 has B3.
      expect([p.people.numerator, p.people.denominator]).toEqual([2, 3]);
      expect([p.premises.numerator, p.premises.denominator]).toEqual([3, 3]);
      // Only R3 was inspected, and passed.
      expect([p.working.numerator, p.working.denominator]).toEqual([1, 3]);
      // B1's report of 2019-06-20 is placed at R2, B1's room that day.
      expect([p.assessment.numerator, p.assessment.denominator]).toEqual([1, 3]);
      expect(view.records_window).toEqual({ from: '2019-06-01', to: '2019-06-30' });
      // B1 front-line since 2019-01-01 (two postings without a gap), B3 since 2018-01-01: neither two years.
      expect([p.retention.numerator, p.retention.denominator]).toEqual([0, 2]);
      // B1's posting at R1 ended on 2019-06-10.
      expect([p.retention.turnover.numerator, p.retention.turnover.denominator]).toEqual([1, 2]);
      expect(view.children.map((c) => [c.code, c.problems.people.numerator, c.problems.people.denominator])).toEqual([
        ['C', 1, 2],
        ['C2', 1, 1],
      ]);
    });

    it('counts two years of continuous front-line service from the first posting of the run', async () => {
      const view = await fiveProblemsOf(db.kysely, assessment, 'P', '2020-01-01');
      // B3 has served since 2018-01-01: two years to the day.
      expect([view.problems.retention.numerator, view.problems.retention.denominator]).toEqual([1, 2]);
      expect(view.records_window).toEqual({ from: '2019-12-02', to: '2020-01-01' });
    });
  });
}
