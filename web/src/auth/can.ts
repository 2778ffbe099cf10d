/**
 * What the signed-in account may do, by the server's own permission registry, so that buttons
 * an account cannot use are not offered. A server without accounts (no session) allows all;
 * the server checks every write anyway.
 *
 * @example const can = useCan(); can('notifications:write') && <button>签发</button>
 */
import { useCallback } from 'react';
import { isRole, roleHolds, type Permission } from '#core/accounts/permissions.ts';
import { useAuth } from './auth.tsx';

export type { Permission };

export function useCan(): (permission: Permission) => boolean {
  const { session } = useAuth();
  const role = session?.role;
  return useCallback(
    (permission: Permission) => (role === undefined ? true : isRole(role) && roleHolds(role, permission)),
    [role],
  );
}
