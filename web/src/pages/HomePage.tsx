import { Navigate } from 'react-router-dom';
import { useUser } from '../auth';
import { EmptyState, PageHeader } from '../components';
import { visibleAreas } from '../roles';

/**
 * `/` sends people to the first area one of their roles is for (an admin who is only an admin goes
 * to Admin, not to a console they have no profile for); someone with no role gets a plain explanation.
 */
export function HomePage() {
  const user = useUser();
  const areas = visibleAreas(user.roles);
  const first =
    areas.find((a) => a.roles.some((r) => user.roles.includes(r))) ??
    areas.find((a) => a.key === 'admin') ??
    areas[0];
  if (first) return <Navigate to={first.path} replace />;
  return (
    <>
      <PageHeader title={`Welcome, ${user.name}`} />
      <EmptyState title="No areas yet">
        <p>Your account has no roles, so there is nothing to show. Ask an administrator to assign one.</p>
      </EmptyState>
    </>
  );
}
