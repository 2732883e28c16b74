import type { ReactNode } from 'react';
import { Link, Navigate, useLocation } from 'react-router-dom';
import { useAuth, useUser } from '../auth';
import { Loading, PageHeader } from '../components';
import { type AreaKey, areaByKey, canSee, roleLabel, visibleAreas } from '../roles';

export function RequireAuth({ children }: { children: ReactNode }) {
  const { state } = useAuth();
  const location = useLocation();
  if (state.status === 'loading') {
    return (
      <div className="fullscreen-center">
        <Loading label="Checking your session…" />
      </div>
    );
  }
  if (state.status === 'anonymous') {
    const from = `${location.pathname}${location.search}`;
    return <Navigate to="/login" replace state={{ from, reason: state.reason }} />;
  }
  return <>{children}</>;
}

export function AreaGuard({ area, children }: { area: AreaKey; children: ReactNode }) {
  const user = useUser();
  const target = areaByKey(area);
  if (!canSee(user.roles, target)) return <NoAccessPage areaLabel={target.label} allowed={target.roles} />;
  return <>{children}</>;
}

export function NoAccessPage({ areaLabel, allowed }: { areaLabel: string; allowed: readonly string[] }) {
  const user = useUser();
  const areas = visibleAreas(user.roles);
  const who = ['admin', ...allowed].map(roleLabel).join(', ');
  return (
    <section className="no-access" data-testid="no-access" aria-labelledby="no-access-title">
      <PageHeader title="You don't have access" />
      <div className="card">
        <p id="no-access-title">
          The <strong>{areaLabel}</strong> area is only available to these roles: {who}. Your roles:{' '}
          {user.roles.length > 0 ? user.roles.map(roleLabel).join(', ') : 'none'}.
        </p>
        <p>If you need it for your work, ask an administrator to change your roles.</p>
        {areas.length > 0 ? (
          <p>
            Go to{' '}
            {areas.map((a, i) => (
              <span key={a.key}>
                {i > 0 ? ', ' : ''}
                <Link to={a.path}>{a.label}</Link>
              </span>
            ))}
            .
          </p>
        ) : null}
      </div>
    </section>
  );
}
