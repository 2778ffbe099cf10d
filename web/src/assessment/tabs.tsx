/**
 * The assessment section's tabs: explain, rankings of units and officers, trend, informational
 * figures, schemes, proposals, data quality, completeness.
 */
import { SectionTabs, type SectionTab } from '../ui/section-tabs.tsx';

const TABS: SectionTab[] = [
  { key: 'asm.tab.explain', to: '/assessment/explain' },
  { key: 'asm.tab.rankings', to: '/assessment/rankings' },
  { key: 'asm.tab.trend', to: '/assessment/trend' },
  { key: 'asm.tab.informational', to: '/assessment/informational' },
  { key: 'asm.tab.schemes', to: '/assessment/schemes' },
  { key: 'asm.tab.proposals', to: '/assessment/proposals' },
  { key: 'asm.tab.quality', to: '/assessment/quality' },
  { key: 'asm.tab.completeness', to: '/assessment/completeness' },
];

export function AssessmentTabs() {
  return <SectionTabs label="asm.tabs" tabs={TABS} />;
}
