/** The operations pages and one's own subscriptions, one chunk loaded on first visit (see app.tsx). */
export { ChannelsPage } from './channels-page.tsx';
export { ImportsSettingsPage } from './imports-settings-page.tsx';
export { JobsPage } from './jobs-page.tsx';
export { LocksPage } from './locks-page.tsx';
export { AccountsPage } from './accounts-page.tsx';
export { SubscriptionsPage } from './subscriptions-page.tsx';
