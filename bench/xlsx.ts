/**
 * Reading a large XLSX sheet against its lower bound:
 *
 *   node --import tsx bench/xlsx.ts [--rows N] [--repeat N] [--skip-exceljs]
 *
 * N visit rows (default 300,000) are written once as an XLSX workbook by exceljs's streaming
 * WorkbookWriter (strings shared, as Excel writes them) and once as CSV. Each is read through
 * `openTable`, every row taken, in a process of its own so that its peak memory is its own: the
 * streamed XLSX reader; the whole-workbook exceljs reader it replaced (test/support/exceljs-rows.ts,
 * as xlsx-table.ts read before); and, as the lower bound measured in the same run on the same
 * machine, the same rows as CSV. With --repeat, each is run that many times and the fastest kept.
 * Nothing is asserted (tests do that).
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs, promisify } from 'node:util';

const { values: args } = parseArgs({
  options: {
    rows: { type: 'string', default: '300000' },
    repeat: { type: 'string', default: '1' },
    'skip-exceljs': { type: 'boolean', default: false },
    child: { type: 'string' },
  },
  allowPositionals: true,
});

interface Measure {
  rows: number;
  ms: number;
  peakRssMb: number;
}

if (args.child) {
  console.log(JSON.stringify(await readAll(args.child, process.argv[process.argv.length - 1])));
} else {
  await main();
}

// The readers run in children of this script: what the parent alone needs is imported here.
async function main(): Promise<void> {
  const { ms } = await import('./support.ts');
  const rows = Number(args.rows);
  const repeat = Math.max(1, Number(args.repeat));
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'outpost-bench-xlsx-'));
  try {
    const xlsx = path.join(work, 'visits.xlsx');
    const csv = path.join(work, 'visits.csv');
    await writeRows(xlsx, csv, rows);
    console.error(
      `wrote ${rows.toLocaleString('en')} rows: XLSX ${mb(fs.statSync(xlsx).size)} MB, CSV ${mb(fs.statSync(csv).size)} MB`,
    );
    const readers: [string, string, string][] = [
      ['CSV (lower bound)', 'csv', csv],
      ['XLSX streamed', 'xlsx', xlsx],
    ];
    if (!args['skip-exceljs']) readers.push(['XLSX exceljs whole', 'exceljs', xlsx]);
    const results: [string, Measure][] = [];
    for (const [label, mode, file] of readers) {
      let best: Measure | undefined;
      for (let round = 0; round < repeat; round++) {
        const m = await inChild(mode, file);
        console.error(`${label}: ${ms(m.ms)}, peak RSS ${m.peakRssMb} MB`);
        if (m.rows !== rows) throw new Error(`${label} read ${m.rows} of ${rows} rows`);
        if (!best || m.ms < best.ms) best = { ...m, peakRssMb: Math.min(best?.peakRssMb ?? Infinity, m.peakRssMb) };
      }
      results.push([label, best!]);
    }
    printTable(results);
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

/** The visits: the same text in both files (no numbers, so CSV and XLSX hold the same strings). */
async function writeRows(xlsx: string, csv: string, rows: number): Promise<void> {
  const { default: ExcelJS } = await import('exceljs');
  const book = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: xlsx, useSharedStrings: true });
  const sheet = book.addWorksheet('visits');
  const fd = fs.openSync(csv, 'w');
  let chunk = '';
  const add = (cells: string[]) => {
    sheet.addRow(cells).commit();
    chunk += `${cells.join(',')}\n`;
    if (chunk.length > 1 << 20) {
      fs.writeSync(fd, chunk);
      chunk = '';
    }
  };
  add(['date', 'badge', 'area_code', 'household_ref']);
  for (let i = 0; i < rows; i++) {
    const day = String(1 + (i % 28)).padStart(2, '0');
    add([`2019-06-${day}`, `X${String(i % 1000).padStart(6, '0')}`, `B1-${i % 10}-${i % 100}-${i % 1000}`, `H${i}`]);
  }
  fs.writeSync(fd, chunk);
  fs.closeSync(fd);
  await sheet.commit();
  await book.commit();
}

async function inChild(mode: string, file: string): Promise<Measure> {
  const self = fileURLToPath(import.meta.url);
  const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', self, '--child', mode, file], {
    maxBuffer: 1 << 20,
  });
  return JSON.parse(stdout) as Measure;
}

// In the child: every row of the file, by one reader, timed from opening to the last row.
async function readAll(mode: string, file: string): Promise<Measure> {
  const { openTable } = await import('../src/modules/imports/reader/read-table.ts');
  const { exceljsSheets } = mode === 'exceljs' ? await import('../test/support/exceljs-rows.ts') : {};
  const t0 = performance.now();
  let rows = 0;
  if (exceljsSheets) {
    for (const sheet of await exceljsSheets(file)) rows += sheet.rows.length;
  } else {
    const table = await openTable(file);
    for await (const row of table.rows) rows += row.cells.length > 0 ? 1 : 0;
  }
  const took = performance.now() - t0;
  return { rows, ms: took, peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024) };
}

function printTable(results: [string, Measure][]): void {
  const bound = results[0][1];
  const head = ['reader', 'rows', 'ms', 'rows/s', 'peak RSS MB', 'ratio'];
  const body = results.map(([label, m]) => [
    label,
    m.rows.toLocaleString('en'),
    Math.round(m.ms).toLocaleString('en'),
    Math.round(m.rows / (m.ms / 1000)).toLocaleString('en'),
    String(m.peakRssMb),
    (bound.ms / m.ms).toFixed(2),
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => b[i].length)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  console.log(`\n${line(head)}\n${widths.map((w) => '-'.repeat(w)).join('  ')}\n${body.map(line).join('\n')}`);
  console.log(
    '\nratio = CSV time / this time; peak RSS is the whole reading process, tsx included (the CSV row is that floor)',
  );
}

function mb(bytes: number): string {
  return (bytes / 1024 / 1024).toFixed(1);
}
