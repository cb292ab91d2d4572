import { createContext } from 'preact';
import { useContext, useEffect, useState } from 'preact/hooks';
import { ApiError, NetworkError, SessionExpired } from './api';
import type { ConsoleConfig } from './api-types';
import type { Session } from './auth';
import type { Messages } from './i18n';

export interface SessionContextValue {
  config: ConsoleConfig;
  session: Session;
  /** Through sign-in and back to this screen; while offline, only says that it is needed. */
  signInAgain(): void;
  signOut(): void;
}

export const SessionContext = createContext<SessionContextValue | undefined>(undefined);

export function useSession(): SessionContextValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside a signed-in console');
  return value;
}

/** What went wrong, in words for the organiser; the API's own detail for a 4xx it explains. */
export function describeError(error: unknown, t: Messages): string {
  if (error instanceof SessionExpired) return t.errors.sessionExpired;
  if (error instanceof NetworkError) return t.errors.network;
  if (error instanceof ApiError) {
    if (error.status === 404) return t.errors.notFound;
    if (error.status === 403) return t.errors.forbidden;
    if (error.status === 503 || error.status === 429) return t.errors.busy;
    if (error.status >= 500) return t.errors.server;
    return error.problem?.detail ?? error.problem?.title ?? t.errors.server;
  }
  return t.errors.server;
}

export interface Loaded<T> {
  data?: T;
  error?: unknown;
  loading: boolean;
  reload(): void;
  setData(data: T): void;
}

/** Loads on mount and when deps change; a lapsed session sends the user through sign-in. */
export function useLoad<T>(load: () => Promise<T>, deps: unknown[]): Loaded<T> {
  const { signInAgain } = useSession();
  const [version, setVersion] = useState(0);
  const [state, setState] = useState<{ data?: T; error?: unknown; loading: boolean }>({ loading: true });
  useEffect(() => {
    let live = true;
    setState((previous) => ({ data: previous.data, loading: true }));
    load().then(
      (data) => live && setState({ data, loading: false }),
      (error: unknown) => {
        if (!live) return;
        if (error instanceof SessionExpired) signInAgain();
        setState((previous) => ({ data: previous.data, error, loading: false }));
      },
    );
    return () => {
      live = false;
    };
  }, [...deps, version]);
  return { ...state, reload: () => setVersion((value) => value + 1), setData: (data: T) => setState({ data, loading: false }) };
}
