/**
 * Who is signed in. Until the server has accounts every route is open and nothing shows; once
 * it does, `GET /session` or any later call answering 401 brings up the login dialog over the
 * page (what was being typed stays), and a successful login refetches every view. The account
 * signed in is shown in the header, with signing out. The last account known to be signed in
 * is remembered on the device until it signs out ({@link lastSignedIn}), so that records kept
 * while the server cannot be reached go into the right account's outbox.
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { API, clearCache, onUnauthorized, signedIn, signIns } from '../api/client.ts';
import type { Session } from '../api/types.ts';
import { LoginDialog } from './login-dialog.tsx';

export interface Auth {
  /** Grows at each login: views include it in what they fetch, so they load again. */
  epoch: number;
  /** True while the login dialog is shown. */
  loginRequired: boolean;
  /** The account signed in, when known. */
  session: Session | undefined;
  signOut(): Promise<void>;
}

const AuthContext = createContext<Auth>({
  epoch: 0,
  loginRequired: false,
  session: undefined,
  signOut: async () => {},
});

const LAST_USER = 'outpost.user';

/** The account last known to be signed in on this device (until it signs out), if any. */
export function lastSignedIn(): string | undefined {
  try {
    return window.localStorage.getItem(LAST_USER) ?? undefined;
  } catch {
    return undefined;
  }
}

function remember(username: string | undefined): void {
  try {
    if (username === undefined) window.localStorage.removeItem(LAST_USER);
    else window.localStorage.setItem(LAST_USER, username);
  } catch {
    // Storage refused (private mode): the outbox then needs the session itself.
  }
}

export function AuthProvider({ children }: { children: ReactNode }) {
  const [epoch, setEpoch] = useState(0);
  const [loginRequired, setLoginRequired] = useState(false);
  const [session, setSessionState] = useState<Session>();
  const setSession = useCallback((s: Session | undefined) => {
    if (s) remember(s.username);
    setSessionState(s);
  }, []);
  useEffect(() => {
    onUnauthorized(() => setLoginRequired(true));
    // Who am I: a server with accounts answers 401 when no one is signed in, and the login comes
    // first (pages that only write, like the import, would otherwise meet it halfway); a server
    // without accounts has no such route, and every page is open. Asked again when the network
    // comes back if it could not be asked at first.
    let known = false;
    const ask = () => {
      // An answer that comes after a sign-in speaks of no one: the sign-in has said who it is.
      const sent = signIns();
      return fetch(`${API}/session`, { credentials: 'same-origin', headers: { accept: 'application/json' } })
        .then((r) => {
          known = true;
          if (sent !== signIns()) return;
          if (r.status === 401) setLoginRequired(true);
          return r.ok ? (r.json() as Promise<Session>) : undefined;
        })
        .then(
          (s) => {
            if (sent === signIns()) setSession(s);
          },
          () => {},
        );
    };
    const again = () => void (known || ask());
    void ask();
    window.addEventListener('online', again);
    return () => {
      onUnauthorized(undefined);
      window.removeEventListener('online', again);
    };
  }, [setSession]);
  const loggedIn = useCallback(
    (s: Session) => {
      signedIn();
      setSession(s);
      setLoginRequired(false);
      setEpoch((e) => e + 1);
    },
    [setSession],
  );
  // Signing out starts the app afresh, so that nothing the last person saw stays in memory. The
  // outbox's records stay on the device under their account, sent when it next signs in here.
  const signOut = useCallback(async () => {
    try {
      await fetch(`${API}/session`, { method: 'DELETE', credentials: 'same-origin' });
    } finally {
      remember(undefined);
      clearCache();
      window.location.assign('/');
    }
  }, []);
  const value = useMemo(() => ({ epoch, loginRequired, session, signOut }), [epoch, loginRequired, session, signOut]);
  return (
    <AuthContext.Provider value={value}>
      <div inert={loginRequired || undefined}>{children}</div>
      {loginRequired && <LoginDialog onLoggedIn={loggedIn} />}
    </AuthContext.Provider>
  );
}

export function useAuth(): Auth {
  return useContext(AuthContext);
}
