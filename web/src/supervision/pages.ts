/** The supervision section's pages, one chunk loaded on first visit (see app.tsx). */
export { ArchivePage } from './archive-page.tsx';
export { FiveProblemsPage } from './five-problems-page.tsx';
export { NoticePage } from './notice-page.tsx';
export { NotificationPage } from './notification-page.tsx';
export { SummaryPage } from './summary-page.tsx';
export { TaskBoardPage } from './task-board-page.tsx';
export { TaskPage } from './task-page.tsx';
export { TaskTablePage } from './task-table-page.tsx';
export { AppealsPage } from './appeals-page.tsx';
export { AppealPage } from './appeal-page.tsx';
