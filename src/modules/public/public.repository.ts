import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { likePatterns } from '../../shared/search.ts';
import { frontLine, postedOn, roomOpenOn } from '../../db/predicates.ts';
import { boundaryShapes } from '../maps/boundaries.store.ts';
import { sketch } from '../maps/domain/geometry.ts';

/** Village-level areas whose name holds `q`, with the names of the places above them. */
export function findVillages(db: Kysely<DB>, q: string) {
  return villages(db, sql`v.name like ${likePatterns(q).contains}`);
}

/** One village-level area by code, in the same form. */
export async function villageByCode(db: Kysely<DB>, code: string) {
  return (await villages(db, sql`v.code = ${code}`))[0];
}

async function villages(db: Kysely<DB>, where: RawBuilder<unknown>) {
  const { rows } = await sql<{
    code: string;
    name: string;
    urban_rural: string | null;
    t: string | null;
    k: string | null;
    c: string | null;
  }>`
    select v.code, v.name, v.urban_rural, t.name as t, k.name as k, c.name as c
    from areas v
    left join areas t on t.code = v.parent_code
    left join areas k on k.code = t.parent_code
    left join areas c on c.code = k.parent_code
    where v.level = 'village' and v.voided_at is null and ${where}
    order by length(v.name), v.code limit 20`.execute(db);
  return rows.map((r) => ({
    code: r.code,
    name: r.name,
    urban_rural: r.urban_rural,
    place: [r.c, r.k, r.t].filter(Boolean).join(' '),
  }));
}

/**
 * The rooms covering an area on a day, with their posted front-line officers' public details.
 * Under `phones: 'room'` an officer's own phone is withheld wherever the room has a phone.
 */
export async function responsibleOfficers(db: Kysely<DB>, area: string, day: string, phones: 'room' | 'officers') {
  const rooms = await sql<{
    code: string;
    name: string;
    type: string;
    phone: string | null;
    hours: string | null;
    address: string | null;
    longitude: number | null;
    latitude: number | null;
    county: string | null;
    county_name: string | null;
    city: string | null;
    city_name: string | null;
  }>`
    select u.code, u.name, u.type, u.phone, u.hours, u.address, u.longitude, u.latitude,
      k.code as county, k.name as county_name, ci.code as city, ci.name as city_name
    from unit_covers c join units u on u.code = c.unit_code
    left join areas t on t.code = u.area_code
    left join areas k on k.code = t.parent_code
    left join areas ci on ci.code = k.parent_code
    where c.area_code = ${area} and ${roomOpenOn('u', day)}
    order by u.code`.execute(db);
  const result = [];
  for (const room of rooms.rows) {
    const officers = await db
      .selectFrom('officers')
      .select(['name', 'role', 'phone'])
      .where('unit_code', '=', room.code)
      .where(frontLine('officers'))
      .where(postedOn('officers', day))
      .orderBy('name')
      .execute();
    const published: 'room' | 'officers' = phones === 'room' && room.phone ? 'room' : 'officers';
    result.push({
      name: room.name,
      type: room.type,
      phone: room.phone,
      hours: room.hours,
      address: room.address,
      map: roomSketch(room),
      phones: published,
      officers: published === 'room' ? officers.map((o) => ({ ...o, phone: null })) : officers,
    });
  }
  return result;
}

/** The form's answers a community took on a day. */
export async function onlineAnswersToday(db: Kysely<DB>, area: string, day: string): Promise<number> {
  const row = await db
    .selectFrom('public_answers')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('area_code', '=', area)
    .where('date', '=', day)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function answerExists(db: Kysely<DB>, ref: string): Promise<boolean> {
  return !!(await db.selectFrom('public_answers').select('ref').where('ref', '=', ref).executeTakeFirst());
}

/** Stores one answer of the public form (apart from survey records: migration 018). */
export async function insertAnswer(
  db: Kysely<DB>,
  row: {
    ref: string;
    date: string;
    area_code: string;
    knows_officer: number | null;
    satisfaction: number | null;
    received_at: string;
  },
): Promise<void> {
  await db.insertInto('public_answers').values(row).execute();
}

/**
 * Spends a proof-of-work token (by its hash) once: true the first time, false when it was spent
 * before. Tokens past their life are forgotten first: a replay of one is refused as expired.
 */
export async function spendToken(db: Kysely<DB>, hash: string, expiresAt: string, now: string): Promise<boolean> {
  await db.deleteFrom('public_tokens').where('expires_at', '<', now).execute();
  const spent = await db
    .insertInto('public_tokens')
    .values({ token_hash: hash, expires_at: expiresAt })
    .onConflict((oc) => oc.column('token_hash').doNothing())
    .returning('token_hash')
    .executeTakeFirst();
  return spent !== undefined;
}

/** A secret of this deployment, made on first use (signs challenges, hides addresses). */
export async function deploymentSecret(db: Kysely<DB>): Promise<Buffer> {
  const row = await db.selectFrom('meta').select('value').where('key', '=', 'public_secret').executeTakeFirst();
  if (row) return Buffer.from(row.value, 'base64');
  const value = (await import('node:crypto')).randomBytes(32).toString('base64');
  await db
    .insertInto('meta')
    .values({ key: 'public_secret', value })
    .onConflict((oc) => oc.column('key').doNothing())
    .execute();
  const stored = await db
    .selectFrom('meta')
    .select('value')
    .where('key', '=', 'public_secret')
    .executeTakeFirstOrThrow();
  return Buffer.from(stored.value, 'base64');
}

/** The longer side of a room's county as the public page draws it (CSS scales it; the path's precision follows). */
const SKETCH_WIDTH = 240;

/**
 * A room with a point, drawn on its county's outline (its city's where the county has none): the
 * residents' page shows it as a small SVG, without any map library.
 */
function roomSketch(room: {
  longitude: number | null;
  latitude: number | null;
  county: string | null;
  county_name: string | null;
  city: string | null;
  city_name: string | null;
}) {
  if (room.longitude === null || room.latitude === null) return null;
  const shapes = boundaryShapes();
  const county = shapes.get(room.county ?? '');
  const place = county
    ? { ...county, name: room.county_name }
    : { ...shapes.get(room.city ?? ''), name: room.city_name };
  if (!place.shape) return null;
  const point: [number, number] = [Number(room.longitude), Number(room.latitude)];
  return { area: place.name ?? '', ...sketch(place.shape, point, SKETCH_WIDTH) };
}

/** Counts one hit of a kind from a network prefix in a window; the hits so far, this one included. */
export async function countPublicHit(
  db: Kysely<DB>,
  kind: string,
  prefix: string,
  windowStart: string,
): Promise<number> {
  const row = await db
    .insertInto('public_hits')
    .values({ kind, prefix, window_start: windowStart, hits: 1 })
    .onConflict((oc) =>
      oc.columns(['kind', 'prefix', 'window_start']).doUpdateSet({ hits: sql<number>`public_hits.hits + 1` }),
    )
    .returning('hits')
    .executeTakeFirstOrThrow();
  return Number(row.hits);
}

export async function forgetPublicHitsBefore(db: Kysely<DB>, windowStart: string): Promise<void> {
  await db.deleteFrom('public_hits').where('window_start', '<', windowStart).execute();
}

/** Marks an answer of the public form as taken past its community's daily cap. */
export async function flagPastCap(db: Kysely<DB>, row: { ref: string; area_code: string; date: string }) {
  await db.insertInto('public_flagged').values(row).execute();
}
