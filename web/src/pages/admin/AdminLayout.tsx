import { NavLink, Outlet } from 'react-router-dom';
import { PageHeader } from '../../components';

const TABS = [
  { to: '/admin/staff', label: 'Staff users' },
  { to: '/admin/api-keys', label: 'API keys' },
  { to: '/admin/personas', label: 'Hotline personas' },
  { to: '/admin/audit', label: 'Audit log' },
];

export function AdminLayout() {
  return (
    <>
      <PageHeader
        title="Admin"
        description="Staff accounts, server-to-server API keys, the hotline personas and the audit trail."
      />
      <nav className="tabs" aria-label="Admin sections">
        {TABS.map((t) => (
          <NavLink key={t.to} to={t.to} className="tab">
            {t.label}
          </NavLink>
        ))}
      </nav>
      <Outlet />
    </>
  );
}
