/** How a supervision task is named in reminders and escalations, in both languages. */
import type { SchemeName } from '../../assessment/domain/index.ts';
import type { Text } from '../../channels/events.ts';
import { indicatorLabel, schemeLabel } from '../../notifications/indicator-labels.ts';
import type { TaskRow } from '../../supervision/tasks.repository.ts';

const STATUS: Record<string, Text> = {
  open: { zh: '尚未开始整改', en: 'not yet started' },
  in_progress: { zh: '正在整改', en: 'in progress' },
};

export function taskParts(t: TaskRow): { area: Text; problem: Text; status: Text; leader: Text } {
  const area = t.area_name ?? t.area_code;
  const scheme = t.scheme as SchemeName;
  return {
    area: { zh: area, en: area },
    problem: {
      zh: `${schemeLabel(scheme, 'zh', true)}·${indicatorLabel(t.indicator, 'zh')}`,
      en: `${schemeLabel(scheme, 'en', true)}: ${indicatorLabel(t.indicator, 'en')}`,
    },
    status: STATUS[t.status] ?? { zh: t.status, en: t.status },
    leader: t.leader_name
      ? {
          zh: `，责任领导：${t.leader_name}${t.leader_title ? `（${t.leader_title}）` : ''}`,
          en: `; responsible: ${t.leader_name}${t.leader_title ? ` (${t.leader_title})` : ''}`,
        }
      : { zh: '，尚未指定责任领导', en: '; no responsible leader named yet' },
  };
}

export function taskData(t: TaskRow): Record<string, unknown> {
  return {
    task: Number(t.id),
    notification: t.notification_number,
    issuing_area: t.issuing_area,
    scheme: t.scheme,
    indicator: t.indicator,
    deadline: t.deadline,
    status: t.status,
  };
}
