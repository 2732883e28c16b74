import { Link } from 'react-router-dom';
import { PageHeader } from '../components';

export function NotFoundPage() {
  return (
    <>
      <PageHeader title="Page not found" />
      <div className="card">
        <p>There is nothing at this address.</p>
        <p>
          <Link to="/">Go to the start page</Link>
        </p>
      </div>
    </>
  );
}
