import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { authApi } from '../../access-api';
import { ApiError, onUnauthenticated } from '../../api-client';
import type { SessionUser } from '../../api-types';
import { forgetUser, rememberedUser, rememberUser } from './remembered-user';

export type MobileSessionState =
  | { status: 'checking' }
  | { status: 'signed-out'; notice: string | null }
  /** `confirmed`: the server said so since the app opened; otherwise the phone's memory of the last sign-in. */
  | { status: 'signed-in'; user: SessionUser; confirmed: boolean };

interface MobileSession {
  state: MobileSessionState;
  signIn: (username: string, password: string) => Promise<void>;
  signOut: () => Promise<void>;
  /** The server ended the session (a 401 while sending or loading): sign in again, nothing waiting is lost. */
  sessionEnded: () => void;
}

const SESSION_ENDED_NOTICE = '登录已失效，请重新登录。未发送的内容仍保存在手机上，登录后自动发送。';

const MobileSessionContext = createContext<MobileSession | null>(null);

/**
 * Who uses the app. Unlike the console's session, it opens signed in from the phone's memory when there is no
 * network, and only the server's own 401 signs the worker out; no answer at all changes nothing.
 */
export function MobileSessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<MobileSessionState>(() => {
    const user = rememberedUser();
    return user ? { status: 'signed-in', user, confirmed: false } : { status: 'checking' };
  });

  const sessionEnded = useCallback(() => {
    forgetUser();
    setState((current) => (current.status === 'signed-out' ? current : { status: 'signed-out', notice: SESSION_ENDED_NOTICE }));
  }, []);

  useEffect(() => {
    const controller = new AbortController();
    authApi
      .me(controller.signal)
      .then((user) => {
        rememberUser(user);
        setState({ status: 'signed-in', user, confirmed: true });
      })
      .catch((error: unknown) => {
        if (controller.signal.aborted) return;
        if (error instanceof ApiError && error.status === 401) {
          setState((current) => {
            if (current.status === 'signed-in') {
              forgetUser();
              return { status: 'signed-out', notice: SESSION_ENDED_NOTICE };
            }
            return { status: 'signed-out', notice: null };
          });
        } else {
          // No network (or no server): a remembered worker goes on offline; a phone that never signed in must wait.
          setState((current) =>
            current.status === 'checking' ? { status: 'signed-out', notice: '无法连接服务器，首次使用请在有网络时登录' } : current,
          );
        }
      });
    return () => controller.abort();
  }, []);

  useEffect(() => onUnauthenticated(sessionEnded), [sessionEnded]);

  const signIn = useCallback(async (username: string, password: string) => {
    await authApi.login(username, password);
    const user = await authApi.me();
    rememberUser(user);
    setState({ status: 'signed-in', user, confirmed: true });
  }, []);

  const signOut = useCallback(async () => {
    // Needs the network: a phone that only forgot the worker would still hold a live session cookie.
    await authApi.logout();
    forgetUser();
    setState({ status: 'signed-out', notice: null });
  }, []);

  const session = useMemo(() => ({ state, signIn, signOut, sessionEnded }), [state, signIn, signOut, sessionEnded]);
  return <MobileSessionContext.Provider value={session}>{children}</MobileSessionContext.Provider>;
}

export function useMobileSession(): MobileSession {
  const session = useContext(MobileSessionContext);
  if (!session) throw new Error('useMobileSession needs a MobileSessionProvider');
  return session;
}

/** The worker of the signed-in part of the app. */
export function useWorker(): SessionUser {
  const { state } = useMobileSession();
  if (state.status !== 'signed-in') throw new Error('useWorker outside a signed-in session');
  return state.user;
}
