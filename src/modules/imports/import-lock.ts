/**
 * PostgreSQL imports take this transaction-scoped advisory lock, one after another as SQLite's
 * single writer has them: a merge reads what is there before writing (history, new keys). A
 * period being locked takes it too, so that no import slips between its figures and its lock.
 */
export const IMPORT_LOCK = 0x6f757470; // 'outp'
