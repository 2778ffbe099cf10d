/**
 * The outbox of the account using the app, and when it is sent: at start and after each
 * sign-in, when the browser says it is online again, every 30 s while records wait, and when
 * asked ("send now"). Rounds never overlap. The box shown is the signed-in account's, or,
 * before the server has answered who that is (the app opened without network), the account
 * last signed in on this device; it is only sent once the server has confirmed the session.
 *
 * @example
 *   const { entries, sending, sendNow } = useOutbox();
 */
import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
  useSyncExternalStore,
  type ReactNode,
} from 'react';
import { lastSignedIn, useAuth } from '../auth/auth.tsx';
import { sendOutbox, type RoundEnd } from './outbox-send.ts';
import { readOutbox, subscribeOutbox, type OutboxEntry } from './outbox-store.ts';

/** How often a box with waiting records is tried again. */
export const RETRY_MS = 30_000;

export interface Outbox {
  /** Whose box is shown; undefined when no account is known on this device. */
  user: string | undefined;
  /** Its entries, oldest first. */
  entries: OutboxEntry[];
  /** While a round runs: the entry on its way, and how many of the round were tried before it. */
  sending: { id: string; done: number; total: number } | null;
  /** How the last round ended, and when. */
  last: { at: Date; sent: number; end: RoundEnd } | null;
  sendNow(): void;
}

const EMPTY: OutboxEntry[] = [];

const OutboxContext = createContext<Outbox>({
  user: undefined,
  entries: EMPTY,
  sending: null,
  last: null,
  sendNow: () => {},
});

/** The account whose box a record goes into: the session's, or the last one signed in here. */
export function useOutboxUser(): string | undefined {
  const { session } = useAuth();
  return session?.username ?? lastSignedIn();
}

/** The entries of `user`'s box, kept current (other tabs included). */
export function useOutboxEntries(user: string | undefined): OutboxEntry[] {
  return useSyncExternalStore(
    subscribeOutbox,
    () => (user === undefined ? EMPTY : readOutbox(user)),
    () => EMPTY,
  );
}

export function OutboxProvider({ children }: { children: ReactNode }) {
  const { session, epoch, loginRequired } = useAuth();
  const user = useOutboxUser();
  const confirmed = session?.username;
  const entries = useOutboxEntries(user);
  const [sending, setSending] = useState<Outbox['sending']>(null);
  const [last, setLast] = useState<Outbox['last']>(null);
  const running = useRef(false);
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  const send = useCallback(async () => {
    // Only the account the server has confirmed sends, and only its own box; with the login
    // dialog up, the round waits for the sign-in (which starts one).
    if (!confirmed || loginRequired || running.current) return;
    if (!readOutbox(confirmed).some((e) => e.state === 'waiting')) return;
    running.current = true;
    try {
      const round = await sendOutbox(confirmed, {
        onEntry: (entry, done, total) => mounted.current && setSending({ id: entry.id, done, total }),
      });
      if (mounted.current) setLast({ at: new Date(), sent: round.sent, end: round.end });
    } finally {
      running.current = false;
      if (mounted.current) setSending(null);
    }
  }, [confirmed, loginRequired]);

  // At start, and after every sign-in (epoch).
  useEffect(() => {
    void send();
  }, [send, epoch]);

  useEffect(() => {
    const online = () => void send();
    window.addEventListener('online', online);
    return () => window.removeEventListener('online', online);
  }, [send]);

  const waiting = entries.some((e) => e.state === 'waiting');
  useEffect(() => {
    if (!waiting) return;
    const timer = setInterval(() => {
      // The `online` event sends as soon as the browser knows better.
      if (navigator.onLine !== false) void send();
    }, RETRY_MS);
    return () => clearInterval(timer);
  }, [waiting, send]);

  const sendNow = useCallback(() => void send(), [send]);
  const value = useMemo(() => ({ user, entries, sending, last, sendNow }), [user, entries, sending, last, sendNow]);
  return <OutboxContext.Provider value={value}>{children}</OutboxContext.Provider>;
}

export function useOutbox(): Outbox {
  return useContext(OutboxContext);
}
