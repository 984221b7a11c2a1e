import type { Permission } from '@civicgrid/domain';
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { authApi } from './access-api';
import { ApiError, onUnauthenticated } from './api-client';
import type { SessionUser } from './api-types';
import type { MessageKey } from './i18n/i18n-context';

/** What the login page says on arriving there: the console's own words (by key), or the error that ended the check. */
export type SessionNotice = MessageKey | Error;

type SessionState =
  | { status: 'loading' }
  | { status: 'signed-out'; notice: SessionNotice | null }
  | { status: 'signed-in'; user: SessionUser };

interface Session {
  state: SessionState;
  signIn: (username: string, password: string) => Promise<void>;
  signOut: () => Promise<void>;
  signOutEverywhere: () => Promise<void>;
  changePassword: (currentPassword: string, newPassword: string) => Promise<void>;
}

const SessionContext = createContext<Session | null>(null);

/** Who is signed in, checked with the server on load; any 401 afterwards means the session is over. */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<SessionState>({ status: 'loading' });

  useEffect(() => {
    const controller = new AbortController();
    authApi
      .me(controller.signal)
      .then((user) => setState({ status: 'signed-in', user }))
      .catch((error: unknown) => {
        if (controller.signal.aborted) return;
        const notice = error instanceof ApiError && error.status === 401 ? null : error instanceof Error ? error : 'error.failed';
        setState({ status: 'signed-out', notice });
      });
    return () => controller.abort();
  }, []);

  useEffect(
    () =>
      onUnauthenticated(() =>
        setState((current) =>
          current.status === 'signed-in' ? { status: 'signed-out', notice: 'session.expired' } : current,
        ),
      ),
    [],
  );

  const signIn = useCallback(async (username: string, password: string) => {
    await authApi.login(username, password);
    setState({ status: 'signed-in', user: await authApi.me() });
  }, []);

  const signOut = useCallback(async () => {
    await authApi.logout();
    setState({ status: 'signed-out', notice: null });
  }, []);

  const signOutEverywhere = useCallback(async () => {
    await authApi.logoutEverywhere();
    setState({ status: 'signed-out', notice: 'session.signedOutEverywhere' });
  }, []);

  const changePassword = useCallback(async (currentPassword: string, newPassword: string) => {
    await authApi.changePassword(currentPassword, newPassword);
    // The server ends every session of the user, this one included.
    setState({ status: 'signed-out', notice: 'session.passwordChanged' });
  }, []);

  const session = useMemo(
    () => ({ state, signIn, signOut, signOutEverywhere, changePassword }),
    [state, signIn, signOut, signOutEverywhere, changePassword],
  );
  return <SessionContext.Provider value={session}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession needs a SessionProvider');
  return session;
}

/** The signed-in user; only for components rendered inside the signed-in part of the app. */
export function useCurrentUser(): SessionUser & { can: (permission: Permission) => boolean } {
  const { state } = useSession();
  const user = state.status === 'signed-in' ? state.user : null;
  const current = useMemo(
    () => user && { ...user, can: (permission: Permission) => user.permissions.includes(permission) },
    [user],
  );
  if (!current) throw new Error('useCurrentUser outside a signed-in session');
  return current;
}
