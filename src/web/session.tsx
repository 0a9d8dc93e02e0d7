/**
 * Who is logged in: read once from GET /api/session at start, set by the login page, cleared by
 * logging out. When the API answers 401 to a logged-in request (the session expired or was ended
 * elsewhere) the app goes to the login page with a message and comes back after login.
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { getSession, login as apiLogin, logout as apiLogout, setSessionEndedHandler, type SessionInfo } from './api.ts';
import { navigate, paths } from './router.tsx';

export type User = SessionInfo['user'];
export type Role = User['role'];

interface SessionState {
  /** undefined while the session is being read at start. */
  user: User | null | undefined;
  login(username: string, password: string): Promise<User>;
  logout(): Promise<void>;
}

const SessionContext = createContext<SessionState | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [user, setUser] = useState<User | null | undefined>(undefined);
  useEffect(() => {
    const controller = new AbortController();
    getSession(controller.signal).then(
      (session) => setUser(session?.user ?? null),
      () => {
        if (!controller.signal.aborted) setUser(null);
      },
    );
    setSessionEndedHandler(() => {
      setUser(null);
      const here = window.location.pathname + window.location.search;
      navigate(paths.login(here.startsWith(paths.login()) ? undefined : here, true));
    });
    return () => {
      controller.abort();
      setSessionEndedHandler(null);
    };
  }, []);
  const login = useCallback(async (username: string, password: string) => {
    const session = await apiLogin(username, password);
    setUser(session.user);
    return session.user;
  }, []);
  const logout = useCallback(async () => {
    try {
      await apiLogout();
    } finally {
      setUser(null);
      navigate(paths.start());
    }
  }, []);
  const value = useMemo(() => ({ user, login, logout }), [user, login, logout]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionState {
  const context = useContext(SessionContext);
  if (!context) throw new Error('useSession outside SessionProvider');
  return context;
}

/** Whether the role may edit plan content (the server also checks the organisation subtree). */
export const mayEditContent = (user: User | null | undefined) => user?.role === 'admin' || user?.role === 'redaktör';
/** Whether the role may take workflow steps (submit, reopen, adopt, archive). */
export const mayTakeWorkflowSteps = (user: User | null | undefined) => user?.role === 'admin' || user?.role === 'ledning';
/** Whether the role may edit budgets and investment budgets (the server also checks the subtree). */
export const mayEditEconomy = (user: User | null | undefined) => user?.role === 'admin' || user?.role === 'ekonom';
/** Whether the role may create plans, e.g. by rolling one over into a new period. */
export const mayCreatePlans = (user: User | null | undefined) => user?.role === 'admin' || user?.role === 'ledning';
