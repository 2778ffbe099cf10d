/** The period board, a chunk of its own loaded on first visit (see app.tsx). */
export { PeriodsPage } from './periods-page.tsx';
