import { type FormEvent, useEffect, useRef, useState } from 'react';
import { Navigate, useLocation, useNavigate } from 'react-router-dom';
import { ApiError, api } from '../api';
import { useAuth } from '../auth';
import { Loading } from '../components';
import { roleLabel } from '../roles';
import { Logo } from './Shell';

export interface DemoInfo {
  demoMode: boolean;
  staff: { email: string; password: string; roles: string[] }[];
  customers: { id: string; name: string; locale: string; country: string }[];
}

interface LocationState {
  from?: string;
  reason?: 'expired' | 'logged_out';
}

/** What to do next, by error code; the message itself comes from the API. */
const ERROR_HINTS: Record<string, string> = {
  invalid_credentials: 'Check your email and password and try again.',
  account_locked:
    'Too many failed attempts locked this account for a while. Try again later or ask an administrator.',
  rate_limited: 'Too many login attempts from here. Wait a minute before trying again.',
  network_error: 'The Tandem server could not be reached.',
};

export function LoginPage() {
  const { state, login } = useAuth();
  const navigate = useNavigate();
  const location = useLocation();
  const locationState = (location.state ?? {}) as LocationState;
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<{ code: string; message: string } | null>(null);
  const [demo, setDemo] = useState<DemoInfo | null>(null);
  const errorRef = useRef<HTMLDivElement>(null);
  const passwordRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    document.title = 'Log in · Tandem';
  }, []);

  useEffect(() => {
    const controller = new AbortController();
    api<DemoInfo>('/api/v1/demo/info', { signal: controller.signal })
      .then((info) => setDemo(info.demoMode ? info : null))
      .catch(() => setDemo(null)); // 404 when demo mode is off: show nothing.
    return () => controller.abort();
  }, []);

  useEffect(() => {
    if (error) errorRef.current?.focus();
  }, [error]);

  // After a deliberate logout, the next person starts from their own home page.
  const target =
    locationState.from && locationState.from !== '/login' && locationState.reason !== 'logged_out'
      ? locationState.from
      : '/';

  if (state.status === 'loading') {
    return (
      <div className="fullscreen-center">
        <Loading label="Checking your session…" />
      </div>
    );
  }
  if (state.status === 'authenticated' && !submitting) return <Navigate to={target} replace />;

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setError(null);
    setSubmitting(true);
    try {
      await login(email.trim(), password);
      navigate(target, { replace: true });
    } catch (err) {
      setSubmitting(false);
      if (err instanceof ApiError) setError({ code: err.code, message: err.message });
      else setError({ code: 'unknown', message: 'Something went wrong. Please try again.' });
      setPassword('');
    }
  }

  return (
    <div className="login-page">
      <main className="login-main" id="main">
        <div className="login-card card">
          <div className="login-brand">
            <Logo />
          </div>
          <h1 className="login-title">Log in to Tandem</h1>
          <p className="muted login-subtitle">Staff console for support, insights, fraud and operations.</p>

          {locationState.reason === 'expired' && !error ? (
            <div className="alert alert-info" role="status">
              Your session ended. Please log in again.
            </div>
          ) : null}

          {error ? (
            <div
              className="alert alert-error"
              role="alert"
              data-testid="login-error"
              data-code={error.code}
              tabIndex={-1}
              ref={errorRef}
            >
              <strong>{error.message}</strong>
              {ERROR_HINTS[error.code] ? <p>{ERROR_HINTS[error.code]}</p> : null}
            </div>
          ) : null}

          <form onSubmit={onSubmit} aria-label="Log in">
            <div className="field">
              <label htmlFor="login-email">Email</label>
              <input
                id="login-email"
                name="email"
                type="email"
                autoComplete="username"
                required
                value={email}
                onChange={(e) => setEmail(e.target.value)}
                aria-invalid={error?.code === 'invalid_credentials' ? true : undefined}
              />
            </div>
            <div className="field">
              <label htmlFor="login-password">Password</label>
              <input
                id="login-password"
                name="password"
                type="password"
                autoComplete="current-password"
                required
                ref={passwordRef}
                value={password}
                onChange={(e) => setPassword(e.target.value)}
                aria-invalid={error?.code === 'invalid_credentials' ? true : undefined}
              />
            </div>
            <button type="submit" className="btn btn-primary btn-block" disabled={submitting}>
              {submitting ? 'Logging in…' : 'Log in'}
            </button>
          </form>
        </div>

        {demo && demo.staff.length > 0 ? (
          <section className="card demo-accounts" aria-labelledby="demo-accounts-title">
            <h2 id="demo-accounts-title">Demo accounts</h2>
            <p className="muted">
              This server runs in demo mode with made-up data. Pick an account to fill in the form.
            </p>
            <table className="table table-compact">
              <thead>
                <tr>
                  <th scope="col">Email</th>
                  <th scope="col">Roles</th>
                  <th scope="col">
                    <span className="visually-hidden">Action</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {demo.staff.map((s) => (
                  <tr key={s.email}>
                    <td>
                      <code>{s.email}</code>
                    </td>
                    <td>{s.roles.map(roleLabel).join(', ')}</td>
                    <td className="cell-action">
                      <button
                        type="button"
                        className="btn btn-secondary btn-small"
                        aria-label={`Use ${s.email}`}
                        onClick={() => {
                          setEmail(s.email);
                          setPassword(s.password);
                          setError(null);
                          passwordRef.current?.focus();
                        }}
                      >
                        Use
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            <p className="muted small">
              {new Set(demo.staff.map((s) => s.password)).size === 1 ? (
                <>
                  Password for all demo accounts: <code>{demo.staff[0]?.password}</code> ·{' '}
                </>
              ) : null}
              <a href="/demo">Open the customer demo page</a>
            </p>
          </section>
        ) : null}
      </main>
    </div>
  );
}
