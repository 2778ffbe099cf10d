/**
 * An officer's work as last fetched, kept on the device under its account, so that the record
 * form offers its covered villages by name also without a network (the API's answers are never
 * kept by the service worker).
 */
import { useEffect, useState } from 'react';
import { apiGet } from '../api/client.ts';
import type { Work } from '../api/types.ts';
import { useAuth } from '../auth/auth.tsx';

const KEY = 'outpost.work.';

function read(user: string): Work | undefined {
  try {
    const raw = window.localStorage.getItem(KEY + user);
    return raw ? (JSON.parse(raw) as Work) : undefined;
  } catch {
    return undefined;
  }
}

/** Keeps `work` (just fetched) for the signed-in account. */
export function useKeptWork(work: Work | undefined): void {
  const { session } = useAuth();
  const user = session?.username;
  useEffect(() => {
    if (!user || !work) return;
    try {
      window.localStorage.setItem(KEY + user, JSON.stringify(work));
    } catch {
      // Storage refused (private mode, full): the villages are then offered online only.
    }
  }, [user, work]);
}

/** The villages an officer's unit covers: asked for online, else those kept; empty for other accounts. */
export function useCoveredVillages(): { code: string; name: string }[] {
  const { session } = useAuth();
  const user = session?.badge ? session.username : undefined;
  const [covers, setCovers] = useState<{ code: string; name: string }[]>(() =>
    user ? (read(user)?.covers ?? []) : [],
  );
  useEffect(() => {
    if (!user) return;
    setCovers(read(user)?.covers ?? []);
    let live = true;
    apiGet<Work>('/work').then(
      (work) => {
        if (!live) return;
        setCovers(work.covers);
        try {
          window.localStorage.setItem(KEY + user, JSON.stringify(work));
        } catch {
          // As above: kept online only.
        }
      },
      () => {},
    );
    return () => {
      live = false;
    };
  }, [user]);
  return covers;
}
