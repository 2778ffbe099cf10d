/**
 * A row of the period board (`GET periods`): SPEC §5's area, month and status, with who acted
 * and when, what awaits whom, the submissions below, and what the asking account may do.
 */
import type { Actor } from '../accounts/access.ts';
import type { PeriodRow } from '#core/contracts/periods.schema.ts';
import {
  awaiting,
  effectiveStatus,
  isSubmitter,
  lockedBy,
  PERIOD_ACTIONS,
  progressOf,
  type PeriodStatus,
} from '#core/periods/period-chain.ts';
import { chainTree, refusal, storedOf, type RuleContext } from './period-rules.ts';
import type { PeriodEntry } from './periods.repository.ts';
import { shownName } from '#core/accounts/shown-name.ts';

/** Who took each step, as people read them. */
function actedBy(entry: PeriodEntry | undefined, show: (actor: string) => string): PeriodRow['acted_by'] {
  const of = (actor: string | null | undefined) => (actor ? show(actor) : null);
  return { submitted: of(entry?.submitted_by), approved: of(entry?.approved_by), locked: of(entry?.locked_by) };
}

export function periodRow(actor: Actor, month: string, code: string, c: RuleContext): PeriodRow {
  const tree = chainTree(c.tree);
  const stored = storedOf(c.entries);
  const area = c.tree.areas.get(code)!;
  const entry = c.entries.get(code);
  const waits = awaiting(tree, stored, c.settings, code);
  return {
    area: code,
    month,
    status: effectiveStatus(tree, stored, c.settings, code),
    name: area.name,
    level: area.level,
    parent: area.parent_code,
    has_children: c.tree.children.childrenOf(code).length > 0,
    own_status: (entry?.status ?? 'open') as PeriodStatus,
    locked_within: lockedBy(tree, stored, code),
    submits: isSubmitter(tree, c.settings, code),
    submitted_by: entry?.submitted_by ?? null,
    submitted_at: entry?.submitted_at ?? null,
    approved_by: entry?.approved_by ?? null,
    approved_at: entry?.approved_at ?? null,
    locked_by: entry?.locked_by ?? null,
    locked_at: entry?.locked_at ?? null,
    acted_by: actedBy(entry, c.show ?? ((a) => shownName(a, new Map()))),
    awaiting: waits && { ...waits, by_name: waits.by === null ? null : (c.tree.areas.get(waits.by)?.name ?? null) },
    progress: progressOf(tree, stored, c.settings, code),
    // The board offers an unlock (its reason asked for there) wherever one would be allowed.
    actions: PERIOD_ACTIONS.filter((a) => refusal(actor, a, code, month, a === 'unlock' ? '-' : null, c) === null),
  };
}
