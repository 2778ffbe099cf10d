/**
 * How an audit actor is shown to people (issue 19): an account by its display name, else its
 * username; the CLI's operating-system user as such; never `user:admin`.
 *
 * @example
 *   shownName('user:admin', new Map([['admin', '王建国']])) // '王建国'
 *   shownName('os:root', new Map())                        // 'root'
 */

/** The username an actor names, or null when it is not an account (the CLI, anonymous). */
export function accountOf(actor: string): string | null {
  return actor.startsWith('user:') ? actor.slice('user:'.length) : null;
}

/** The name shown for `actor`, given the display names of the accounts (username → name). */
export function shownName(actor: string, names: ReadonlyMap<string, string | null>): string {
  const username = accountOf(actor);
  if (username !== null) return names.get(username) || username;
  const colon = actor.indexOf(':');
  return colon >= 0 ? actor.slice(colon + 1) : actor;
}
