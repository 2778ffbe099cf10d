/** Who an audit entry names: the signed-in account of a request, or the CLI's OS user. */
import os from 'node:os';
import type { FastifyRequest } from 'fastify';
import type { AuditActor } from './audit.repository.ts';

export function requestActor(request: FastifyRequest): AuditActor {
  return {
    actor: request.actor ?? 'anonymous',
    via: `${request.method} ${request.routeOptions.url ?? request.url.split('?')[0]}`,
    ip: request.ip ?? null,
  };
}

/** The CLI is an operator's tool on the server: it acts as the operating-system user (SPEC §4). */
export function commandActor(command: string): AuditActor {
  return { actor: cliActor(), via: `outpost ${command}`, ip: null };
}

/** Who the CLI acts as: the operating-system user who ran it (SPEC §4). */
export function cliActor(): string {
  try {
    return `os:${os.userInfo().username}`;
  } catch {
    return 'os:unknown';
  }
}
