/**
 * The tables of docs/security.md, rendered from the permission registry and the routes the app
 * registers, so the document cannot drift from the code (test/security-doc.test.ts checks it).
 */
import type { RouteEntry } from './access.hook.ts';
import { PERMISSIONS, ROLE_DESCRIPTIONS, ROLES, roleHolds, type Permission } from '#core/accounts/permissions.ts';

export const ROUTES_BEGIN = '<!-- routes:begin (generated from the registry: see test/security-doc.test.ts) -->';
export const ROUTES_END = '<!-- routes:end -->';
export const ROLES_BEGIN = '<!-- roles:begin (generated from the registry) -->';
export const ROLES_END = '<!-- roles:end -->';

const cell = (s: string) => s.replace(/\|/g, '\\|');

export function renderRoleTable(): string {
  const permissions = Object.keys(PERMISSIONS) as Permission[];
  const head = `| role | ${permissions.map((p) => `\`${p}\``).join(' | ')} | reach |`;
  const rule = `|---|${permissions.map(() => ':---:').join('|')}|---|`;
  const rows = ROLES.map(
    (r) =>
      `| \`${r}\` | ${permissions.map((p) => (roleHolds(r, p) ? '✓' : '')).join(' | ')} | ${cell(ROLE_DESCRIPTIONS[r])} |`,
  );
  const meaning = permissions.map((p) => `- \`${p}\`: ${cell(PERMISSIONS[p].description)}`);
  return [head, rule, ...rows, '', ...meaning].join('\n');
}

export function renderRouteTable(routes: RouteEntry[]): string {
  const sorted = [...routes].sort((a, b) => a.url.localeCompare(b.url) || a.method.localeCompare(b.method));
  const rows = sorted.map((r) => {
    const roles = r.permission === 'public' ? 'anyone' : PERMISSIONS[r.permission].roles.join(', ');
    return `| \`${r.method}\` | \`${r.url}\` | \`${r.permission}\` | ${roles} | ${cell(r.summary)} |`;
  });
  return ['| method | route | permission | roles | what it does |', '|---|---|---|---|---|', ...rows].join('\n');
}

/** The document with the text between each pair of markers replaced. */
export function withSection(doc: string, begin: string, end: string, body: string): string {
  const from = doc.indexOf(begin);
  const to = doc.indexOf(end);
  if (from < 0 || to < from) throw new Error(`markers ${begin} … ${end} not found`);
  return `${doc.slice(0, from + begin.length)}\n${body}\n${doc.slice(to)}`;
}
