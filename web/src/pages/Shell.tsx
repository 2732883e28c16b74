import { useState } from 'react';
import { NavLink, Outlet, useNavigate } from 'react-router-dom';
import { useAuth, useUser } from '../auth';
import { roleLabel, visibleAreas } from '../roles';

export function Logo() {
  return (
    <span className="logo">
      <svg aria-hidden="true" viewBox="0 0 32 32" width="28" height="28">
        <rect width="32" height="32" rx="8" fill="var(--brand)" />
        <circle cx="12.5" cy="16" r="6" fill="none" stroke="#fff" strokeWidth="2.6" />
        <circle cx="19.5" cy="16" r="6" fill="none" stroke="#fff" strokeWidth="2.6" />
      </svg>
      <span className="logo-text">Tandem</span>
    </span>
  );
}

export function Shell() {
  const user = useUser();
  const { logout } = useAuth();
  const navigate = useNavigate();
  const [loggingOut, setLoggingOut] = useState(false);
  const areas = visibleAreas(user.roles);

  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        Skip to main content
      </a>
      <header className="topbar">
        <NavLink to="/" className="brand-link" aria-label="Tandem home">
          <Logo />
        </NavLink>
        <div className="user-box">
          <div className="user-meta">
            <span className="user-name" data-testid="user-name">
              {user.name}
            </span>
            <span className="user-roles" data-testid="user-roles">
              {user.roles.map(roleLabel).join(' · ') || 'No roles'}
            </span>
          </div>
          <button
            type="button"
            className="btn btn-secondary btn-small"
            disabled={loggingOut}
            onClick={async () => {
              setLoggingOut(true);
              await logout();
              navigate('/login', { replace: true });
            }}
          >
            {loggingOut ? 'Logging out…' : 'Log out'}
          </button>
        </div>
      </header>
      <div className="shell-body">
        <nav className="sidenav" aria-label="Main">
          <ul>
            {areas.map((area) => (
              <li key={area.key}>
                <NavLink to={area.path} className="nav-link" data-area={area.key}>
                  <NavIcon area={area.key} />
                  <span>{area.label}</span>
                </NavLink>
              </li>
            ))}
          </ul>
          <p className="sidenav-foot">
            <a href="/demo" target="_blank" rel="noreferrer">
              Customer demo page
              <span className="visually-hidden"> (opens in a new tab)</span>
            </a>
          </p>
        </nav>
        <main id="main" className="content" tabIndex={-1}>
          <Outlet />
        </main>
      </div>
    </div>
  );
}

function NavIcon({ area }: { area: string }) {
  const common = {
    viewBox: '0 0 24 24',
    width: 18,
    height: 18,
    fill: 'none',
    stroke: 'currentColor',
    strokeWidth: 2,
    strokeLinecap: 'round' as const,
    strokeLinejoin: 'round' as const,
  };
  switch (area) {
    case 'console':
      return (
        <svg aria-hidden="true" {...common}>
          <path d="M4 14v-2a8 8 0 0 1 16 0v2" />
          <rect x="3" y="14" width="4" height="6" rx="1.5" />
          <rect x="17" y="14" width="4" height="6" rx="1.5" />
        </svg>
      );
    case 'conversations':
      return (
        <svg aria-hidden="true" {...common}>
          <path d="M21 12a8 8 0 0 1-11.6 7.1L4 20l1-4.4A8 8 0 1 1 21 12z" />
        </svg>
      );
    case 'insights':
      return (
        <svg aria-hidden="true" {...common}>
          <path d="M9 18h6M10 21h4M12 3a6 6 0 0 0-3.5 10.9c.6.5 1 1.2 1 2.1h5c0-.9.4-1.6 1-2.1A6 6 0 0 0 12 3z" />
        </svg>
      );
    case 'hotline':
      return (
        <svg aria-hidden="true" {...common}>
          <path d="M22 16.9v3a2 2 0 0 1-2.2 2 19.8 19.8 0 0 1-8.6-3.1 19.5 19.5 0 0 1-6-6A19.8 19.8 0 0 1 2.1 4.2 2 2 0 0 1 4.1 2h3a2 2 0 0 1 2 1.7c.1.9.4 1.8.7 2.7a2 2 0 0 1-.5 2.1L8 9.8a16 16 0 0 0 6 6l1.3-1.3a2 2 0 0 1 2.1-.4c.9.3 1.8.6 2.7.7a2 2 0 0 1 1.7 2z" />
        </svg>
      );
    case 'fraud':
      return (
        <svg aria-hidden="true" {...common}>
          <path d="M12 3l8 3v6c0 4.5-3.4 8.3-8 9-4.6-.7-8-4.5-8-9V6z" />
          <path d="M12 8v5M12 16h.01" />
        </svg>
      );
    case 'operations':
      return (
        <svg aria-hidden="true" {...common}>
          <path d="M4 20V10M10 20V4M16 20v-7M22 20H2" />
        </svg>
      );
    default:
      return (
        <svg aria-hidden="true" {...common}>
          <circle cx="12" cy="12" r="3" />
          <path d="M19.4 15a1.7 1.7 0 0 0 .3 1.8l.1.1a2 2 0 1 1-2.8 2.8l-.1-.1a1.7 1.7 0 0 0-1.8-.3 1.7 1.7 0 0 0-1 1.5V21a2 2 0 1 1-4 0v-.1a1.7 1.7 0 0 0-1.1-1.5 1.7 1.7 0 0 0-1.8.3l-.1.1a2 2 0 1 1-2.8-2.8l.1-.1a1.7 1.7 0 0 0 .3-1.8 1.7 1.7 0 0 0-1.5-1H3a2 2 0 1 1 0-4h.1a1.7 1.7 0 0 0 1.5-1.1 1.7 1.7 0 0 0-.3-1.8l-.1-.1a2 2 0 1 1 2.8-2.8l.1.1a1.7 1.7 0 0 0 1.8.3H9a1.7 1.7 0 0 0 1-1.5V3a2 2 0 1 1 4 0v.1a1.7 1.7 0 0 0 1 1.5 1.7 1.7 0 0 0 1.8-.3l.1-.1a2 2 0 1 1 2.8 2.8l-.1.1a1.7 1.7 0 0 0-.3 1.8V9a1.7 1.7 0 0 0 1.5 1H21a2 2 0 1 1 0 4h-.1a1.7 1.7 0 0 0-1.5 1z" />
        </svg>
      );
  }
}
