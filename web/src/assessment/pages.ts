/** The assessment section's pages, one chunk loaded on first visit (see app.tsx). */
export { CompletenessPage } from './completeness-page.tsx';
export { ExplainPage } from './explain-page.tsx';
export { InformationalPage } from './informational-page.tsx';
export { ProposalsPage } from './proposals-page.tsx';
export { QualityPage } from './quality-page.tsx';
export { SchemesPage } from './schemes-page.tsx';
export { SubjectsPage } from './subjects-page.tsx';
export { TrendPage } from './trend-page.tsx';
