/**
 * The probes of test/scope-probes.test.ts: each route that takes an identifier, asked about a
 * target. A route the app registers is either probed here or named in NO_TARGET, with why.
 */
import type { InjectOptions } from 'fastify';
import { proposalId } from '../../src/modules/rewards/domain/proposals.ts';
import { DEFAULT_SCHEMES } from '../../src/modules/assessment/domain/index.ts';
import { OFFICER_SCHEME } from '#core/assessment/officer-scheme.ts';

/** What a probe may name: an area and an area to rank within, units, a badge, ids of supervision. */
export interface Target {
  area: string;
  within: string;
  unit: string;
  room: string;
  badge: string;
  task: number;
  /** A task inside, the same for every target: its evidence is asked for by the target's id. */
  home: number;
  evidence: number;
  notice: number;
  appeal: number;
  appealEvidence: number;
}

export interface Probe {
  route: string;
  /** Tells apart probes of one route. */
  name?: string;
  /** A write: only the outside and missing targets are asked (the inside one would change data). */
  write?: boolean;
  request(t: Target): InjectOptions;
}

const M = 'month=2019-06';

const get = (route: string, url: (t: Target) => string, name?: string): Probe => ({
  route: `GET ${route}`,
  name,
  request: (t) => ({ url: url(t) }),
});

/** A scheme's settings as the preview takes them: those in force by default. */
const preview = (scheme: {
  name: string;
  indicators: { name: string; weight: number; floor: number; target: number; better: string }[];
}) => ({
  scheme: scheme.name,
  indicators: Object.fromEntries(
    scheme.indicators.map((d) => [d.name, { weight: d.weight, floor: d.floor, target: d.target, better: d.better }]),
  ),
});

/** The officer scheme's preview under its default settings. */
export const officerPreview = preview(OFFICER_SCHEME);

export const PROBES: Probe[] = [
  get('/api/v1/overview', (t) => `/api/v1/overview?area=${t.area}&date=2019-06-30`),
  get('/api/v1/indicators', (t) => `/api/v1/indicators?${M}&area=${t.area}&scheme=performance`),
  get('/api/v1/rankings', (t) => `/api/v1/rankings?${M}&within=${t.within}&scheme=construction`),
  get('/api/v1/rankings', (t) => `/api/v1/rankings?${M}&within=${t.within}&scheme=construction&format=csv`, 'csv'),
  get('/api/v1/explain', (t) => `/api/v1/explain?${M}&area=${t.within}&scheme=performance&indicator=awareness_rate`),
  {
    route: 'POST /api/v1/rankings/preview',
    request: (t) => ({
      method: 'POST',
      url: `/api/v1/rankings/preview?${M}&within=${t.within}`,
      payload: preview(DEFAULT_SCHEMES.performance),
    }),
  },
  {
    route: 'POST /api/v1/rankings/preview',
    name: 'officer scheme',
    request: (t) => ({
      method: 'POST',
      url: `/api/v1/rankings/preview?${M}&within=${t.within}`,
      payload: officerPreview,
    }),
  },
  get('/api/v1/boundaries', (t) => `/api/v1/boundaries?within=${t.within}`),
  get('/api/v1/map/figures', (t) => `/api/v1/map/figures?${M}&within=${t.within}&scheme=construction`),
  get('/api/v1/map/rooms', (t) => `/api/v1/map/rooms?within=${t.area}`),
  get(
    '/api/v1/explain/records',
    (t) => `/api/v1/explain/records?${M}&area=${t.area}&scheme=performance&indicator=familiarity_rate`,
  ),
  get('/api/v1/rankings/units', (t) => `/api/v1/rankings/units?${M}&within=${t.within}&type=room`),
  get('/api/v1/rankings/officers', (t) => `/api/v1/rankings/officers?${M}&within=${t.within}`),
  get('/api/v1/rankings/officers', (t) => `/api/v1/rankings/officers?${M}&within=${t.within}&format=xlsx`, 'xlsx'),
  get('/api/v1/informational', (t) => `/api/v1/informational?${M}&kind=area&code=${t.area}`, 'area'),
  get('/api/v1/informational', (t) => `/api/v1/informational?${M}&kind=unit&code=${t.room}`, 'unit'),
  get('/api/v1/trend', (t) => `/api/v1/trend?kind=area&code=${t.area}&${M}`, 'area'),
  get('/api/v1/trend', (t) => `/api/v1/trend?kind=unit&code=${t.room}&${M}`, 'unit'),
  get('/api/v1/trend', (t) => `/api/v1/trend?kind=officer&code=${t.badge}&${M}`, 'officer'),
  get('/api/v1/proposals', (t) => `/api/v1/proposals?${M}&within=${t.within}`),
  {
    route: 'POST /api/v1/proposals/:id/decision',
    write: true,
    request: (t) => ({
      method: 'POST',
      url: `/api/v1/proposals/${proposalId('2019-06', t.within, 'performance', 'area', t.area, 'interview')}/decision`,
      payload: { decision: 'approved' },
    }),
  },
  get('/api/v1/quality', (t) => `/api/v1/quality?${M}&area=${t.area}`),
  get('/api/v1/completeness', (t) => `/api/v1/completeness?${M}&within=${t.within}`),
  get('/api/v1/completeness/area', (t) => `/api/v1/completeness/area?${M}&area=${t.area}`),
  get('/api/v1/completeness/rooms', (t) => `/api/v1/completeness/rooms?${M}&area=${t.area}&reporting=all`),
  {
    route: 'POST /api/v1/records/:kind',
    write: true,
    request: (t) => ({
      method: 'POST',
      url: '/api/v1/records/info_reports',
      payload: [{ ref: 'PROBE-000001', date: '2019-06-13', badge: t.badge, category: 'dispute', adopted: 'no' }],
    }),
  },
  get('/api/v1/areas', (t) => `/api/v1/areas?within=${t.area}`),
  get('/api/v1/areas/:code', (t) => `/api/v1/areas/${t.area}`),
  get('/api/v1/units', (t) => `/api/v1/units?area=${t.area}`),
  get('/api/v1/units', (t) => `/api/v1/units?q=${t.room}`, 'q'),
  get('/api/v1/units/:code', (t) => `/api/v1/units/${t.unit}?date=2019-06-30`),
  get('/api/v1/units/:code', (t) => `/api/v1/units/${t.room}?date=2019-06-30`, 'room'),
  get('/api/v1/patrols', (t) => `/api/v1/patrols?unit=${t.room}`),
  get('/api/v1/patrols', (t) => `/api/v1/patrols?area=${t.area}`, 'area'),
  get('/api/v1/funds', (t) => `/api/v1/funds?area=${t.area}`),
  get('/api/v1/officers', (t) => `/api/v1/officers?unit=${t.room}`),
  get('/api/v1/officers', (t) => `/api/v1/officers?area=${t.area}`, 'area'),
  get('/api/v1/officers', (t) => `/api/v1/officers?q=${t.badge}&format=csv`, 'csv'),
  get('/api/v1/officers/:badge', (t) => `/api/v1/officers/${t.badge}`),
  get(
    '/api/v1/notifications/preview',
    (t) => `/api/v1/notifications/preview?${M}&area=${t.within}&date=2019-07-05&format=json`,
  ),
  get('/api/v1/notifications', (t) => `/api/v1/notifications?area=${t.within}`),
  get('/api/v1/notifications/:id', (t) => `/api/v1/notifications/${t.notice}`),
  get('/api/v1/notifications/:id/revision', (t) => `/api/v1/notifications/${t.notice}/revision`),
  get('/api/v1/notifications/:id/receipts', (t) => `/api/v1/notifications/${t.notice}/receipts`),
  {
    route: 'POST /api/v1/notifications/:id/receipts/:area',
    write: true,
    request: (t) => ({ method: 'POST', url: `/api/v1/notifications/${t.notice}/receipts/${t.area}` }),
  },
  {
    route: 'POST /api/v1/notifications/:id/reminders',
    write: true,
    request: (t) => ({
      method: 'POST',
      url: `/api/v1/notifications/${t.notice}/reminders`,
      payload: { areas: [t.area] },
    }),
  },
  {
    route: 'POST /api/v1/notifications',
    write: true,
    request: (t) => ({ method: 'POST', url: '/api/v1/notifications', payload: { area: t.within, month: '2019-03' } }),
  },
  get('/api/v1/tasks', (t) => `/api/v1/tasks?area=${t.area}`),
  get('/api/v1/tasks/:id', (t) => `/api/v1/tasks/${t.task}`),
  {
    route: 'PUT /api/v1/tasks/:id/status',
    write: true,
    request: (t) => ({ method: 'PUT', url: `/api/v1/tasks/${t.task}/status`, payload: { status: 'in_progress' } }),
  },
  {
    route: 'POST /api/v1/tasks/:id/comments',
    write: true,
    request: (t) => ({ method: 'POST', url: `/api/v1/tasks/${t.task}/comments`, payload: { body: 'probe' } }),
  },
  {
    route: 'POST /api/v1/tasks/:id/evidence',
    write: true,
    request: (t) => ({
      method: 'POST',
      url: `/api/v1/tasks/${t.task}/evidence?name=photo.jpg`,
      payload: Buffer.from('not a photo'),
      headers: { 'content-type': 'image/jpeg' },
    }),
  },
  get('/api/v1/tasks/:id/evidence/:evidence', (t) => `/api/v1/tasks/${t.task}/evidence/${t.evidence}`),
  get(
    '/api/v1/tasks/:id/evidence/:evidence',
    (t) => `/api/v1/tasks/${t.home}/evidence/${t.evidence}`,
    'of a task inside',
  ),
  get('/api/v1/search', (t) => `/api/v1/search?q=${t.badge}`),
  get('/api/v1/search', (t) => `/api/v1/search?q=${t.room}`, 'room'),
  {
    route: 'POST /api/v1/tasks/assign',
    write: true,
    request: (t) => ({ method: 'POST', url: '/api/v1/tasks/assign', payload: { ids: [t.task], leader: t.area } }),
  },
  get('/api/v1/appeals', (t) => `/api/v1/appeals?area=${t.area}`),
  get('/api/v1/appeals/:id', (t) => `/api/v1/appeals/${t.appeal}`),
  get('/api/v1/appeals/:id/evidence/:evidence', (t) => `/api/v1/appeals/${t.appeal}/evidence/${t.appealEvidence}`),
  {
    route: 'POST /api/v1/appeals',
    write: true,
    request: (t) => ({
      method: 'POST',
      url: '/api/v1/appeals',
      payload: { notification: t.notice, area: t.area, reason: 'probe' },
    }),
  },
  {
    route: 'POST /api/v1/appeals/:id/decision',
    write: true,
    request: (t) => ({
      method: 'POST',
      url: `/api/v1/appeals/${t.appeal}/decision`,
      payload: { decision: 'rejected', reason: 'probe' },
    }),
  },
  {
    route: 'POST /api/v1/appeals/:id/evidence',
    write: true,
    request: (t) => ({
      method: 'POST',
      url: `/api/v1/appeals/${t.appeal}/evidence?name=sheet.txt`,
      payload: Buffer.from('probe'),
      headers: { 'content-type': 'text/plain' },
    }),
  },
  get('/api/v1/leaders', (t) => `/api/v1/leaders?area=${t.area}`),
  {
    route: 'PUT /api/v1/leaders/:area',
    write: true,
    request: (t) => ({ method: 'PUT', url: `/api/v1/leaders/${t.area}`, payload: { name: 'Wang', title: 'deputy' } }),
  },
  get('/api/v1/five-problems', (t) => `/api/v1/five-problems?area=${t.area}&date=2019-06-30`),
  get('/api/v1/summary', (t) => `/api/v1/summary?area=${t.area}&year=2019&date=2020-01-10&format=json`),
  get('/api/v1/periods', (t) => `/api/v1/periods?${M}&within=${t.within}`),
  get('/api/v1/periods/history', (t) => `/api/v1/periods/history?${M}&area=${t.within}`),
  get('/api/v1/periods/revision', (t) => `/api/v1/periods/revision?${M}&area=${t.within}&scheme=performance`),
  {
    route: 'POST /api/v1/periods/:action',
    write: true,
    request: (t) => ({ method: 'POST', url: '/api/v1/periods/submit', payload: { month: '2018-01', area: t.area } }),
  },
];

/**
 * Routes that take no identifier a scope could hide (the account's own things, settings, the
 * admins' and auditors' routes, which no scoped account reaches), or whose identifiers are not
 * of the province's places and people.
 */
export const NO_TARGET: string[] = [
  'GET /api/v1/health',
  'GET /api/openapi.json',
  'GET /metrics',
  // Public: the same for everyone, signed in or not (test/public.test.ts).
  'GET /api/v1/public/areas',
  'GET /api/v1/public/officers',
  'GET /api/v1/public/challenge',
  'POST /api/v1/public/surveys',
  'GET /api/v1/public/settings',
  'PUT /api/v1/public/settings',
  'POST /api/v1/session',
  'GET /api/v1/session',
  'DELETE /api/v1/session',
  'PUT /api/v1/session/password',
  'GET /api/v1/users',
  'POST /api/v1/users',
  'PUT /api/v1/users/:username/disabled',
  'PUT /api/v1/users/:username/password',
  'PUT /api/v1/users/:username/totp',
  'PATCH /api/v1/users/:username',
  // The account's own 待办: each source answers only within its scope (test/receipts.test.ts).
  'GET /api/v1/todo',
  'GET /api/v1/locks',
  'DELETE /api/v1/locks/usernames/:username',
  'DELETE /api/v1/locks/addresses/:address',
  'GET /api/v1/audit',
  'GET /api/v1/audit/verify',
  'GET /api/v1/meta',
  'GET /api/v1/completeness/settings',
  'PUT /api/v1/completeness/settings',
  // The account's own work (by its badge), nothing it names.
  'GET /api/v1/work',
  'GET /api/v1/schemes',
  'PUT /api/v1/schemes/:name',
  // A file's rows are judged as POST records' are (test/import-upload.test.ts); a job is its
  // own account's, another's answers 404 (test/import-jobs.test.ts).
  'POST /api/v1/imports',
  'GET /api/v1/imports/:id',
  'POST /api/v1/imports/:id/confirm',
  'POST /api/v1/imports/:id/cancel',
  // The account's own latest jobs; the limits are admins' settings.
  'GET /api/v1/imports',
  'GET /api/v1/imports/settings',
  'PUT /api/v1/imports/settings',
  'GET /api/v1/templates/:file',
  'GET /api/v1/notifications/settings',
  'PUT /api/v1/notifications/settings',
  'GET /api/v1/schedule/jobs',
  'GET /api/v1/schedule/runs',
  'POST /api/v1/schedule/jobs/:name/run',
  'GET /api/v1/schedule/settings',
  'PUT /api/v1/schedule/settings',
  'GET /api/v1/channels',
  'POST /api/v1/channels',
  'DELETE /api/v1/channels/:name',
  'PUT /api/v1/channels/:name/enabled',
  'POST /api/v1/channels/:name/test',
  'GET /api/v1/deliveries',
  'POST /api/v1/deliveries/:id/retry',
  'GET /api/v1/periods/settings',
  'PUT /api/v1/periods/settings',
  'GET /api/v1/events',
  'GET /api/v1/subscriptions',
  'PUT /api/v1/subscriptions',
];
