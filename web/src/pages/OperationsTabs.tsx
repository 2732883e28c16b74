import { NavLink } from 'react-router-dom';

/** The operations area's two views: account figures and the support operation. */
export function OperationsTabs() {
  return (
    <nav className="tabs" aria-label="Operations sections">
      <NavLink to="/operations" end className="tab">
        Accounts
      </NavLink>
      <NavLink to="/operations/support" className="tab">
        Support
      </NavLink>
    </nav>
  );
}
