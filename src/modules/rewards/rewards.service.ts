/**
 * Rewards and punishments: proposals are derived from the figures on every read (so they follow
 * the data and the scheme in force); an admin approves or rejects one, and the decision keeps the
 * figures it was taken on, audited and in one transaction with it. A decided proposal stays
 * listed even once the figures no longer propose it (`current: false`).
 *
 * @example
 *   const list = await listProposals(assessment, '510000000000', '2019-06');
 *   await decideProposal(db, assessment, who, list[0].id, 'approved', 'well earned');
 */
import type { Database } from '../../db/database.ts';
import { bumpDataVersion } from '../../db/data-version.ts';
import { AppError } from '../../shared/errors.ts';
import { appendAudit, type AuditActor } from '../audit/audit.repository.ts';
import type { AssessmentService } from '../assessment/assessment.service.ts';
import type { AppContext } from '../app-context.ts';
import { auditPeopleRead, peopleInScope } from '../officers/people-read.ts';
import { requireAccess, type Actor } from '../accounts/access.ts';
import type { AnySchemeName } from '../assessment/domain/index.ts';
import type { Measure, SubjectKind } from './domain/proposals.ts';
import { parseProposalId } from '#core/rewards/proposal-id.ts';
import { deriveProposals, type DerivedProposal, type ProposalFigures } from './proposals.gather.ts';
import { decisionById, decisionsFor, insertDecision, type DecisionRow } from './rewards.repository.ts';
import { timestamp } from '../../shared/clock.ts';
import { shownNames } from '../accounts/shown-names.ts';

export type Decision = 'approved' | 'rejected';

export interface Proposal extends DerivedProposal {
  status: 'proposed' | Decision;
  /** False for a decided proposal that the figures as they are now no longer make. */
  current: boolean;
  decision: { note: string | null; decided_at: string; decided_by: string; decided_by_name: string } | null;
}

export async function listProposals(assessment: AssessmentService, within: string, month: string): Promise<Proposal[]> {
  const derived = await deriveProposals(assessment, within, month);
  const decided = new Map((await decisionsFor(assessment.db, month, within)).map((d) => [d.id, d]));
  const name = await shownNames(
    assessment.db,
    [...decided.values()].map((d) => d.decided_by),
  );
  const out: Proposal[] = derived.map((p) => withDecision(p, decided.get(p.id), true, name));
  const live = new Set(derived.map((p) => p.id));
  for (const d of decided.values()) if (!live.has(d.id)) out.push(withDecision(fromRow(d), d, false, name));
  return out;
}

/**
 * The proposals of an area's children for a month, by status when asked: figures of a ranking,
 * visible where the ranking is; those of officers only for the people of the actor's scope.
 */
export async function proposalsFor(
  ctx: Pick<AppContext, 'db' | 'areas' | 'assessment'>,
  actor: Actor,
  q: { within: string; month: string; status?: Proposal['status']; format?: string },
): Promise<Proposal[]> {
  await requireAccess(ctx.areas, actor.scope, 'area.ranking', q.within);
  const all = await listProposals(ctx.assessment, q.within, q.month);
  const visible = await peopleInScope(ctx.db, actor.scope, all, (p) => (p.subject_kind === 'officer' ? p.code : null));
  const shown = q.status ? visible.filter((p) => p.status === q.status) : visible;
  // Proposals of officers name them with their figures: a read of people, as their ranking is.
  const badges = shown.filter((p) => p.subject_kind === 'officer').map((p) => p.code);
  if (badges.length) await auditPeopleRead(ctx.db, actor.who, 'officer proposals', { ...q, badges });
  return shown;
}

export async function decideProposal(
  db: Database,
  assessment: AssessmentService,
  who: AuditActor,
  id: string,
  decision: Decision,
  note: string | null,
): Promise<Proposal> {
  const named = parseProposalId(id);
  if (!named) throw new AppError('proposal_id_invalid', { id });
  const earlier = await decisionById(db.kysely, id);
  if (earlier)
    throw new AppError('proposal_already_decided', {
      id,
      decision: earlier.decision,
      by: earlier.decided_by,
      at: earlier.decided_at,
    });
  const proposal = (await deriveProposals(assessment, named.within, named.month)).find((p) => p.id === id);
  if (!proposal) throw new AppError('proposal_not_found', { id });
  const row: DecisionRow = {
    id,
    month: proposal.month,
    within_code: proposal.within,
    scheme: proposal.scheme,
    subject_kind: proposal.subject_kind,
    subject_code: proposal.code,
    subject_name: proposal.name,
    measure: proposal.measure,
    decision,
    note,
    figures: JSON.stringify(proposal.figures),
    decided_at: timestamp(),
    decided_by: who.actor,
  };
  await db.transaction(async (tx) => {
    await bumpDataVersion(tx);
    if (await decisionById(tx.kysely, id)) throw new AppError('proposal_decided_meanwhile', { id });
    await insertDecision(tx.kysely, row);
    await appendAudit(tx, who, {
      action: 'proposal.decide',
      target: id,
      detail: {
        decision,
        note,
        measure: proposal.measure,
        scheme: proposal.scheme,
        subject: `${proposal.subject_kind} ${proposal.code}`,
        composite: proposal.figures.composite,
      },
    });
  });
  return withDecision(proposal, row, true, await shownNames(db.kysely, [row.decided_by]));
}

function withDecision(
  p: DerivedProposal,
  d: DecisionRow | undefined,
  current: boolean,
  name: (actor: string) => string,
): Proposal {
  return {
    ...p,
    status: d ? (d.decision as Decision) : 'proposed',
    current,
    decision: d
      ? { note: d.note, decided_at: d.decided_at, decided_by: d.decided_by, decided_by_name: name(d.decided_by) }
      : null,
  };
}

function fromRow(d: DecisionRow): DerivedProposal {
  return {
    id: d.id,
    month: d.month,
    within: d.within_code,
    scheme: d.scheme as AnySchemeName,
    subject_kind: d.subject_kind as SubjectKind,
    code: d.subject_code,
    name: d.subject_name,
    measure: d.measure as Measure,
    figures: JSON.parse(d.figures) as ProposalFigures,
  };
}
