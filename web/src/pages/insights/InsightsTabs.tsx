import { NavLink } from 'react-router-dom';

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
      <a href="/api/v1/insights/export.csv" className="tab" download>
        Export CSV
      </a>
    </nav>
  );
}
