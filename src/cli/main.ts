/**
 * The `outpost` command: finds the subcommand, runs it, and turns any error into a message and
 * an exit code in one place.
 */
import { AppError, formatRowError, type RowError } from '../shared/errors.ts';
import type { Command, Io } from '../shared/cli/command.ts';
import { COMMANDS } from './commands.ts';

const PROCESS_IO: Io = { stdout: process.stdout, stderr: process.stderr };

export async function main(argv: string[], io: Io = PROCESS_IO): Promise<number> {
  const [name, ...rest] = argv;
  const command = COMMANDS.find((c: Command) => c.name === name);
  if (!command) {
    const list = COMMANDS.map((c) => `  ${c.usage}\n      ${c.summary}`).join('\n');
    io.stderr.write(
      `${name && name !== 'help' && name !== '--help' ? `unknown command: ${name}\n` : ''}usage: outpost <command>\n${list}\n`,
    );
    return name === 'help' || name === '--help' ? 0 : 2;
  }
  try {
    return await command.run(rest, io);
  } catch (e) {
    return reportError(e, io);
  }
}

export function reportError(e: unknown, io: Io): number {
  if (e instanceof AppError) {
    io.stderr.write(`outpost: ${e.message}\n`);
    for (const d of e.details) io.stderr.write(`${isRowError(d) ? formatRowError(d) : JSON.stringify(d)}\n`);
    return e.exitCode;
  }
  io.stderr.write(`outpost: unexpected failure: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  return 1;
}

function isRowError(d: unknown): d is RowError {
  return typeof d === 'object' && d !== null && 'file' in d && 'line' in d && 'reason' in d;
}
