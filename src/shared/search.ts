/**
 * LIKE patterns for a user's search text: a code is matched by its start, a name anywhere in it.
 * LIKE's own wildcards are dropped from the text so that a search cannot widen itself.
 *
 * @example likePatterns('22%01') // { prefix: '2201%', contains: '%2201%' }
 */
export function likePatterns(q: string): { prefix: string; contains: string } {
  const text = q.replace(/[%_\\]/g, '');
  return { prefix: `${text}%`, contains: `%${text}%` };
}
