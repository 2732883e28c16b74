import { NavLink } from 'react-router-dom';

const DAY = 86_400_000;

/** The CSV export of the last `days` days, today included (the route takes [from, to) dates). */
export function exportHref(now: Date, days = 30): string {
  const iso = (d: Date) => d.toISOString().slice(0, 10);
  return `/api/v1/insights/export.csv?from=${iso(new Date(now.getTime() - (days - 1) * DAY))}&to=${iso(new Date(now.getTime() + DAY))}`;
}

/** The insights area's views; the export is a plain download of the CSV route. */
export function InsightsTabs() {
  return (
    <nav className="tabs" aria-label="Insights sections">
      <NavLink to="/insights" end className="tab">
        Overview
      </NavLink>
      <NavLink to="/insights/review" className="tab">
        Review queue
      </NavLink>
      <NavLink to="/insights/sla" className="tab">
        24-hour SLA
      </NavLink>
      <a href={exportHref(new Date())} className="tab" download>
        Export CSV
      </a>
    </nav>
  );
}
