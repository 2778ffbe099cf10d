/**
 * The informational figures of an area (with its children's, for comparison) or of a unit, as
 * the API and the CLI show them; never scored. The scope decides what is visible: an area of the
 * scope's subtree or one ranked beside it, and children only where its rankings reach.
 */
import type { z } from 'zod';
import { aggregateVisible, assertAggregateVisible, type Scope } from '../accounts/scope.ts';
import type { AssessmentService } from './assessment.service.ts';
import type { informationalQuery, informationalSchema } from '#core/contracts/subjects.schema.ts';
import type { UnitAssessment } from './unit-ranking.service.ts';

export type InformationalView = z.infer<typeof informationalSchema>;

export async function informationalView(
  assessment: AssessmentService,
  units: UnitAssessment,
  { kind, code, month }: z.infer<typeof informationalQuery>,
  scope: Scope | null,
): Promise<InformationalView> {
  const tree = await assessment.areas.tree();
  if (kind === 'unit') {
    const unit = await units.unit(code);
    assertAggregateVisible(tree, scope, unit.area_code, 'area');
    return { kind, code, month, name: unit.name, figures: await units.informational(code, month), children: [] };
  }
  assertAggregateVisible(tree, scope, code, 'area');
  const figures = await assessment.informationalOf(code, month);
  const children = aggregateVisible(tree, scope, code, 'children')
    ? await assessment.informationalOfChildren(code, month)
    : [];
  return { kind, code, month, name: tree.areas.get(code)!.name, figures, children };
}
