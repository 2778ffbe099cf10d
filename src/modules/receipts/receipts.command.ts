/**
 * `outpost notify sign|remind|receipts`: an issued notice's receipts from the server's shell. The
 * operator acts province-wide (SPEC §4), so it may sign on a receiving area's behalf; the audit
 * trail and the notice's history name the operating-system user.
 */
import type { Io } from '../../shared/cli/command.ts';
import { parse, requireOption } from '../../shared/cli/args.ts';
import { textTable } from '../../shared/cli/table.ts';
import { withDatabase } from '../../shared/cli/with-db.ts';
import { validate } from '../../shared/validate.ts';
import { operatorActor } from '../accounts/access.ts';
import { createContext } from '../app-context.ts';
import { noticeParams } from '#core/contracts/notifications.schema.ts';
import { receiptParams, reminderBody, type ReceiptsView } from '#core/contracts/receipts.schema.ts';
import { receiptsFor, remindFor, signFor } from './receipts.service.ts';

export const RECEIPT_USAGE = [
  'outpost notify sign --id N --area CODE',
  'outpost notify remind --id N --areas CODE[,CODE...]',
  'outpost notify receipts --id N [--json]',
];

const OPTIONS = {
  id: { type: 'string' },
  area: { type: 'string' },
  areas: { type: 'string' },
  json: { type: 'boolean' },
} as const;

/** Runs one of the receipt subcommands. */
export async function receiptCommand(sub: 'sign' | 'remind' | 'receipts', argv: string[], io: Io, usage: string) {
  const { values } = parse(argv, OPTIONS, usage);
  const id = requireOption(values.id, 'id', usage);
  return withDatabase(values.db, async (db) => {
    const ctx = createContext(db);
    if (sub === 'sign') {
      const p = validate(receiptParams, { id, area: requireOption(values.area, 'area', usage) });
      const view = await signFor(ctx, operatorActor('notify sign'), p.id, p.area);
      io.stdout.write(`${p.area} signed for ${view.number}\n`);
      return 0;
    }
    const p = validate(noticeParams, { id });
    if (sub === 'remind') {
      const body = validate(reminderBody, { areas: requireOption(values.areas, 'areas', usage).split(',') });
      const r = await remindFor(ctx, operatorActor('notify remind'), p.id, body.areas);
      io.stdout.write(`reminded ${r.reminded.join(', ')}; ${r.events} event(s) announced\n`);
      return 0;
    }
    const view = await receiptsFor(ctx, operatorActor('notify receipts'), p.id);
    io.stdout.write(values.json ? `${JSON.stringify(view)}\n` : table(view));
    return 0;
  });
}

function table(view: ReceiptsView): string {
  return textTable(
    ['area', 'name', 'signed by', 'signed at', 'reminders'],
    view.receipts.map((r) => [r.area, r.area_name, r.signed_by, r.signed_at, String(r.reminders)]),
  );
}
