/**
 * "Find your community officer": search a community or village by name, pick one, and see the
 * rooms responsible for it today with their front-line officers, phones (tap to call) and hours.
 * The chosen area and the search are in the URL, so a link can be shared in a village group.
 */
import { useEffect, useId, useState, type FormEvent } from 'react';
import { query } from '../api/client.ts';
import { useApi } from '../api/use-api.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { href, Link, navigate, useLocation } from '../router/router.tsx';
import { Async, Empty } from '../ui/states.tsx';
import type { PublicArea, PublicOfficers } from './public-types.ts';
import { RoomSketch } from './room-sketch.tsx';

export function FindOfficerPage() {
  const { t } = useI18n();
  const location = useLocation();
  const area = location.query.get('area');
  const q = location.query.get('q') ?? '';
  return (
    <div className="page public-page">
      <header className="page-head">
        <h1 tabIndex={-1}>{t('public.find.title')}</h1>
        {!area && <p className="muted">{t('public.find.intro')}</p>}
      </header>
      {area ? <AreaOfficers code={area} back={href('/public', { q: q || undefined })} /> : <AreaFinder initial={q} />}
    </div>
  );
}

function AreaFinder({ initial }: { initial: string }) {
  const { t, tr } = useI18n();
  const id = useId();
  const [text, setText] = useState(initial);
  const [asked, setAsked] = useState(initial.trim());
  // Ask as the person types, a moment after the last key; Enter asks at once.
  useEffect(() => {
    const timer = setTimeout(() => setAsked(text.trim()), 300);
    return () => clearTimeout(timer);
  }, [text]);
  useEffect(() => {
    navigate(href('/public', { q: asked || undefined }), { replace: true });
  }, [asked]);
  const results = useApi<PublicArea[]>(asked ? `/public/areas${query({ q: asked.slice(0, 32) })}` : null, {
    keep: true,
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setAsked(text.trim());
  };
  return (
    <div className="panel">
      <form className="public-search" role="search" onSubmit={submit}>
        <label htmlFor={id}>{t('public.find.label')}</label>
        <div className="input-with-button">
          <input
            id={id}
            type="search"
            enterKeyHint="search"
            autoComplete="off"
            maxLength={32}
            placeholder={t('public.find.placeholder')}
            value={text}
            onChange={(e) => setText(e.target.value)}
          />
          <button type="submit" className="primary">
            {t('public.find.button')}
          </button>
        </div>
      </form>
      <div aria-live="polite">
        {asked && (
          <Async {...results}>
            {(areas) =>
              areas.length === 0 ? (
                <Empty>{t('public.find.noResults', { q: asked })}</Empty>
              ) : (
                <>
                  <p className="muted small">{t('public.find.results', { n: areas.length })}</p>
                  <ul className="choice-list">
                    {areas.map((a) => (
                      <li key={a.code}>
                        <Link href={href('/public', { area: a.code, q: asked })}>
                          <strong>
                            <bdi>{a.name}</bdi>
                          </strong>
                          <small>
                            {a.place}
                            {a.urban_rural === 'urban' || a.urban_rural === 'rural'
                              ? ` · ${tr('urban', a.urban_rural)}`
                              : ''}
                          </small>
                        </Link>
                      </li>
                    ))}
                  </ul>
                  {areas.length >= 20 && <p className="muted small">{t('public.find.more')}</p>}
                </>
              )
            }
          </Async>
        )}
      </div>
    </div>
  );
}

function AreaOfficers({ code, back }: { code: string; back: string }) {
  const { t, tr } = useI18n();
  const loaded = useApi<PublicOfficers>(`/public/officers${query({ area: code })}`);
  if (loaded.error?.status === 404 || loaded.error?.status === 400)
    return (
      <div className="stack-gap">
        <Empty>{t('public.notFound')}</Empty>
        <Link href={back}>{t('public.find.change')}</Link>
      </div>
    );
  return (
    <Async {...loaded}>
      {({ area, rooms }) => (
        <div className="stack-gap">
          <section className="panel public-area" aria-labelledby="public-area-h">
            <h2 id="public-area-h" className="area-title">
              <bdi>{area.name}</bdi>
            </h2>
            <p className="muted">{area.place}</p>
            <Link href={back} className="small">
              {t('public.find.change')}
            </Link>
          </section>
          <section aria-labelledby="rooms-h" className="stack-gap">
            <h2 id="rooms-h">{t('public.area.rooms')}</h2>
            {rooms.length === 0 ? (
              <Empty>{t('public.area.noRooms')}</Empty>
            ) : (
              rooms.map((room, i) => (
                <article key={i} className="panel room-card" aria-labelledby={`room-${i}`}>
                  <h3 id={`room-${i}`}>
                    <bdi>{room.name}</bdi> <span className="badge badge-muted">{tr('unitType', room.type)}</span>
                  </h3>
                  <dl className="facts">
                    <div>
                      <dt>{t('public.room.phone')}</dt>
                      <dd>
                        <Phone phone={room.phone} none={t('public.room.noPhone')} />
                      </dd>
                    </div>
                    <div>
                      <dt>{t('public.room.hours')}</dt>
                      <dd>{room.hours ?? <span className="muted">{t('public.room.noHours')}</span>}</dd>
                    </div>
                    {room.address && (
                      <div>
                        <dt>{t('public.room.address')}</dt>
                        <dd>{room.address}</dd>
                      </div>
                    )}
                  </dl>
                  {room.map && <RoomSketch sketch={room.map} room={room.name} />}
                  <h4 className="small-heading">{t('public.officers')}</h4>
                  {room.officers.length === 0 ? (
                    <p className="muted">{t('public.noOfficers')}</p>
                  ) : (
                    <ul className="plain-list officer-list">
                      {room.officers.map((o, j) => (
                        <li key={j}>
                          <span>
                            <strong>
                              <bdi>{o.name}</bdi>
                            </strong>{' '}
                            <span className="muted">{tr('role', o.role)}</span>
                          </span>
                          <Phone
                            phone={o.phone}
                            none={t(room.phones === 'room' ? 'public.officer.callRoom' : 'public.officer.noPhone')}
                          />
                        </li>
                      ))}
                    </ul>
                  )}
                </article>
              ))
            )}
          </section>
          <p>
            <Link className="button primary big-button" href={href('/public/survey', { area: area.code })}>
              {t('public.toSurvey')}
            </Link>
          </p>
        </div>
      )}
    </Async>
  );
}

function Phone({ phone, none }: { phone: string | null; none: string }) {
  const { t } = useI18n();
  if (!phone) return <span className="muted small">{none}</span>;
  return (
    <a className="phone-link" href={`tel:${phone.replace(/[^\d+]/g, '')}`} aria-label={t('public.call', { phone })}>
      <span aria-hidden="true">☎</span> {phone}
    </a>
  );
}
