/**
 * Rankings of the rooms, stations or front-line officers within an area (typically a county)
 * for a month, with each one's move since the month before; a row opens its 12-month trend.
 */
import { query } from '../api/client.ts';
import type { AreaDetail } from '../api/types.ts';
import { useApi } from '../api/use-api.ts';
import { RankingTable } from '../dashboard/ranking-table.tsx';
import { useI18n, type MessageKey } from '../i18n/i18n.tsx';
import { href, navigate, useLocation, withQuery } from '../router/router.tsx';
import { AreaSearch } from '../ui/area-search.tsx';
import { MonthPicker } from '../ui/month-picker.tsx';
import { Async, Empty, Loading } from '../ui/states.tsx';
import { useAreaMonth } from '../ui/view-defaults.ts';
import { AssessmentTabs } from './tabs.tsx';
import type { OfficerRankings, UnitRankings } from './types.ts';
import { Segmented } from '../ui/segmented.tsx';
import { LockedBadge } from '../periods/period-badge.tsx';
import { ExportLinks } from '../ui/export-links.tsx';

const OF = ['room', 'station', 'officer'] as const;
type Of = (typeof OF)[number];
const LABEL: Record<Of, MessageKey> = {
  room: 'subjects.rooms',
  station: 'subjects.stations',
  officer: 'subjects.officers',
};

export function SubjectsPage() {
  const { t, fmt } = useI18n();
  const location = useLocation();
  const { area, month } = useAreaMonth();
  const ofParam = location.query.get('of');
  const of: Of = (OF as readonly string[]).includes(ofParam ?? '') ? (ofParam as Of) : 'room';
  const set = (changes: Record<string, string | undefined>) =>
    navigate(withQuery(location, changes), { replace: true });
  const ready = area !== null && month !== null;
  const detail = useApi<AreaDetail>(area ? `/areas/${encodeURIComponent(area)}` : null, { keep: true });
  const rows = useApi<UnitRankings | OfficerRankings>(
    ready
      ? of === 'officer'
        ? `/rankings/officers${query({ month, within: area })}`
        : `/rankings/units${query({ month, within: area, type: of })}`
      : null,
    { keep: true },
  );
  const name = detail.data?.name ?? '…';
  const caption = t('subjects.caption', { area: name, of: t(LABEL[of]), month: month ? fmt.month(month) : '…' });

  return (
    <div className="page subjects-page">
      <AssessmentTabs />
      <header className="page-head">
        <h1 tabIndex={-1}>
          {caption}
          <LockedBadge area={area} month={month} />
        </h1>
        <p className="muted">{t(of === 'officer' ? 'subjects.officerIntro' : 'subjects.unitIntro')}</p>
        <div className="controls">
          {month && <MonthPicker value={month} onChange={(m) => set({ month: m })} />}
          <Segmented
            legend={t('subjects.of')}
            name="of"
            value={of}
            options={OF.map((o) => ({ value: o, label: t(LABEL[o]) }))}
            onChange={(o) => set({ of: o })}
          />
          <AreaSearch label={t('subjects.within')} placeholder={name} onPick={(a) => set({ area: a.code })} />
          {ready && (
            <ExportLinks
              path={of === 'officer' ? '/rankings/officers' : '/rankings/units'}
              params={of === 'officer' ? { month, within: area } : { month, within: area, type: of }}
              what={caption}
            />
          )}
        </div>
      </header>
      <section className="panel" aria-label={caption} aria-busy={rows.loading}>
        {!ready ? (
          <Loading />
        ) : (
          <Async {...rows}>
            {(list) =>
              list.length === 0 ? (
                <Empty>{t('subjects.none')}</Empty>
              ) : (
                <RankingTable
                  rows={list}
                  caption={caption}
                  nameLabel={t(of === 'officer' ? 'officer.name' : 'subjects.name')}
                  hrefOf={(code) =>
                    href('/assessment/trend', { kind: of === 'officer' ? 'officer' : 'unit', code, month })
                  }
                />
              )
            }
          </Async>
        )}
      </section>
    </div>
  );
}
