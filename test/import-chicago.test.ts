/**
 * Chicago's 215,551 crimes of 2022 through the real import on both engines, and the crime rate
 * per 10,000 residents of the city for 2022-06 checked against a direct count of the source.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../src/db/database.ts';
import { AssessmentService } from '../src/modules/assessment/assessment.service.ts';
import { importSources, type ImportReport } from '../src/modules/imports/import.service.ts';
import { sourcesFromPaths } from '../src/modules/imports/sources.ts';
import { CHICAGO_DATA, CITY, PUBLIC_ORDER_TYPES, writeChicagoImport, type ChicagoImport } from './support/chicago.ts';
import { ENGINES, freshDatabase } from './support/engines.ts';

const SOURCE = `${CHICAGO_DATA}/crimes-2022-slim.csv.gz`;

describe('Chicago', () => {
  let chicago: ChicagoImport;
  beforeAll(async () => {
    chicago = await writeChicagoImport(fs.mkdtempSync(path.join(os.tmpdir(), 'outpost-chicago-')));
  }, 120_000);

  it('shapes the city as SPEC §2 files', () => {
    expect(chicago.areas).toBe(2 + 77 * 2);
    expect(chicago.unpopulated.sort()).toEqual(['Lakeview', "O'Hare"]);
    expect(chicago.populated).toBe(75);
    expect(chicago.dropped).toBe(0);
    expect(chicago.incidents.criminal + chicago.incidents.public_order).toBe(215_551);
  });

  for (const engine of ENGINES) {
    describe(`on ${engine}`, () => {
      let db: Database;
      let report: ImportReport;
      beforeAll(async () => {
        db = await freshDatabase(engine);
        const started = performance.now();
        report = await importSources(db, await sourcesFromPaths([chicago.dir]), { actor: 'test', source: 'test' });
        console.log(
          `${engine}: imported Chicago (${report.written.toLocaleString('en')} rows) in ${Math.round(performance.now() - started)} ms`,
        );
      }, 300_000);
      afterAll(() => db?.close());

      it('imports every row', () => {
        expect(report.kinds).toEqual([
          { kind: 'areas', rows: 156, added: 156, replaced: 0, unchanged: 0 },
          { kind: 'population', rows: 75, added: 75, replaced: 0, unchanged: 0 },
          { kind: 'incidents', rows: 215_551, added: 215_551, replaced: 0, unchanged: 0 },
        ]);
      });

      it('gives a plausible crime rate for 2022-06 equal to a direct count of the source', async () => {
        const direct = directCount('2022-06');
        const figures = await new AssessmentService(db.kysely).indicators(CITY, '2022-06', 'performance');
        const crime = figures.indicators.crime_rate;
        console.log(
          `crime_rate ${CITY} 2022-06: ${crime.numerator / 10_000} crimes, ${crime.denominator} residents, ${crime.value?.toFixed(2)} per 10,000`,
        );
        expect(crime.numerator).toBe(10_000 * direct);
        expect(crime.denominator).toBe(chicago.residents);
        // About 2.7 million residents and some 20,000 crimes a month: a few dozen per 10,000.
        expect(crime.value).toBeGreaterThan(30);
        expect(crime.value).toBeLessThan(150);
      });
    });
  }
});

/** Criminal crimes of a month, read straight from the source with a parser of its own. */
function directCount(month: string): number {
  const lines = gunzipSync(fs.readFileSync(SOURCE)).toString('utf8').split('\n');
  const header = splitCsv(lines[0]);
  const date = header.indexOf('Date');
  const type = header.indexOf('Primary Type');
  const area = header.indexOf('Community Area');
  let n = 0;
  for (const line of lines.slice(1)) {
    if (!line.trim()) continue;
    const cells = splitCsv(line);
    if (cells[date].startsWith(month) && Number(cells[area]) > 0 && !PUBLIC_ORDER_TYPES.has(cells[type])) n++;
  }
  return n;
}

function splitCsv(line: string): string[] {
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') cell += line[++i];
      else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      cells.push(cell);
      cell = '';
    } else if (c !== '\r') cell += c;
  }
  cells.push(cell);
  return cells;
}
