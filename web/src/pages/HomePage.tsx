import { Navigate } from 'react-router-dom';
import { useUser } from '../auth';
import { EmptyState, PageHeader } from '../components';
import { visibleAreas } from '../roles';

/** `/` sends people to their first area; someone with no role gets a plain explanation. */
export function HomePage() {
  const user = useUser();
  const first = visibleAreas(user.roles)[0];
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
