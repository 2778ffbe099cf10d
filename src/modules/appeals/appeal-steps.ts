/**
 * The way from an upheld appeal to the correction notice that closes it, as steps with the page
 * where each is done: unlock the area's month, correct its figures, lock it again, issue the
 * correction (the notifications page offers it once a notice stands). Whether a step is done
 * comes from the period's steps since the decision and from the appeal's correction.
 */
import type { AppealDetail } from '#core/contracts/appeals.schema.ts';

interface Facts {
  status: string;
  area_code: string;
  month: string;
  notification_area: string;
  correction_id: number | null;
}

export function appealSteps(a: Facts, since: { action: string }[]): AppealDetail['steps'] {
  if (a.status !== 'upheld') return [];
  const unlockedAt = since.findIndex((s) => s.action === 'unlock');
  const unlocked = unlockedAt >= 0;
  const relocked = unlocked && since.slice(unlockedAt + 1).some((s) => s.action === 'lock');
  const closed = a.correction_id !== null;
  const periods = `/periods?${new URLSearchParams({ area: a.notification_area, month: a.month })}`;
  return [
    { step: 'unlock', done: unlocked || closed, link: periods },
    {
      step: 'correct',
      done: relocked || closed,
      link: `/assessment/explain?${new URLSearchParams({ area: a.area_code, month: a.month })}`,
    },
    { step: 'relock', done: relocked || closed, link: periods },
    {
      step: 'correction',
      done: closed,
      link: closed
        ? `/notifications/${Number(a.correction_id)}`
        : `/notifications?${new URLSearchParams({ area: a.notification_area, month: a.month })}`,
    },
  ];
}
