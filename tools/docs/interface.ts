/**
 * The generated regions of docs/interface.md: every CLI command with its usage, the error codes
 * with their HTTP statuses and exit codes, and every HTTP route with its permission, parameters
 * and answer, from the command list, the error registry and the app's own routes and OpenAPI
 * document.
 */
import type { OpenAPIV3 } from 'openapi-types';
import { CATEGORIES, COMMANDS, ERRORS, KINDS, PERMISSIONS, type Category, type RouteReference } from './sources.ts';
import { code, orList, table } from './markdown.ts';
import type { Renderers } from './regions.ts';

/** What each category of error means to the caller; the type makes a new category wait for its words. */
const MEANING: Record<Category, string> = {
  invalid_input: 'a value or option is missing or not valid; the message names it',
  import_rejected: 'an import (or rows posted) had rejected rows: nothing was written; `details` lists them',
  not_found: 'no such thing, or it lies outside the account’s scope',
  conflict: 'the request contradicts what is there (voided already, decided already, a stale version)',
  unauthenticated: 'no valid session or token',
  forbidden: 'the role does not allow it, it lies outside the account’s scope, or the request came from another site',
  too_large: 'the body or file is over the size limit (HTTP 413)',
  rate_limited: 'too many attempts; `Retry-After` says when to try again',
  busy: 'the database is busy with another write; `Retry-After: 2`',
  not_ready: 'the server is still starting (migrations, the demonstration build) or is shutting down; `Retry-After: 2`',
  disk_full: 'the disk is full: nothing was written',
  internal: 'an unexpected failure, logged on the server',
};

function commands(): string {
  return COMMANDS.map((c) => {
    const usage = c.usage
      .split('\n')
      .map((l) => l.trim())
      .join('\n');
    return [
      `### ${code(`outpost ${c.name}`)}`,
      '',
      `${c.summary[0].toUpperCase()}${c.summary.slice(1)}.`,
      '',
      '```text',
      usage,
      '```',
    ].join('\n');
  }).join('\n\n');
}

function errorCodes(): string {
  const codes = Object.values(ERRORS);
  return table(
    ['category', 'HTTP status', 'CLI exit code', 'codes', 'meaning'],
    (Object.keys(CATEGORIES) as Category[]).map((c) => [
      code(c),
      String(CATEGORIES[c].status),
      String(CATEGORIES[c].exit),
      String(codes.filter((d) => d.category === c).length),
      MEANING[c],
    ]),
    'lrrrl',
  );
}

type Schema = OpenAPIV3.SchemaObject;

const KIND_NAMES = new Set(KINDS.map((k) => k.kind));

/** A parameter's accepted values, briefly. */
function hint(schema: Schema): string {
  const parts: string[] = [];
  if (schema.enum) {
    const values = schema.enum.map(String);
    if (values.every((v) => KIND_NAMES.has(v.replace(/\.xlsx$/, '')) || v === 'all.xlsx'))
      parts.push(values[0].endsWith('.xlsx') ? '`KIND.xlsx` or `all.xlsx`' : 'a [kind](import-formats.md)');
    else parts.push(orList(values.map(code)));
  } else if (schema.anyOf?.every((s) => ['ipv4', 'ipv6'].includes((s as Schema).format ?? '')))
    parts.push('an IPv4 or IPv6 address');
  else if (schema.anyOf) parts.push('`YYYY-MM-DD` or a UTC time');
  else if (schema.pattern === '^\\d{4}-(0[1-9]|1[0-2])$') parts.push('`YYYY-MM`');
  else if (schema.pattern === '^\\d{4}-\\d{2}-\\d{2}$') parts.push('`YYYY-MM-DD`');
  else if (schema.type === 'integer')
    parts.push(
      schema.maximum !== undefined && schema.maximum < 1e15 ? `${schema.minimum ?? 0}–${schema.maximum}` : 'a number',
    );
  if (schema.default !== undefined) parts.push(`default ${code(String(schema.default))}`);
  return parts.join(', ');
}

function parameters(op: OpenAPIV3.OperationObject, where: 'query' | 'path'): string {
  const ps = (op.parameters ?? []) as OpenAPIV3.ParameterObject[];
  return ps
    .filter((p) => p.in === where)
    .map((p) => {
      const h = [hint((p.schema ?? {}) as Schema), p.required && where === 'query' ? 'required' : '']
        .filter(Boolean)
        .join(', ');
      return `${code(p.name)}${h ? ` (${h})` : ''}`;
    })
    .join(' · ');
}

/** A JSON schema's outline: an object's keys, an array of it, or its type. */
function shape(schema: Schema | undefined, depth = 0): string {
  if (!schema) return 'JSON';
  if (schema.type === 'array') return `[${shape(schema.items as Schema, depth)}]`;
  if (schema.properties) {
    const keys = Object.keys(schema.properties);
    if (depth > 0) return `{${keys.join(', ')}}`;
    return `{${keys
      .map((k) => {
        const v = schema.properties![k] as Schema;
        return v.type === 'array' && (v.items as Schema)?.properties ? `${k}: ${shape(v, 1)}` : k;
      })
      .join(', ')}}`;
  }
  if (schema.anyOf || schema.oneOf) return 'JSON';
  if (schema.type === 'object') return '{…}';
  return String(schema.type ?? 'JSON');
}

/** The answers of an operation, statuses of the same outline together: `200 or 201 {written}`. */
function answers(op: OpenAPIV3.OperationObject): string {
  const byShape = new Map<string, string[]>();
  for (const [status, r] of Object.entries(op.responses ?? {})) {
    const json = (r as OpenAPIV3.ResponseObject).content?.['application/json']?.schema as
      (Schema & { $ref?: string }) | undefined;
    // Successes, and a route's own answer of another status (health's 503); not the error body.
    if (!status.startsWith('2') && (status !== '503' || json?.$ref !== undefined)) continue;
    const outline = json ? code(shape(json)) : 'a file';
    byShape.set(outline, [...(byShape.get(outline) ?? []), status]);
  }
  return [...byShape].map(([outline, statuses]) => `${orList(statuses)} ${outline}`).join('; ');
}

function body(op: OpenAPIV3.OperationObject): string {
  const content = (op.requestBody as OpenAPIV3.RequestBodyObject | undefined)?.content;
  if (!content) return '';
  const json = content['application/json']?.schema as Schema | undefined;
  return json ? code(shape(json)) : Object.keys(content).map(code).join(', ');
}

function route(ref: RouteReference, r: RouteReference['catalog'][number]): string {
  const path = r.url.replace(/:(\w+)/g, '{$1}');
  const op = (ref.openapi.paths[path] as Record<string, OpenAPIV3.OperationObject> | undefined)?.[
    r.method.toLowerCase()
  ];
  if (!op) throw new Error(`${r.method} ${r.url} is not in /api/openapi.json`);
  const who = r.permission === 'public' ? 'anyone' : PERMISSIONS[r.permission].roles.join(', ');
  const lines = [
    `- **${code(`${r.method} ${path}`)}** — ${r.summary || '(no summary)'}`,
    `  - permission ${code(r.permission)} (${who})`,
  ];
  const pathParams = parameters(op, 'path');
  if (pathParams) lines.push(`  - in the path: ${pathParams}`);
  const query = parameters(op, 'query');
  if (query) lines.push(`  - query: ${query}`);
  const b = body(op);
  if (b) lines.push(`  - body: ${b}`);
  lines.push(`  - answers ${answers(op)}`);
  return lines.join('\n');
}

function routes(ref: RouteReference): string {
  const groups = new Map<string, string[]>();
  for (const r of ref.catalog.filter((x) => !x.hidden)) {
    const path = r.url.replace(/:(\w+)/g, '{$1}');
    const op = (ref.openapi.paths[path] as Record<string, OpenAPIV3.OperationObject> | undefined)?.[
      r.method.toLowerCase()
    ];
    const tag = op?.tags?.[0] ?? 'other';
    const list = groups.get(tag) ?? [];
    list.push(route(ref, r));
    groups.set(tag, list);
  }
  return [...groups].map(([tag, list]) => [`### ${tag}`, '', ...list].join('\n')).join('\n\n');
}

/**
 * The options some command's usage names that the hand-written text of `doc` (outside its
 * generated regions) never explains as `` `--name ``: each one a gap in the docs.
 */
export function unexplainedOptions(doc: string): string[] {
  const prose = doc.replace(/<!-- ([a-z0-9_-]+):begin[^>]*-->[\s\S]*?<!-- \1:end -->/g, '');
  const named = new Set(COMMANDS.flatMap((c) => [...c.usage.matchAll(/--[a-z][a-z-]*/g)].map((m) => m[0])));
  return [...named].filter((o) => !new RegExp(`\`${o}\\b(?!-)`).test(prose)).sort();
}

/** The regions of docs/interface.md, with the routes the app registers. */
export function interfaceRegions(ref: RouteReference): Renderers {
  return { 'cli-commands': commands, 'error-codes': errorCodes, routes: () => routes(ref) };
}
