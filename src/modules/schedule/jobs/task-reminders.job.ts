/** Reminders of supervision tasks still to be rectified, the configured days before their deadline. */
import { pendingTasksDue } from '../../supervision/tasks.repository.ts';
import { reminderJob } from './reminder.ts';
import { taskData, taskParts } from './task-text.ts';

export const taskRemindersJob = reminderJob({
  name: 'task-reminders',
  about: { zh: '整改任务到期提醒', en: 'Task deadline reminders' },
  event: 'task.reminder',
  cron: '0 8 * * *',
  daysBefore: (s) => s.task_reminder_days,
  async find(ctx, deadline, n) {
    return (await pendingTasksDue(ctx.db.kysely, deadline)).map((t) => {
      const p = taskParts(t);
      return {
        key: String(t.id),
        area: t.area_code,
        month: t.month,
        title: {
          zh: `整改任务${n}天后到期：${p.area.zh}${p.problem.zh}`,
          en: `A supervision task is due in ${n} day${n === 1 ? '' : 's'}: ${p.area.en}, ${p.problem.en}`,
        },
        text: {
          zh: `${t.notification_number}通报指出的${p.area.zh}“${p.problem.zh}”问题，整改期限为${deadline}（还有${n}天），目前${p.status.zh}${p.leader.zh}。`,
          en: `The problem "${p.problem.en}" of ${p.area.en} named by notification ${t.notification_number} is due for rectification on ${deadline} (in ${n} day${n === 1 ? '' : 's'}); it is ${p.status.en}${p.leader.en}.`,
        },
        link: `/tasks/${t.id}`,
        data: taskData(t),
      };
    });
  },
});
