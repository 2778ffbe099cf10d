// Filled in by the database harness (embedded PostgreSQL for the suite).
export default async function setup(): Promise<void> {}
