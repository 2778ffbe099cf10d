/**
 * How much an import through the API takes: shared by the route and the web page (which says
 * so before uploading), so it holds nothing but the numbers.
 */

/** The largest file the import route reads (512 MiB): a year of a province's records as CSV fits. */
export const UPLOAD_CAP = 512 * 1024 * 1024;

/**
 * The most an uploaded workbook's parts may unpack to (32 MiB, about 100,000 rows): XLSX is
 * read whole into memory (xlsx-table.ts), some 15 bytes for each byte it unpacks to.
 */
export const XLSX_UNPACKED_CAP = 32 * 1024 * 1024;
