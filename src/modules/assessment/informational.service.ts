/**
 * The informational figures of an area (with its children's, for comparison) or of a unit, as
 * the API and the CLI show them; never scored. The scope decides what is visible: an area of the
 * scope's subtree or one ranked beside it, and children only where its rankings reach.
 */
import type { z } from 'zod';
import type { AppContext } from '../app-context.ts';
import { hasAccess, requireAccess, type Actor } from '../accounts/access.ts';
import type { informationalQuery, informationalSchema } from '#core/contracts/subjects.schema.ts';
import { UnitAssessment } from './unit-ranking.service.ts';
import { AppError } from '../../shared/errors.ts';

export type InformationalView = z.infer<typeof informationalSchema>;

export async function informationalFor(
  { assessment }: Pick<AppContext, 'assessment'>,
  { scope }: Actor,
  { kind, code, month }: z.infer<typeof informationalQuery>,
): Promise<InformationalView> {
  if (kind === 'unit') {
    const units = new UnitAssessment(assessment);
    const unit = await units.unit(code);
    // A unit whose figures are hidden is one that does not exist (not "no area ... exists", which would say where it is).
    if (!hasAccess(await assessment.areas.tree(), scope, 'area.figures', unit.area_code))
      throw new AppError('room_or_station_not_found', { unit: code });
    return { kind, code, month, name: unit.name, figures: await units.informational(code, month), children: [] };
  }
  await requireAccess(assessment.areas, scope, 'area.figures', code);
  const tree = await assessment.areas.tree();
  const figures = await assessment.informationalOf(code, month);
  const children = hasAccess(tree, scope, 'area.ranking', code)
    ? await assessment.informationalOfChildren(code, month)
    : [];
  return { kind, code, month, name: tree.areas.get(code)!.name, figures, children };
}
