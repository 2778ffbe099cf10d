/**
 * The one permission registry: every route names one of these permissions in
 * `config.permission`, and a role may use the route when it holds that permission. A route
 * naming anything else stops the app at startup (see access.hook.ts).
 *
 * @example
 *   roleHolds('analyst', 'people:read'); // true
 */
export const ROLES = ['admin', 'analyst', 'manager', 'officer', 'auditor'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_DESCRIPTIONS: Record<Role, string> = {
  admin: 'everything, province-wide, including accounts',
  analyst: 'reads everything, province-wide; writes nothing',
  manager: "reads and writes within its area's subtree (--area); sees the ranking its area stands in",
  officer: "its own unit and its own records (--badge); sees the ranking its unit's area stands in",
  auditor: 'the audit log, nothing else',
};

/** Every permission a route may require, with who holds it. `public` needs no session. */
export const PERMISSIONS = {
  public: { roles: [...ROLES], description: 'anyone, signed in or not' },
  'session:self': { roles: [...ROLES], description: 'any signed-in account, about itself' },
  'aggregate:read': {
    roles: ['admin', 'analyst', 'manager', 'officer'],
    description: 'indicators, rankings, overview figures (open to everyone with OUTPOST_PUBLIC_AGGREGATES=1)',
  },
  'registry:read': {
    roles: ['admin', 'analyst', 'manager', 'officer'],
    description: 'areas, units, patrol teams, funds',
  },
  'people:read': {
    roles: ['admin', 'analyst', 'manager', 'officer'],
    description: "officers' details (every read is audited)",
  },
  'records:write': {
    roles: ['admin', 'manager', 'officer'],
    description: 'rows added or replaced through the API: posted as JSON, or an import file uploaded',
  },
  'periods:read': {
    roles: ['admin', 'analyst', 'manager', 'officer'],
    description:
      "the period board: each area's status for a month, who acted and when, what awaits whom; frozen and revised figures",
  },
  'periods:act': {
    roles: ['admin', 'manager'],
    description:
      'submit, approve, lock or unlock a period (a manager: submit within its area, approve below it, lock and unlock at the lock level)',
  },
  'accounts:manage': { roles: ['admin'], description: 'create, disable, reset accounts and their second factor' },
  'audit:read': { roles: ['admin', 'auditor'], description: 'the audit log and its verification' },
  'notifications:write': {
    roles: ['admin', 'manager'],
    description: "issue (or correct) the monthly notification of an area's children within its jurisdiction",
  },
  'tasks:read': {
    roles: ['admin', 'analyst', 'manager'],
    description: 'supervision tasks, their evidence, and responsible leaders',
  },
  'tasks:write': {
    roles: ['admin', 'manager'],
    description: 'move supervision tasks along, comment, attach evidence; set responsible leaders',
  },
  'settings:manage': {
    roles: ['admin'],
    description:
      'notification settings: number pattern, issuers, distribution lists, deadlines; the period chain and its deadlines',
  },
  'schemes:write': {
    roles: ['admin'],
    description: "save a year's assessment scheme: indicators' weights, floors, targets, direction; reward thresholds",
  },
  'proposals:decide': {
    roles: ['admin'],
    description: 'approve or reject a proposed commendation, criticism or interview',
  },
  'schedule:manage': {
    roles: ['admin'],
    description: 'scheduled jobs: their runs, next run times and settings; run a job for today',
  },
  'channels:manage': {
    roles: ['admin'],
    description: 'channels (email, webhooks, SMS gateway) and their deliveries; secrets are never shown back',
  },
} as const satisfies Record<string, { roles: readonly Role[]; description: string }>;

export type Permission = keyof typeof PERMISSIONS;

export function isPermission(value: unknown): value is Permission {
  return typeof value === 'string' && Object.hasOwn(PERMISSIONS, value);
}

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

export function roleHolds(role: Role, permission: Permission): boolean {
  return (PERMISSIONS[permission].roles as readonly Role[]).includes(role);
}

/** Roles whose reads and writes are limited to a part of the province. */
export function isScopedRole(role: Role): boolean {
  return role === 'manager' || role === 'officer';
}
