import type { Command } from './command.ts';
import { importCommand, templateCommand, voidCommand } from '../modules/imports/import.command.ts';

/** Every subcommand of `outpost`, in the order `outpost help` lists them. */
export const COMMANDS: Command[] = [importCommand, templateCommand, voidCommand];
