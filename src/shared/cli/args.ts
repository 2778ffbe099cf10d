import { parseArgs, type ParseArgsConfig } from 'node:util';
import { AppError } from '../errors.ts';

type Options = NonNullable<ParseArgsConfig['options']>;

/** parseArgs with errors a person can act on, and `--db` accepted by every command. */
export function parse<O extends Options>(argv: string[], options: O, usage: string) {
  try {
    return parseArgs({
      args: argv,
      options: { db: { type: 'string' }, ...options },
      allowPositionals: true,
      strict: true,
    });
  } catch (e) {
    throw new AppError('cli_arguments', { problem: (e as Error).message, usage });
  }
}

export function requireOption(value: string | undefined, name: string, usage: string): string {
  if (!value) throw new AppError('option_required', { option: name, usage });
  return value;
}
