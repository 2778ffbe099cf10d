/** What every CLI command is: a name, its usage line, and a run that returns the exit code. */
export interface Io {
  stdout: { write(s: string): unknown; isTTY?: boolean };
  stderr: { write(s: string): unknown; isTTY?: boolean };
}

export interface Command {
  name: string;
  usage: string;
  summary: string;
  run(argv: string[], io: Io): Promise<number>;
}
