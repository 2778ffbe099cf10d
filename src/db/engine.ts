/** The two database engines Outpost runs on. */
export type Engine = 'sqlite' | 'postgres';

export function engineOf(url: string): Engine {
  return /^postgres(ql)?:\/\//.test(url) ? 'postgres' : 'sqlite';
}
