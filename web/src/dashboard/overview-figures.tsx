/** The standing figures a provincial summary opens with: rooms, officers, patrols, origins. */
import type { ReactNode } from 'react';
import type { Overview } from '../api/types.ts';
import { useI18n } from '../i18n/i18n.tsx';

const ORIGINS = ['existing', 'agency_transfer', 'new_recruit', 'civilian_hire'] as const;

export function OverviewFigures({ overview }: { overview: Overview }) {
  const { t, fmt } = useI18n();
  const { units, officers, patrols, origins } = overview;
  const postedOrigins = ORIGINS.reduce((n, o) => n + origins[o], 0);
  return (
    <div className="figures">
      <Figure label={t('dash.rooms')} value={fmt.count(units.community_room + units.rural_office)}>
        {t('dash.communityRooms')} {fmt.count(units.community_room)} · {t('dash.ruralOffices')}{' '}
        {fmt.count(units.rural_office)}
      </Figure>
      <Figure label={t('dash.stations')} value={fmt.count(units.station)}>
        {t('dash.bureaus')} {fmt.count(units.bureau)}
      </Figure>
      <Figure label={t('dash.frontLine')} value={fmt.count(officers.community + officers.resident)}>
        {t('role.community')} {fmt.count(officers.community)} · {t('role.resident')} {fmt.count(officers.resident)}
        <br />
        {t('role.station')} {fmt.count(officers.station)} · {t('role.civilian')} {fmt.count(officers.civilian)}
      </Figure>
      <Figure label={t('dash.patrols')} value={fmt.count(patrols.full_time.teams + patrols.volunteer.teams)}>
        {t('patrol.full_time')}{' '}
        {t('dash.teamsMembers', {
          teams: fmt.count(patrols.full_time.teams),
          members: fmt.count(patrols.full_time.members),
        })}
        <br />
        {t('patrol.volunteer')}{' '}
        {t('dash.teamsMembers', {
          teams: fmt.count(patrols.volunteer.teams),
          members: fmt.count(patrols.volunteer.members),
        })}
      </Figure>
      <div className="figure figure-wide">
        <span className="figure-label">{t('dash.origins')}</span>
        <div className="origin-bar" aria-hidden="true">
          {ORIGINS.map((o) =>
            origins[o] > 0 ? <span key={o} className={`origin-${o}`} style={{ flexGrow: origins[o] }} /> : null,
          )}
          {postedOrigins === 0 && <span className="origin-none" style={{ flexGrow: 1 }} />}
        </div>
        <ul className="origin-legend">
          {ORIGINS.map((o) => (
            <li key={o}>
              <span className={`swatch origin-${o}`} aria-hidden="true" />
              {t(`origin.${o}`)} <strong>{fmt.count(origins[o])}</strong>
              {postedOrigins > 0 && <small> ({fmt.percent(origins[o] / postedOrigins, 0)})</small>}
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}

function Figure({ label, value, children }: { label: string; value: string; children: ReactNode }) {
  return (
    <div className="figure">
      <span className="figure-label">{label}</span>
      <strong className="figure-value">{value}</strong>
      <span className="figure-detail">{children}</span>
    </div>
  );
}
