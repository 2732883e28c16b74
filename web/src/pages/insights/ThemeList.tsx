import { Link } from 'react-router-dom';
import { StatusBadge } from '../../components';
import { humanize } from '../../format';
import { DECISION_LABELS, type ThemeSummary } from './insights-types';

/** Themes as links with their count, status and, when today is a spike, a badge. */
export function ThemeList({
  themes,
  empty,
  testId,
}: {
  themes: ThemeSummary[];
  empty: string;
  testId: string;
}) {
  if (!themes.length) return <p className="muted">{empty}</p>;
  return (
    <ul className="theme-list" data-testid={testId}>
      {themes.map((t) => (
        <li key={t.id} data-theme-id={t.id}>
          <Link to={`/insights/themes/${t.id}`} className="theme-link">
            {t.label}
          </Link>{' '}
          <span className="count" title="Items">
            {t.itemsInWindow ?? t.itemCount}
          </span>{' '}
          <StatusBadge
            status={t.status === 'validated' ? 'completed' : t.status === 'draft' ? 'pending' : t.status}
            label={humanize(t.status)}
          />
          {t.today?.spike ? (
            <span
              className="badge badge-danger"
              data-testid="spike-badge"
              title={`${t.today.today} today against a baseline of ${t.today.baseline7.toFixed(1)}`}
            >
              Spike
            </span>
          ) : null}
          {t.decision ? <span className="badge badge-info">{DECISION_LABELS[t.decision]}</span> : null}
          {t.productArea ? <span className="muted small"> · {humanize(t.productArea)}</span> : null}
        </li>
      ))}
    </ul>
  );
}
