import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { ApiError, api, setCsrfToken, setUnauthorizedHandler } from './api';
import type { StaffUser } from './roles';

interface SessionResponse {
  user: StaffUser;
  csrfToken: string;
}

export type AuthState =
  | { status: 'loading' }
  | { status: 'anonymous'; reason?: 'expired' | 'logged_out' }
  | { status: 'authenticated'; user: StaffUser };

interface AuthContextValue {
  state: AuthState;
  login(email: string, password: string): Promise<StaffUser>;
  logout(): Promise<void>;
}

const AuthContext = createContext<AuthContextValue | null>(null);

export function AuthProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<AuthState>({ status: 'loading' });

  useEffect(() => {
    const controller = new AbortController();
    api<SessionResponse>('/api/v1/auth/session', { signal: controller.signal })
      .then((res) => {
        setCsrfToken(res.csrfToken);
        setState({ status: 'authenticated', user: res.user });
      })
      .catch((error: unknown) => {
        if (error instanceof DOMException && error.name === 'AbortError') return;
        setCsrfToken(null);
        setState({ status: 'anonymous' });
      });
    return () => controller.abort();
  }, []);

  useEffect(() => {
    setUnauthorizedHandler(() => {
      setCsrfToken(null);
      setState({ status: 'anonymous', reason: 'expired' });
    });
    return () => setUnauthorizedHandler(null);
  }, []);

  const login = useCallback(async (email: string, password: string) => {
    const res = await api<SessionResponse>('/api/v1/auth/login', {
      method: 'POST',
      body: { email, password },
    });
    setCsrfToken(res.csrfToken);
    setState({ status: 'authenticated', user: res.user });
    return res.user;
  }, []);

  const logout = useCallback(async () => {
    try {
      await api('/api/v1/auth/logout', { method: 'POST' });
    } catch (error) {
      // Already logged out (401) is fine; anything else still ends the local session.
      if (!(error instanceof ApiError)) console.warn('Logout failed', error);
    }
    setCsrfToken(null);
    setState({ status: 'anonymous', reason: 'logged_out' });
  }, []);

  const value = useMemo(() => ({ state, login, logout }), [state, login, logout]);
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthContextValue {
  const ctx = useContext(AuthContext);
  if (!ctx) throw new Error('useAuth must be used inside <AuthProvider>');
  return ctx;
}

/** The logged-in user; only for components rendered behind `RequireAuth`. */
export function useUser(): StaffUser {
  const { state } = useAuth();
  if (state.status !== 'authenticated') throw new Error('useUser needs an authenticated session');
  return state.user;
}
