/**
 * Schemes as data, versioned by year: the version in force for a year is the last one saved for
 * it, and a year with none saved is scored with the schemes shipped (SPEC §3). Saving validates
 * the whole definition, adds a version, appends its audit entry and raises the data version, in
 * one transaction, so every figure after it is scored with the new settings.
 *
 * @example
 *   const { scheme } = await resolveScheme(db.kysely, 'performance', 2019);
 *   await saveScheme(db, who, 'performance', 2019, { indicators: { crime_rate: { weight: 30 } } });
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/database.ts';
import type { DB } from '../../db/schema.ts';
import { bumpDataVersion } from '../../db/data-version.ts';
import { AppError } from '../../shared/errors.ts';
import { appendAudit, type AuditActor } from '../audit/audit.repository.ts';
import type { AnySchemeName, Scheme } from '../assessment/domain/index.ts';
import {
  applyEdit,
  definitionIssues,
  orderedDefinition,
  schemeFrom,
  shippedDefinition,
  shippedScheme,
  type SchemeDefinition,
  type SchemeEdit,
} from '#core/schemes/scheme-definition.ts';
import { insertVersion, latestVersion, versionsOf, type SchemeVersionRow } from './schemes.repository.ts';
import { timestamp } from '../../shared/clock.ts';

export interface ResolvedScheme {
  name: AnySchemeName;
  year: number;
  /** 0 for the scheme shipped; 1, 2, ... for saved versions. */
  version: number;
  source: 'shipped' | 'saved';
  definition: SchemeDefinition;
  /** What the assessment scores with. */
  scheme: Scheme<AnySchemeName>;
  note: string | null;
  saved_at: string | null;
  saved_by: string | null;
}

/** The scheme in force for `year`: its last saved version, else the one shipped. */
export async function resolveScheme(db: Kysely<DB>, name: AnySchemeName, year: number): Promise<ResolvedScheme> {
  return resolvedOf(name, year, await latestVersion(db, name, year));
}

/** Every saved version of a scheme for a year, newest first (the shipped one is not listed). */
export async function schemeHistory(db: Kysely<DB>, name: AnySchemeName, year: number): Promise<ResolvedScheme[]> {
  return (await versionsOf(db, name, year)).map((row) => resolvedOf(name, year, row));
}

export async function saveScheme(
  db: Database,
  who: AuditActor,
  name: AnySchemeName,
  year: number,
  edit: SchemeEdit,
  note: string | null = null,
): Promise<ResolvedScheme> {
  return db.transaction(async (tx) => {
    // Raised first: it takes the write lock, so two saves of one year never pick the same version.
    await bumpDataVersion(tx);
    const current = await resolveScheme(tx.kysely, name, year);
    const next = applyEdit(current.definition, edit);
    const issues = definitionIssues(name, next);
    if (issues.length > 0)
      throw new AppError(
        'scheme_not_saved',
        { scheme: name, year, issues: issues.map((i) => ({ at: i.path, code: i.code, params: i.params })) },
        issues,
      );
    const definition = orderedDefinition(name, next);
    const row = {
      name,
      year,
      version: current.source === 'saved' ? current.version + 1 : 1,
      definition: JSON.stringify(definition),
      note,
      saved_at: timestamp(),
      saved_by: who.actor,
    };
    await insertVersion(tx.kysely, row);
    await appendAudit(tx, who, {
      action: 'scheme.save',
      target: `${name} ${year}`,
      detail: {
        version: row.version,
        previous_version: current.version,
        changes: changes(current.definition, definition),
        note,
      },
    });
    return resolvedOf(name, year, row);
  });
}

function resolvedOf(name: AnySchemeName, year: number, row: SchemeVersionRow | undefined): ResolvedScheme {
  if (!row) {
    const definition = shippedDefinition(name);
    return {
      name,
      year,
      version: 0,
      source: 'shipped',
      definition,
      scheme: schemeFrom(name, definition, 0),
      note: null,
      saved_at: null,
      saved_by: null,
    };
  }
  // Laid over the shipped definition and cut to the scheme's indicators: a version saved before
  // an indicator was added or removed still reads as a whole scheme.
  const saved = JSON.parse(row.definition) as SchemeDefinition;
  const known = new Set(shippedScheme(name).indicators.map((d) => d.name));
  const indicators = Object.fromEntries(Object.entries(saved.indicators ?? {}).filter(([n]) => known.has(n)));
  const definition = orderedDefinition(
    name,
    applyEdit(shippedDefinition(name), {
      indicators,
      thresholds: saved.thresholds,
      exempt_small_samples: saved.exempt_small_samples,
      count_online_answers: saved.count_online_answers,
    }),
  );
  return {
    name,
    year,
    version: row.version,
    source: 'saved',
    definition,
    scheme: schemeFrom(name, definition, row.version),
    note: row.note,
    saved_at: row.saved_at,
    saved_by: row.saved_by,
  };
}

/** What a save changed, field by field, for the audit entry. */
function changes(before: SchemeDefinition, after: SchemeDefinition): Record<string, { from: unknown; to: unknown }> {
  const out: Record<string, { from: unknown; to: unknown }> = {};
  for (const [name, s] of Object.entries(after.indicators))
    for (const [field, to] of Object.entries(s)) {
      const from = before.indicators[name]?.[field as keyof typeof s];
      if (from !== to) out[`indicators.${name}.${field}`] = { from, to };
    }
  for (const [field, to] of Object.entries(after.thresholds)) {
    const from = before.thresholds[field as keyof typeof after.thresholds];
    if (from !== to) out[`thresholds.${field}`] = { from, to };
  }
  for (const [name, s] of Object.entries(before.indicators))
    if (s.min_sample != null && after.indicators[name]?.min_sample == null)
      out[`indicators.${name}.min_sample`] = { from: s.min_sample, to: null };
  const [was, is] = [!!before.exempt_small_samples, !!after.exempt_small_samples];
  if (was !== is) out.exempt_small_samples = { from: was, to: is };
  const [counted, counts] = [!!before.count_online_answers, !!after.count_online_answers];
  if (counted !== counts) out.count_online_answers = { from: counted, to: counts };
  return out;
}
