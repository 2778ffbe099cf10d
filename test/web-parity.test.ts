/**
 * Where the browser does on its own what the server also does, both must agree: the survey's
 * proof of work (the web's plain-JS SHA-256 against node:crypto), and the CSV templates the
 * import page writes (read back by the import's own parser and header mapping).
 */
import { describe, expect, it } from 'vitest';
import { solve } from '../src/modules/public/proof-of-work.ts';
import { mapHeader } from '../src/modules/imports/header.ts';
import { CsvParser } from '../src/modules/imports/reader/csv-parser.ts';
import type { TableRow } from '../src/modules/imports/reader/table.ts';
import { kindByName } from '#core/kinds/order.ts';
import { searchRange } from '../web/src/public/proof-of-work.ts';
import { templateCsv } from '../web/src/records/csv-rows.ts';

describe('the web and the server agree', () => {
  it('on the smallest nonce of a proof of work', () => {
    const token = '1795888626180.F0-WQHNA99db.kuaA5f618LTaYceu5HS4zfd63B9Z3505LFXHQ8iT2cg';
    for (const difficulty of [4, 8, 12]) expect(searchRange(token, difficulty, 0, 1e7)).toBe(solve(token, difficulty));
  });

  it('on a template in either language: the import reads it back without error', () => {
    const surveys = kindByName('surveys')!;
    for (const chinese of [true, false]) {
      const records: TableRow[] = [];
      const parser = new CsvParser('surveys.csv', 1 << 20);
      parser.push(templateCsv(surveys, chinese).slice(1), records);
      parser.end(records);
      const [header, ...rows] = records;
      expect(mapHeader('surveys.csv', surveys, header.cells).errors).toEqual([]);
      expect(rows.map((r) => r.cells)).toEqual([surveys.columns.map((c) => c.example)]);
    }
  });
});
