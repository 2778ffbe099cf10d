/** The operations section's tabs: scheduled jobs, and channels with their deliveries, sign-in locks and the imports settings (admins). */
import { SectionTabs, type SectionTab } from '../ui/section-tabs.tsx';

const TABS: SectionTab[] = [
  { key: 'admin.tab.jobs', to: '/admin/jobs', needs: 'schedule:manage' },
  { key: 'admin.tab.channels', to: '/admin/channels', needs: 'channels:manage' },
  { key: 'admin.tab.locks', to: '/admin/locks', needs: 'accounts:manage' },
  { key: 'accounts.nav', to: '/admin/accounts', needs: 'accounts:manage' },
  { key: 'admin.tab.imports', to: '/admin/imports', needs: 'settings:manage' },
];

export function AdminTabs() {
  return <SectionTabs label="admin.tabs" tabs={TABS} />;
}
