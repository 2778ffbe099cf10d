/** Today in the server's calendar, as YYYY-MM-DD: the dates of statuses come from here, never the client. */
export function today(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}
