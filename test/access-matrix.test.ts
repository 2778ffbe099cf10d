/**
 * Every route × every role × inside, beside and outside the role's scope, generated from the
 * routes the app registers. A route added without an entry in ROUTES fails here: decide who may
 * use it and how scope applies, then add the entry.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Fastify, { type FastifyInstance, type InjectOptions } from 'fastify';
import { ENGINES, freshDatabase } from './support/engines.ts';
import { importProvince51 } from './support/province-51.ts';
import { ensureAccount, sessionToken, TEST_PASSWORD } from './support/session.ts';
import { seedSupervision, type SupervisionFixture } from './support/supervision.ts';
import type { Database } from '../src/db/database.ts';
import { buildApp } from '../src/server/app.ts';
import { createContext } from '../src/modules/app-context.ts';
import { installAccess } from '../src/modules/accounts/access.hook.ts';
import { PERMISSIONS, type Permission, type Role } from '#core/accounts/permissions.ts';
import { proposalId } from '../src/modules/rewards/domain/proposals.ts';
import { ChannelsService } from '../src/modules/channels/channels.service.ts';
import { JOBS } from '../src/modules/schedule/jobs/index.ts';
import { updateScheduleSettings } from '../src/modules/schedule/schedule.settings.ts';

type Where = 'inside' | 'beside' | 'outside';
type Row = Record<string, string>;
interface Place {
  area: string;
  within: string;
  unit: string;
  badge: string;
  unitFilter: string;
  /** The units list has no unit filter: an officer's is its code. */
  unitsQuery: string;
  report: Row;
}

const REPORT_IN: Row = { ref: 'I1-000119', date: '2019-06-13', badge: '0100007', category: 'dispute', adopted: 'no' };
const REPORT_OUT: Row = { ref: 'I1-000024', date: '2019-06-17', badge: '0100002', category: 'fraud', adopted: 'yes' };

/** County 2.1's manager: beside it County 2.2 and the ranking of City 2; outside, County 1.1. */
const MANAGER: Record<Where, Place> = {
  inside: {
    area: '510201000000',
    within: '510201000000',
    unit: 'S510201001000',
    badge: '0100010',
    unitFilter: 'area=510201000000',
    unitsQuery: 'area=510201000000',
    report: REPORT_IN,
  },
  beside: {
    area: '510202000000',
    within: '510200000000',
    unit: 'S510101001000',
    badge: '0100001',
    unitFilter: 'area=510101000000',
    unitsQuery: 'area=510101000000',
    report: REPORT_OUT,
  },
  outside: {
    area: '510101000000',
    within: '510100000000',
    unit: 'S510101001000',
    badge: '0100001',
    unitFilter: 'area=510101000000',
    unitsQuery: 'area=510101000000',
    report: REPORT_OUT,
  },
};
/** Officer 0100007 of room R51020100100001 in Town 2.1.1; a room of the same town is not its own. */
const OFFICER: Record<Where, Place> = {
  inside: {
    area: '510201001000',
    within: '510201001000',
    unit: 'R51020100100001',
    badge: '0100007',
    unitFilter: 'unit=R51020100100001',
    unitsQuery: 'q=R51020100100001',
    report: REPORT_IN,
  },
  beside: {
    area: '510201002000',
    within: '510201000000',
    unit: 'R51020100100002',
    badge: '0100008',
    unitFilter: 'unit=R51020100100002',
    unitsQuery: 'q=R51020100100002',
    report: REPORT_OUT,
  },
  outside: {
    area: '510101000000',
    within: '510100000000',
    unit: 'R51020100100002',
    badge: '0100008',
    unitFilter: 'unit=R51020100100002',
    unitsQuery: 'q=R51020100100002',
    report: REPORT_OUT,
  },
};

interface Persona {
  name: string;
  role: Role | null;
  places: Record<Where, Place>;
  scoped: boolean;
}

const PERSONAS: Persona[] = [
  { name: 'anonymous', role: null, places: MANAGER, scoped: false },
  { name: 'admin', role: 'admin', places: MANAGER, scoped: false },
  { name: 'analyst', role: 'analyst', places: MANAGER, scoped: false },
  { name: 'auditor', role: 'auditor', places: MANAGER, scoped: false },
  { name: 'manager', role: 'manager', places: MANAGER, scoped: true },
  { name: 'officer', role: 'officer', places: OFFICER, scoped: true },
];

/**
 * How scope applies to a route: `none` (the same for every account), `list` (outside the scope
 * a list is empty), `record` (outside: 404), `aggregate` (beside: visible; outside: 404),
 * `write` (outside: refused with 403, nothing written), `own` (an officer's own work: an account
 * without a badge has none, 404).
 */
type ScopeKind = 'none' | 'list' | 'record' | 'aggregate' | 'write' | 'own';

interface RouteCase {
  permission: Permission;
  scope: ScopeKind;
  request(p: Place): InjectOptions;
  /** The status of success (200 unless said). */
  ok?: number;
  /** Ends or replaces sessions: runs last, on a session of its own. */
  fresh?: boolean;
}

const M = 'month=2019-06';
let serial = 0;
/** Notices, tasks and evidence of the places (see seedSupervision in beforeAll). */
let SUP: SupervisionFixture;
/** Each issue names a month not issued before: 2019-05, 2019-04, ... */
let issued = 0;
const issueMonth = () => {
  const n = 2019 * 12 + 4 - issued++;
  return `${Math.floor(n / 12)}-${String((n % 12) + 1).padStart(2, '0')}`;
};
const PREVIEW = {
  scheme: 'performance',
  indicators: Object.fromEntries(
    [
      'awareness_rate',
      'familiarity_rate',
      'info_provision_rate',
      'crime_rate',
      'satisfaction_rate',
      'group_defense',
    ].map((n) => [
      n,
      {
        weight: 1,
        floor: n === 'crime_rate' ? 5 : 0.5,
        target: n === 'crime_rate' ? 1 : 0.9,
        better: n === 'crime_rate' ? 'lower' : 'higher',
      },
    ]),
  ),
};

export const ROUTES: Record<string, RouteCase> = {
  'GET /api/v1/health': { permission: 'public', scope: 'none', request: () => ({ url: '/api/v1/health' }) },
  'GET /api/openapi.json': { permission: 'public', scope: 'none', request: () => ({ url: '/api/openapi.json' }) },
  // Public to the account system; its own guard lets in this machine without a proxy (inject's 127.0.0.1).
  'GET /metrics': { permission: 'public', scope: 'none', request: () => ({ url: '/metrics' }) },
  'GET /api/v1/public/areas': {
    permission: 'public',
    scope: 'none',
    request: () => ({ url: '/api/v1/public/areas?q=Village' }),
  },
  'GET /api/v1/public/officers': {
    permission: 'public',
    scope: 'none',
    request: () => ({ url: '/api/v1/public/officers?area=510101002001' }),
  },
  'GET /api/v1/public/challenge': {
    permission: 'public',
    scope: 'none',
    request: () => ({ url: '/api/v1/public/challenge' }),
  },
  // Without a solved challenge everyone, signed in or not, is refused alike (test/public.test.ts answers for real).
  'POST /api/v1/public/surveys': {
    permission: 'public',
    scope: 'none',
    ok: 403,
    request: () => ({
      method: 'POST',
      url: '/api/v1/public/surveys',
      payload: {
        area_code: '510101002001',
        knows_officer: 'yes',
        satisfaction: 5,
        token: 'x.y.forged-token',
        nonce: '1',
      },
    }),
  },
  'POST /api/v1/session': {
    permission: 'public',
    scope: 'none',
    request: () => ({
      method: 'POST',
      url: '/api/v1/session',
      payload: { username: 'analyst', password: TEST_PASSWORD },
    }),
  },
  'GET /api/v1/session': { permission: 'session:self', scope: 'none', request: () => ({ url: '/api/v1/session' }) },
  'DELETE /api/v1/session': {
    permission: 'session:self',
    scope: 'none',
    fresh: true,
    request: () => ({ method: 'DELETE', url: '/api/v1/session' }),
  },
  'PUT /api/v1/session/password': {
    permission: 'session:self',
    scope: 'none',
    fresh: true,
    request: () => ({
      method: 'PUT',
      url: '/api/v1/session/password',
      payload: { current: TEST_PASSWORD, password: TEST_PASSWORD },
    }),
  },
  'GET /api/v1/users': { permission: 'accounts:manage', scope: 'none', request: () => ({ url: '/api/v1/users' }) },
  'POST /api/v1/users': {
    permission: 'accounts:manage',
    scope: 'none',
    ok: 201,
    request: () => ({
      method: 'POST',
      url: '/api/v1/users',
      payload: { username: `made-${++serial}`, password: TEST_PASSWORD, role: 'analyst' },
    }),
  },
  'PUT /api/v1/users/:username/disabled': {
    permission: 'accounts:manage',
    scope: 'none',
    request: () => ({ method: 'PUT', url: '/api/v1/users/target/disabled', payload: { disabled: false } }),
  },
  'PATCH /api/v1/users/:username': {
    permission: 'accounts:manage',
    scope: 'none',
    request: () => ({ method: 'PATCH', url: '/api/v1/users/target', payload: { name: 'Target' } }),
  },
  'PUT /api/v1/users/:username/password': {
    permission: 'accounts:manage',
    scope: 'none',
    request: () => ({ method: 'PUT', url: '/api/v1/users/target/password', payload: { password: TEST_PASSWORD } }),
  },
  'PUT /api/v1/users/:username/totp': {
    permission: 'accounts:manage',
    scope: 'none',
    request: () => ({ method: 'PUT', url: '/api/v1/users/target/totp', payload: { enabled: false } }),
  },
  'GET /api/v1/locks': { permission: 'accounts:manage', scope: 'none', request: () => ({ url: '/api/v1/locks' }) },
  'DELETE /api/v1/locks/usernames/:username': {
    permission: 'accounts:manage',
    scope: 'none',
    request: () => ({ method: 'DELETE', url: '/api/v1/locks/usernames/target' }),
  },
  'DELETE /api/v1/locks/addresses/:address': {
    permission: 'accounts:manage',
    scope: 'none',
    request: () => ({ method: 'DELETE', url: '/api/v1/locks/addresses/203.0.113.7' }),
  },
  'GET /api/v1/audit': { permission: 'audit:read', scope: 'none', request: () => ({ url: '/api/v1/audit?limit=5' }) },
  'GET /api/v1/audit/verify': {
    permission: 'audit:read',
    scope: 'none',
    request: () => ({ url: '/api/v1/audit/verify' }),
  },
  'GET /api/v1/meta': { permission: 'aggregate:read', scope: 'none', request: () => ({ url: '/api/v1/meta' }) },
  'GET /api/v1/overview': {
    permission: 'aggregate:read',
    scope: 'aggregate',
    request: (p) => ({ url: `/api/v1/overview?area=${p.area}&date=2019-06-30` }),
  },
  'GET /api/v1/indicators': {
    permission: 'aggregate:read',
    scope: 'aggregate',
    request: (p) => ({ url: `/api/v1/indicators?${M}&area=${p.area}&scheme=performance` }),
  },
  'GET /api/v1/rankings': {
    permission: 'aggregate:read',
    scope: 'aggregate',
    request: (p) => ({ url: `/api/v1/rankings?${M}&within=${p.within}&scheme=construction` }),
  },
  'GET /api/v1/explain': {
    permission: 'aggregate:read',
    scope: 'aggregate',
    request: (p) => ({ url: `/api/v1/explain?${M}&area=${p.within}&scheme=performance&indicator=awareness_rate` }),
  },
  'POST /api/v1/rankings/preview': {
    permission: 'aggregate:read',
    scope: 'aggregate',
    request: (p) => ({ method: 'POST', url: `/api/v1/rankings/preview?${M}&within=${p.within}`, payload: PREVIEW }),
  },
  'GET /api/v1/boundaries': {
    permission: 'aggregate:read',
    scope: 'aggregate',
    request: (p) => ({ url: `/api/v1/boundaries?within=${p.within}` }),
  },
  'GET /api/v1/map/figures': {
    permission: 'aggregate:read',
    scope: 'aggregate',
    request: (p) => ({ url: `/api/v1/map/figures?${M}&within=${p.within}&scheme=construction` }),
  },
  'GET /api/v1/map/rooms': {
    permission: 'registry:read',
    scope: 'list',
    request: (p) => ({ url: `/api/v1/map/rooms?within=${p.within}` }),
  },
  'GET /api/v1/explain/records': {
    permission: 'people:read',
    scope: 'record',
    request: (p) => ({
      url: `/api/v1/explain/records?${M}&area=${p.area}&scheme=performance&indicator=familiarity_rate`,
    }),
  },
  'GET /api/v1/rankings/units': {
    permission: 'aggregate:read',
    scope: 'aggregate',
    request: (p) => ({ url: `/api/v1/rankings/units?${M}&within=${p.within}&type=room` }),
  },
  'GET /api/v1/rankings/officers': {
    permission: 'aggregate:read',
    scope: 'aggregate',
    request: (p) => ({ url: `/api/v1/rankings/officers?${M}&within=${p.within}` }),
  },
  'GET /api/v1/informational': {
    permission: 'aggregate:read',
    scope: 'aggregate',
    request: (p) => ({ url: `/api/v1/informational?${M}&kind=area&code=${p.area}` }),
  },
  'GET /api/v1/trend': {
    permission: 'aggregate:read',
    scope: 'aggregate',
    request: (p) => ({ url: `/api/v1/trend?kind=area&code=${p.area}&${M}` }),
  },
  'GET /api/v1/proposals': {
    permission: 'aggregate:read',
    scope: 'aggregate',
    request: (p) => ({ url: `/api/v1/proposals?${M}&within=${p.within}` }),
  },
  // Only an admin may decide, and a proposal is decided once: the one admin request is the one that succeeds.
  'POST /api/v1/proposals/:id/decision': {
    permission: 'proposals:decide',
    scope: 'none',
    request: () => ({
      method: 'POST',
      url: `/api/v1/proposals/${proposalId('2019-06', '510100000000', 'performance', 'area', '510101000000', 'interview')}/decision`,
      payload: { decision: 'approved' },
    }),
  },
  'GET /api/v1/quality': {
    permission: 'aggregate:read',
    scope: 'record',
    request: (p) => ({ url: `/api/v1/quality?${M}&area=${p.area}` }),
  },
  'GET /api/v1/completeness': {
    permission: 'aggregate:read',
    scope: 'aggregate',
    request: (p) => ({ url: `/api/v1/completeness?${M}&within=${p.within}` }),
  },
  'GET /api/v1/completeness/area': {
    permission: 'aggregate:read',
    scope: 'aggregate',
    request: (p) => ({ url: `/api/v1/completeness/area?${M}&area=${p.area}` }),
  },
  'GET /api/v1/completeness/rooms': {
    permission: 'registry:read',
    scope: 'record',
    request: (p) => ({ url: `/api/v1/completeness/rooms?${M}&area=${p.area}&reporting=all` }),
  },
  'GET /api/v1/completeness/settings': {
    permission: 'aggregate:read',
    scope: 'none',
    request: () => ({ url: '/api/v1/completeness/settings' }),
  },
  'PUT /api/v1/completeness/settings': {
    permission: 'settings:manage',
    scope: 'none',
    request: () => ({ method: 'PUT', url: '/api/v1/completeness/settings', payload: { threshold: 0.8 } }),
  },
  'GET /api/v1/public/settings': {
    permission: 'aggregate:read',
    scope: 'none',
    request: () => ({ url: '/api/v1/public/settings' }),
  },
  'PUT /api/v1/public/settings': {
    permission: 'settings:manage',
    scope: 'none',
    request: () => ({ method: 'PUT', url: '/api/v1/public/settings', payload: { phones: 'room' } }),
  },
  'GET /api/v1/work': {
    permission: 'records:write',
    scope: 'own',
    request: () => ({ url: `/api/v1/work?${M}` }),
  },
  'GET /api/v1/schemes': {
    permission: 'aggregate:read',
    scope: 'none',
    request: () => ({ url: '/api/v1/schemes?year=2019' }),
  },
  // A year no other entry reads, so saving it changes nothing they see.
  'PUT /api/v1/schemes/:name': {
    permission: 'schemes:write',
    scope: 'none',
    request: () => ({
      method: 'PUT',
      url: '/api/v1/schemes/performance?year=2031',
      payload: { indicators: { crime_rate: { weight: 20 } } },
    }),
  },
  'POST /api/v1/records/:kind': {
    permission: 'records:write',
    scope: 'write',
    ok: 201,
    request: (p) => ({ method: 'POST', url: '/api/v1/records/info_reports', payload: [p.report] }),
  },
  // The same row as a file: held to the same scope, row by row.
  'POST /api/v1/imports': {
    permission: 'records:write',
    scope: 'write',
    ok: 201,
    request: (p) => ({
      method: 'POST',
      url: '/api/v1/imports?name=info_reports.csv',
      payload: `${Object.keys(p.report).join(',')}\n${Object.values(p.report).join(',')}\n`,
      headers: { 'content-type': 'text/csv' },
    }),
  },
  'GET /api/v1/imports/settings': {
    permission: 'settings:manage',
    scope: 'none',
    request: () => ({ url: '/api/v1/imports/settings' }),
  },
  'PUT /api/v1/imports/settings': {
    permission: 'settings:manage',
    scope: 'none',
    request: () => ({ method: 'PUT', url: '/api/v1/imports/settings', payload: { confirm_minutes: 60 } }),
  },
  // An account's own latest jobs.
  'GET /api/v1/imports': {
    permission: 'records:write',
    scope: 'none',
    request: () => ({ url: '/api/v1/imports' }),
  },
  // A job is its account's own: for every account that may import, job 999999 does not exist.
  'GET /api/v1/imports/:id': {
    permission: 'records:write',
    scope: 'none',
    ok: 404,
    request: () => ({ url: '/api/v1/imports/999999' }),
  },
  'POST /api/v1/imports/:id/confirm': {
    permission: 'records:write',
    scope: 'none',
    ok: 404,
    request: () => ({ method: 'POST', url: '/api/v1/imports/999999/confirm' }),
  },
  'POST /api/v1/imports/:id/cancel': {
    permission: 'records:write',
    scope: 'none',
    ok: 404,
    request: () => ({ method: 'POST', url: '/api/v1/imports/999999/cancel' }),
  },
  'GET /api/v1/templates/:file': {
    permission: 'registry:read',
    scope: 'none',
    request: () => ({ url: '/api/v1/templates/surveys.xlsx?lang=en' }),
  },
  'GET /api/v1/areas': {
    permission: 'registry:read',
    scope: 'list',
    request: (p) => ({ url: `/api/v1/areas?within=${p.area}` }),
  },
  'GET /api/v1/areas/:code': {
    permission: 'registry:read',
    scope: 'record',
    request: (p) => ({ url: `/api/v1/areas/${p.area}` }),
  },
  'GET /api/v1/units': {
    permission: 'registry:read',
    scope: 'list',
    request: (p) => ({ url: `/api/v1/units?${p.unitsQuery}` }),
  },
  'GET /api/v1/units/:code': {
    permission: 'registry:read',
    scope: 'record',
    request: (p) => ({ url: `/api/v1/units/${p.unit}?date=2019-06-30` }),
  },
  'GET /api/v1/patrols': {
    permission: 'registry:read',
    scope: 'list',
    request: (p) => ({ url: `/api/v1/patrols?${p.unitFilter}` }),
  },
  'GET /api/v1/funds': {
    permission: 'registry:read',
    scope: 'list',
    request: (p) => ({ url: `/api/v1/funds?area=${p.area}` }),
  },
  'GET /api/v1/officers': {
    permission: 'people:read',
    scope: 'list',
    request: (p) => ({ url: `/api/v1/officers?${p.unitFilter}` }),
  },
  'GET /api/v1/officers/:badge': {
    permission: 'people:read',
    scope: 'record',
    request: (p) => ({ url: `/api/v1/officers/${p.badge}` }),
  },
  'GET /api/v1/notifications/preview': {
    permission: 'aggregate:read',
    scope: 'aggregate',
    request: (p) => ({ url: `/api/v1/notifications/preview?${M}&area=${p.within}&date=2019-07-05&format=json` }),
  },
  'GET /api/v1/notifications': {
    permission: 'aggregate:read',
    scope: 'aggregate',
    request: (p) => ({ url: `/api/v1/notifications?area=${p.within}` }),
  },
  'GET /api/v1/notifications/:id': {
    permission: 'aggregate:read',
    scope: 'aggregate',
    request: (p) => ({ url: `/api/v1/notifications/${SUP.notices[p.within]}` }),
  },
  'GET /api/v1/notifications/:id/revision': {
    permission: 'aggregate:read',
    scope: 'aggregate',
    request: (p) => ({ url: `/api/v1/notifications/${SUP.notices[p.within]}/revision` }),
  },
  'GET /api/v1/notifications/:id/receipts': {
    permission: 'aggregate:read',
    scope: 'aggregate',
    request: (p) => ({ url: `/api/v1/notifications/${SUP.notices[p.within]}/receipts` }),
  },
  // Who may sign is the receiving area's own account (test/receipts.test.ts); here only who may
  // ask at all: a notice that does not exist answers 404 to every holder of the permission.
  'POST /api/v1/notifications/:id/receipts/:area': {
    permission: 'notifications:write',
    scope: 'none',
    ok: 404,
    request: (p) => ({ method: 'POST', url: `/api/v1/notifications/99999999/receipts/${p.area}` }),
  },
  'POST /api/v1/notifications/:id/reminders': {
    permission: 'notifications:write',
    scope: 'record',
    request: (p) => ({
      method: 'POST',
      url: `/api/v1/notifications/${SUP.notices[p.within]}/reminders`,
      // A child of the notice's area (a county's town, a city's county): one of its receivers.
      payload: {
        areas: [p.within.endsWith('00000000') ? `${p.within.slice(0, 4)}01000000` : `${p.within.slice(0, 6)}001000`],
      },
    }),
  },
  'GET /api/v1/todo': { permission: 'session:self', scope: 'none', request: () => ({ url: '/api/v1/todo' }) },
  'POST /api/v1/notifications': {
    permission: 'notifications:write',
    scope: 'write',
    ok: 201,
    request: (p) => ({
      method: 'POST',
      url: '/api/v1/notifications',
      payload: { area: p.area, month: issueMonth(), date: '2019-07-05' },
    }),
  },
  'GET /api/v1/notifications/settings': {
    permission: 'settings:manage',
    scope: 'none',
    request: () => ({ url: '/api/v1/notifications/settings' }),
  },
  'PUT /api/v1/notifications/settings': {
    permission: 'settings:manage',
    scope: 'none',
    request: () => ({ method: 'PUT', url: '/api/v1/notifications/settings', payload: { deadline_days: 30 } }),
  },
  'GET /api/v1/tasks': {
    permission: 'tasks:read',
    scope: 'list',
    request: (p) => ({ url: `/api/v1/tasks?area=${p.area}` }),
  },
  'GET /api/v1/tasks/:id': {
    permission: 'tasks:read',
    scope: 'record',
    request: (p) => ({ url: `/api/v1/tasks/${SUP.tasks[p.area]}` }),
  },
  'PUT /api/v1/tasks/:id/status': {
    permission: 'tasks:write',
    scope: 'record',
    request: (p) => ({
      method: 'PUT',
      url: `/api/v1/tasks/${SUP.tasks[p.area]}/status`,
      payload: { status: 'in_progress' },
    }),
  },
  'POST /api/v1/tasks/assign': {
    permission: 'tasks:write',
    scope: 'record',
    request: (p) => ({
      method: 'POST',
      url: '/api/v1/tasks/assign',
      payload: { ids: [SUP.tasks[p.area]], leader: p.area },
    }),
  },
  'GET /api/v1/appeals': {
    permission: 'tasks:read',
    scope: 'list',
    request: (p) => ({ url: `/api/v1/appeals?area=${p.area}` }),
  },
  'GET /api/v1/appeals/:id': {
    permission: 'tasks:read',
    scope: 'record',
    request: (p) => ({ url: `/api/v1/appeals/${SUP.appeals[p.area]}` }),
  },
  // Filing, deciding and attaching to an appeal that does not exist: 404 for every account that may write.
  'POST /api/v1/appeals': {
    permission: 'tasks:write',
    scope: 'none',
    ok: 404,
    request: (p) => ({
      method: 'POST',
      url: '/api/v1/appeals',
      payload: { notification: 999999, area: p.area, reason: 'scores were wrong' },
    }),
  },
  'POST /api/v1/appeals/:id/decision': {
    permission: 'tasks:write',
    scope: 'none',
    ok: 404,
    request: () => ({
      method: 'POST',
      url: '/api/v1/appeals/999999/decision',
      payload: { decision: 'rejected', reason: 'no' },
    }),
  },
  'POST /api/v1/appeals/:id/evidence': {
    permission: 'tasks:write',
    scope: 'none',
    ok: 404,
    request: () => ({
      method: 'POST',
      url: '/api/v1/appeals/999999/evidence?name=a.txt',
      payload: Buffer.from('sheet'),
      headers: { 'content-type': 'text/plain' },
    }),
  },
  'GET /api/v1/appeals/:id/evidence/:evidence': {
    permission: 'tasks:read',
    scope: 'record',
    ok: 404,
    request: (p) => ({ url: `/api/v1/appeals/${SUP.appeals[p.area]}/evidence/999999` }),
  },
  'POST /api/v1/tasks/:id/comments': {
    permission: 'tasks:write',
    scope: 'record',
    ok: 201,
    request: (p) => ({
      method: 'POST',
      url: `/api/v1/tasks/${SUP.tasks[p.area]}/comments`,
      payload: { body: 'checked on site' },
    }),
  },
  'POST /api/v1/tasks/:id/evidence': {
    permission: 'tasks:write',
    scope: 'record',
    ok: 201,
    request: (p) => ({
      method: 'POST',
      url: `/api/v1/tasks/${SUP.tasks[p.area]}/evidence?name=photo.jpg`,
      payload: Buffer.from('not really a photo'),
      headers: { 'content-type': 'image/jpeg' },
    }),
  },
  'GET /api/v1/tasks/:id/evidence/:evidence': {
    permission: 'tasks:read',
    scope: 'record',
    request: (p) => ({ url: `/api/v1/tasks/${SUP.tasks[p.area]}/evidence/${SUP.evidence[p.area]}` }),
  },
  'GET /api/v1/search': {
    permission: 'people:read',
    scope: 'list',
    request: (p) => ({ url: `/api/v1/search?q=${p.badge}` }),
  },
  'GET /api/v1/leaders': {
    permission: 'tasks:read',
    scope: 'list',
    request: (p) => ({ url: `/api/v1/leaders?area=${p.area}` }),
  },
  'PUT /api/v1/leaders/:area': {
    permission: 'tasks:write',
    scope: 'write',
    request: (p) => ({
      method: 'PUT',
      url: `/api/v1/leaders/${p.area}`,
      payload: { name: 'Wang', title: 'deputy director' },
    }),
  },
  // The area's figures and its children's: visible in the account's own subtree only.
  'GET /api/v1/five-problems': {
    permission: 'aggregate:read',
    scope: 'record',
    request: (p) => ({ url: `/api/v1/five-problems?area=${p.area}&date=2019-06-30` }),
  },
  'GET /api/v1/summary': {
    permission: 'aggregate:read',
    scope: 'record',
    request: (p) => ({ url: `/api/v1/summary?area=${p.area}&year=2019&date=2020-01-10&format=json` }),
  },
  // The schedule and the channels are the admins'; no route takes a day from the client.
  'GET /api/v1/schedule/jobs': {
    permission: 'schedule:manage',
    scope: 'none',
    request: () => ({ url: '/api/v1/schedule/jobs' }),
  },
  'GET /api/v1/schedule/runs': {
    permission: 'schedule:manage',
    scope: 'none',
    request: () => ({ url: '/api/v1/schedule/runs' }),
  },
  'POST /api/v1/schedule/jobs/:name/run': {
    permission: 'schedule:manage',
    scope: 'none',
    // A job disabled in beforeAll: the admin's call answers 200, skipped, and runs nothing.
    request: () => ({ method: 'POST', url: '/api/v1/schedule/jobs/backup/run' }),
  },
  'GET /api/v1/schedule/settings': {
    permission: 'schedule:manage',
    scope: 'none',
    request: () => ({ url: '/api/v1/schedule/settings' }),
  },
  'PUT /api/v1/schedule/settings': {
    permission: 'schedule:manage',
    scope: 'none',
    request: () => ({ method: 'PUT', url: '/api/v1/schedule/settings', payload: { backup_keep: 7 } }),
  },
  'GET /api/v1/channels': {
    permission: 'channels:manage',
    scope: 'none',
    request: () => ({ url: '/api/v1/channels' }),
  },
  'POST /api/v1/channels': {
    permission: 'channels:manage',
    scope: 'none',
    ok: 201,
    request: () => ({
      method: 'POST',
      url: '/api/v1/channels',
      payload: { name: `matrix-${++serial}`, kind: 'webhook', format: 'json', url: 'http://127.0.0.1:9/hook' },
    }),
  },
  'DELETE /api/v1/channels/:name': {
    permission: 'channels:manage',
    scope: 'none',
    ok: 204,
    request: () => ({ method: 'DELETE', url: '/api/v1/channels/to-remove' }),
  },
  'PUT /api/v1/channels/:name/enabled': {
    permission: 'channels:manage',
    scope: 'none',
    request: () => ({ method: 'PUT', url: '/api/v1/channels/matrix-mail/enabled', payload: { enabled: false } }),
  },
  'POST /api/v1/channels/:name/test': {
    permission: 'channels:manage',
    scope: 'none',
    // Disabled above or not, its answer says how the test went; nothing is reached on port 9.
    request: () => ({ method: 'POST', url: '/api/v1/channels/matrix-hook/test' }),
  },
  'GET /api/v1/deliveries': {
    permission: 'channels:manage',
    scope: 'none',
    request: () => ({ url: '/api/v1/deliveries' }),
  },
  'POST /api/v1/deliveries/:id/retry': {
    permission: 'channels:manage',
    scope: 'none',
    request: () => ({ method: 'POST', url: '/api/v1/deliveries/1/retry' }),
  },
  // Periods: the board and its figures as aggregates; each action on a month of its own, so every persona's may pass.
  'GET /api/v1/periods': {
    permission: 'periods:read',
    scope: 'aggregate',
    request: (p) => ({ url: `/api/v1/periods?${M}&within=${p.within}` }),
  },
  'GET /api/v1/periods/history': {
    permission: 'periods:read',
    scope: 'aggregate',
    request: (p) => ({ url: `/api/v1/periods/history?${M}&area=${p.within}` }),
  },
  'GET /api/v1/periods/revision': {
    permission: 'periods:read',
    scope: 'aggregate',
    request: (p) => ({ url: `/api/v1/periods/revision?${M}&area=${p.within}&scheme=performance` }),
  },
  'GET /api/v1/periods/settings': {
    permission: 'periods:read',
    scope: 'none',
    request: () => ({ url: '/api/v1/periods/settings' }),
  },
  'PUT /api/v1/periods/settings': {
    permission: 'settings:manage',
    scope: 'none',
    request: () => ({ method: 'PUT', url: '/api/v1/periods/settings', payload: { submit_by_day: 9 } }),
  },
  'POST /api/v1/periods/:action': {
    permission: 'periods:act',
    scope: 'record',
    request: (p) => ({
      method: 'POST',
      url: '/api/v1/periods/submit',
      payload: { month: `2018-${String(12 - (serial++ % 12)).padStart(2, '0')}`, area: p.area },
    }),
  },
  'GET /api/v1/events': { permission: 'session:self', scope: 'none', request: () => ({ url: '/api/v1/events' }) },
  'GET /api/v1/subscriptions': {
    permission: 'session:self',
    scope: 'none',
    request: () => ({ url: '/api/v1/subscriptions' }),
  },
  'PUT /api/v1/subscriptions': {
    permission: 'session:self',
    scope: 'none',
    request: () => ({
      method: 'PUT',
      url: '/api/v1/subscriptions',
      payload: { quiet_from: '22:00', quiet_until: '07:00' },
    }),
  },
};

/** Who holds what, written out here independently of the registry it checks. */
const HOLDERS: Record<Permission, Role[]> = {
  public: ['admin', 'analyst', 'manager', 'officer', 'auditor'],
  'session:self': ['admin', 'analyst', 'manager', 'officer', 'auditor'],
  'aggregate:read': ['admin', 'analyst', 'manager', 'officer'],
  'registry:read': ['admin', 'analyst', 'manager', 'officer'],
  'people:read': ['admin', 'analyst', 'manager', 'officer'],
  'records:write': ['admin', 'manager', 'officer'],
  'periods:read': ['admin', 'analyst', 'manager', 'officer'],
  'periods:act': ['admin', 'manager'],
  'accounts:manage': ['admin'],
  'audit:read': ['admin', 'auditor'],
  'notifications:write': ['admin', 'manager'],
  'tasks:read': ['admin', 'analyst', 'manager'],
  'tasks:write': ['admin', 'manager'],
  'settings:manage': ['admin'],
  'schemes:write': ['admin'],
  'proposals:decide': ['admin'],
  'schedule:manage': ['admin'],
  'channels:manage': ['admin'],
};

const WHERES: Record<ScopeKind, Where[]> = {
  none: ['inside'],
  list: ['inside', 'outside'],
  record: ['inside', 'outside'],
  write: ['inside', 'outside'],
  aggregate: ['inside', 'beside', 'outside'],
  own: ['inside'],
};

interface Expected {
  status: number;
  /** For lists: whether items come back. */
  items?: boolean;
}

/** How many items a list answered: its total, or (search) the officers and rooms it found. */
function countOf(body: { total?: number; officers?: unknown[]; rooms?: unknown[] }): number {
  return body.total ?? (body.officers?.length ?? 0) + (body.rooms?.length ?? 0);
}

function expected(route: RouteCase, persona: Persona, where: Where): Expected {
  const ok = route.ok ?? 200;
  if (route.permission === 'public') return { status: ok };
  if (!persona.role) return { status: 401 };
  if (!HOLDERS[route.permission].includes(persona.role)) return { status: 403 };
  const outside = persona.scoped && where !== 'inside';
  switch (route.scope) {
    case 'list':
      return { status: ok, items: !outside };
    case 'record':
      return { status: outside ? 404 : ok };
    case 'write':
      return { status: outside ? 403 : ok };
    case 'aggregate':
      return { status: persona.scoped && where === 'outside' ? 404 : ok };
    case 'own':
      return { status: persona.role === 'officer' ? ok : 404 };
    default:
      return { status: ok };
  }
}

describe('the permission registry', () => {
  it('gives each permission to the roles this test expects', () => {
    for (const [permission, roles] of Object.entries(HOLDERS))
      expect([...PERMISSIONS[permission as Permission].roles].sort(), permission).toEqual([...roles].sort());
    expect(Object.keys(PERMISSIONS).sort()).toEqual(Object.keys(HOLDERS).sort());
  });

  it('stops the app at startup when a route names no permission, or one not in the registry', async () => {
    for (const config of [{}, { permission: 'everything:please' }] as { permission?: string }[]) {
      const app = Fastify();
      const db = { kysely: null } as never;
      await installAccess(app, { db } as never, { publicAggregates: false, requireAdminTotp: false });
      await expect(
        app.register(async (api) => {
          api.get('/new-route', { config }, async () => 'hello');
        }),
      ).rejects.toThrow(/config\.permission/);
      await app.close().catch(() => undefined);
    }
  });
});

for (const engine of ENGINES) {
  describe(`access to every route on ${engine}`, () => {
    let db: Database;
    let app: FastifyInstance;
    const tokens = new Map<string, string>();
    beforeAll(async () => {
      db = await freshDatabase(engine);
      await importProvince51(db);
      SUP = await seedSupervision(
        db,
        ['510201000000', '510200000000', '510100000000', '510201001000'],
        [MANAGER.inside.area, MANAGER.outside.area],
      );
      // What the schedule and channel routes act on: a job that is never due, channels to list, test, disable and remove.
      await updateScheduleSettings(
        db,
        { actor: 'os:test', via: 'test', ip: null },
        { jobs: { backup: { enabled: false } } },
        JOBS.map((j) => j.name),
      );
      const channels = new ChannelsService(db);
      const who = { actor: 'os:test', via: 'test', ip: null };
      await channels.add(who, { name: 'to-remove', kind: 'webhook', format: 'json', url: 'http://127.0.0.1:9/hook' });
      await channels.add(who, { name: 'matrix-hook', kind: 'webhook', format: 'json', url: 'http://127.0.0.1:9/hook' });
      await channels.add(who, {
        name: 'matrix-mail',
        kind: 'email',
        smtp: 'smtp://127.0.0.1:9',
        to: ['desk@example.cn'],
      });
      await channels.test(who, 'matrix-hook');
      app = await buildApp(createContext(db), {
        web: false,
        access: { publicAggregates: false, requireAdminTotp: false },
      });
      await ensureAccount(db, { username: 'target', role: 'analyst' });
      for (const p of PERSONAS) {
        if (!p.role) continue;
        await ensureAccount(db, {
          username: p.name,
          role: p.role,
          area: p.role === 'manager' ? MANAGER.inside.area : undefined,
          badge: p.role === 'officer' ? OFFICER.inside.badge : undefined,
        });
        tokens.set(p.name, await sessionToken(db, p.name));
      }
    });
    afterAll(async () => {
      await app?.close();
      await db?.close();
    });

    it('has an entry here for every route the app registers', () => {
      const registered = app.routeCatalog.map((r) => `${r.method} ${r.url}`);
      const missing = registered.filter((r) => !ROUTES[r]);
      expect(missing, 'routes without an entry in ROUTES (test/access-matrix.test.ts)').toEqual([]);
      for (const r of app.routeCatalog)
        expect(r.permission, `${r.method} ${r.url}`).toBe(ROUTES[`${r.method} ${r.url}`].permission);
    });

    // Routes that end sessions run last, each on a session of its own.
    const order = Object.entries(ROUTES).sort(([, a], [, b]) => Number(!!a.fresh) - Number(!!b.fresh));
    for (const [name, route] of order) {
      it(`${name} (${route.permission}, scope: ${route.scope})`, async () => {
        // An entry may run ahead of its route (routes are added concurrently); it is checked once the route exists.
        if (!app.routeCatalog.some((r) => `${r.method} ${r.url}` === name)) return;
        const wrong: string[] = [];
        for (const persona of PERSONAS) {
          for (const where of WHERES[route.scope]) {
            const want = expected(route, persona, where);
            const request = route.request(persona.places[where]);
            let token = persona.role ? tokens.get(persona.name) : undefined;
            if (token && route.fresh) token = await sessionToken(db, persona.name);
            const res = await app.inject({
              ...request,
              headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(request.headers ?? {}) },
            });
            const label = `${persona.name} ${where}`;
            if (res.statusCode !== want.status)
              wrong.push(`${label}: ${res.statusCode} (wanted ${want.status}) ${res.body.slice(0, 160)}`);
            else if (want.items !== undefined && countOf(res.json()) > 0 !== want.items)
              wrong.push(`${label}: total ${countOf(res.json())} (wanted ${want.items ? 'some' : 'none'})`);
          }
        }
        expect(wrong).toEqual([]);
      });
    }

    it('writes nothing when a write is refused for scope', async () => {
      const row = await db.kysely
        .selectFrom('info_reports')
        .selectAll()
        .where('ref', '=', REPORT_OUT.ref)
        .executeTakeFirstOrThrow();
      const history = await db.kysely
        .selectFrom('history')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      const changed = { ...REPORT_OUT, category: 'changed by someone outside' };
      for (const persona of ['manager', 'officer']) {
        const headers = { authorization: `Bearer ${await sessionToken(db, persona)}` };
        const res = await app.inject({
          method: 'POST',
          url: '/api/v1/records/info_reports',
          payload: [REPORT_IN, changed],
          headers,
        });
        expect(res.statusCode).toBe(403);
        expect(res.json().error.details).toEqual([
          expect.objectContaining({ file: 'info_reports', line: 2, column: 'badge' }),
        ]);
      }
      expect(
        await db.kysely
          .selectFrom('info_reports')
          .selectAll()
          .where('ref', '=', REPORT_OUT.ref)
          .executeTakeFirstOrThrow(),
      ).toEqual(row);
      expect(
        await db.kysely
          .selectFrom('history')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow(),
      ).toEqual(history);
    });
  });
}
