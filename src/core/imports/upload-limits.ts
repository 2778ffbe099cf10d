/**
 * How much an import through the API takes: shared by the route and the web page (which says
 * so before uploading), so it holds nothing but the numbers.
 */

/** The largest file the import route reads (512 MiB): a year of a province's records as CSV fits. */
export const UPLOAD_CAP = 512 * 1024 * 1024;

/**
 * The most an uploaded workbook's parts may unpack to (512 MiB: a sheet of Excel's full
 * 1,048,576 rows of a record kind unpacks to about 350 MiB). Sheets are read as streams
 * (xlsx-table.ts); only the shared-strings table is held in memory, and this bounds it, and the
 * work a small "zip bomb" could ask for.
 */
export const XLSX_UNPACKED_CAP = 512 * 1024 * 1024;
