/**
 * What the system writes in a task event's body, and how it is read back: the notification a
 * task was opened from, carried to or withdrawn by, and the file an evidence event attached.
 * The stored sentence stays readable in the CLI and the database; the API also gives its parts
 * (`notice`, `file`) so that the web can say it in the reader's language. Comments and status
 * notes are people's own words and are never read this way.
 */
export const eventBody = {
  created: (notice: string) => `from ${notice}`,
  carried: (notice: string) => `carried to correction ${notice}`,
  withdrawn: (notice: string) => `the correction ${notice} no longer names this problem`,
  evidence: (file: { name: string; size: number; sha256: string }) =>
    `${file.name} (${file.size} bytes, sha256 ${file.sha256})`,
};

const NOTICE: Record<string, RegExp> = {
  created: /^from (.+)$/s,
  carried: /^carried to correction (.+)$/s,
  withdrawn: /^the correction (.+) no longer names this problem$/s,
};
const FILE = /^(.+) \((\d+) bytes, sha256 ([0-9a-f]{64})\)$/s;

export interface EventParts {
  notice: string | null;
  file: { name: string; size: number } | null;
}

/** The parts of a body the system wrote for an event of `kind`; nulls for anything else. */
export function eventParts(kind: string, body: string | null): EventParts {
  if (body === null) return { notice: null, file: null };
  if (kind === 'evidence') {
    const m = FILE.exec(body);
    return { notice: null, file: m ? { name: m[1], size: Number(m[2]) } : null };
  }
  const m = NOTICE[kind]?.exec(body);
  return { notice: m ? m[1] : null, file: null };
}
