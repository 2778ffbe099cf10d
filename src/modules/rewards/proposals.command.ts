/** `outpost proposals`: list a month's proposals within an area, or decide one (audited as the OS user). */
import type { Command, Io } from '../../shared/cli/command.ts';
import { parse, requireOption } from '../../shared/cli/args.ts';
import { fixed, textTable } from '../../shared/cli/table.ts';
import { withDatabase } from '../../shared/cli/with-db.ts';
import { validate } from '../../shared/validate.ts';
import { commandActor } from '../audit/audit.actor.ts';
import { AssessmentService } from '../assessment/assessment.service.ts';
import { decisionBody, proposalParams, proposalsQuery } from '#core/contracts/rewards.schema.ts';
import { decideProposal, proposalsFor } from './rewards.service.ts';
import { createContext } from '../app-context.ts';
import { operatorActor } from '../accounts/access.ts';

const USAGE = [
  'outpost proposals --month YYYY-MM --within CODE [--status proposed|approved|rejected] [--json]',
  'outpost proposals decide --id ID --decision approved|rejected [--note TEXT]',
].join('\n       ');

export const proposalsCommand: Command = {
  name: 'proposals',
  usage: USAGE,
  summary: 'commendations, criticisms and interviews proposed from the composites, and deciding them',
  async run(argv, io) {
    if (argv[0] === 'decide') return decide(argv.slice(1), io);
    const { values } = parse(
      argv,
      { month: { type: 'string' }, within: { type: 'string' }, status: { type: 'string' }, json: { type: 'boolean' } },
      USAGE,
    );
    const q = validate(proposalsQuery, {
      month: requireOption(values.month, 'month', USAGE),
      within: requireOption(values.within, 'within', USAGE),
      status: values.status,
    });
    return withDatabase(values.db, async (db) => {
      const list = await proposalsFor(createContext(db), operatorActor('proposals'), q);
      if (values.json) {
        io.stdout.write(`${JSON.stringify(list)}\n`);
        return 0;
      }
      io.stdout.write(
        textTable(
          ['id', 'measure', 'scheme', 'code', 'name', 'composite', 'rank', 'status'],
          list.map((p) => [
            p.id,
            p.measure,
            p.scheme,
            p.code,
            p.name,
            fixed(p.figures.composite, 2),
            `${p.figures.rank}/${p.figures.ranked}`,
            p.current ? p.status : `${p.status} (no longer proposed)`,
          ]),
        ),
      );
      return 0;
    });
  },
};

async function decide(argv: string[], io: Io): Promise<number> {
  const { values } = parse(
    argv,
    { id: { type: 'string' }, decision: { type: 'string' }, note: { type: 'string' } },
    USAGE,
  );
  const { id } = validate(proposalParams, { id: requireOption(values.id, 'id', USAGE) });
  const body = validate(decisionBody, {
    decision: requireOption(values.decision, 'decision', USAGE),
    note: values.note,
  });
  return withDatabase(values.db, async (db) => {
    const p = await decideProposal(
      db,
      new AssessmentService(db.kysely),
      commandActor('proposals decide'),
      id,
      body.decision,
      body.note ?? null,
    );
    io.stdout.write(
      `${p.status}: ${p.measure} of ${p.name} (${p.code}) under ${p.scheme}, composite ${fixed(p.figures.composite, 2)}\n`,
    );
    return 0;
  });
}
