/** The supervision section's tabs: the month's notification, the archive, tasks, appeals, periods, five problems, summary. */
import { SectionTabs, type SectionTab } from '../ui/section-tabs.tsx';

const TABS: SectionTab[] = [
  { key: 'sup.tab.notice', to: '/notifications' },
  { key: 'sup.tab.archive', to: '/notifications/archive', prefix: '/notifications/' },
  { key: 'sup.tab.tasks', to: '/tasks', prefix: '/tasks/', needs: 'tasks:read' },
  { key: 'sup.tab.appeals', to: '/appeals', prefix: '/appeals/', needs: 'tasks:read' },
  { key: 'sup.tab.periods', to: '/periods', needs: 'periods:read' },
  { key: 'sup.tab.five', to: '/five-problems' },
  { key: 'sup.tab.summary', to: '/summary' },
];

export function SupervisionTabs() {
  return <SectionTabs label="sup.tabs" tabs={TABS} />;
}
