import { useEffect } from 'react';
import { Link, useParams } from 'react-router-dom';
import { useUser } from '../../auth';
import { ErrorBanner, Loading, PageHeader, StatusBadge } from '../../components';
import { formatDateTime, humanize } from '../../format';
import { useApi } from '../../use-api';
import { DailyChart } from './Charts';
import { InsightsTabs } from './InsightsTabs';
import { DECISION_LABELS, type ThemeDetail } from './insights-types';
import { DecisionForm, ReviewActions } from './ThemeActions';
import { useInsightsLive } from './use-insights-live';

const has = (roles: readonly string[], ...want: string[]) =>
  roles.some((r) => r === 'admin' || want.includes(r));

/** `/insights/themes/:id`: trend, quotes, linked items, deliveries, decisions and the actions the user may take. */
export function ThemePage() {
  const { id = '' } = useParams();
  const user = useUser();
  const theme = useApi<ThemeDetail>(`/api/v1/insights/themes/${encodeURIComponent(id)}`);
  useInsightsLive(theme.reload);
  const t = theme.data;
  // Deliveries finish in the job queue without a live event: re-read every 3 s while one is under way.
  const inFlight = t?.deliveries.some((d) => d.status !== 'delivered' && d.status !== 'failed') ?? false;
  const { reload } = theme;
  useEffect(() => {
    if (!inFlight) return;
    const timer = window.setInterval(reload, 3000);
    return () => window.clearInterval(timer);
  }, [inFlight, reload]);
  return (
    <>
      <PageHeader title={t ? t.label : 'Theme'} description={t?.summary ?? undefined} />
      <InsightsTabs />
      {theme.error ? <ErrorBanner error={theme.error} onRetry={theme.reload} /> : null}
      {!t && theme.loading ? <Loading /> : null}
      {t ? (
        <>
          <div className="card">
            <dl className="facts" data-testid="theme-facts">
              <dt>Status</dt>
              <dd data-testid="theme-status">
                <StatusBadge
                  status={
                    t.status === 'validated' ? 'completed' : t.status === 'draft' ? 'pending' : t.status
                  }
                  label={humanize(t.status)}
                />
              </dd>
              <dt>Product area</dt>
              <dd>{t.productArea ? humanize(t.productArea) : '—'}</dd>
              <dt>Owning team</dt>
              <dd>{t.teamId ?? 'Not routed yet'}</dd>
              <dt>Items</dt>
              <dd>{t.itemCount}</dd>
              <dt>First feedback</dt>
              <dd>{formatDateTime(t.firstFeedbackAt)}</dd>
              <dt>Validated</dt>
              <dd>{t.validatedAt ? formatDateTime(t.validatedAt) : '—'}</dd>
              <dt>Decision</dt>
              <dd data-testid="theme-decision">
                {t.decision
                  ? `${DECISION_LABELS[t.decision]}${t.decisionNote ? `: ${t.decisionNote}` : ''}`
                  : '—'}
              </dd>
              {t.rejectedReason ? (
                <>
                  <dt>Rejected because</dt>
                  <dd>{t.rejectedReason}</dd>
                </>
              ) : null}
              {t.mergedInto ? (
                <>
                  <dt>Merged into</dt>
                  <dd>
                    <Link to={`/insights/themes/${t.mergedInto}`}>the surviving theme</Link>
                  </dd>
                </>
              ) : null}
            </dl>
          </div>
          <section className="card" aria-labelledby="trend-title">
            <h2 id="trend-title" className="section-title">
              Last 30 days
            </h2>
            <DailyChart title="Items per day" days={t.trend} />
          </section>
          <div className="insights-grid">
            {t.status === 'draft' && has(user.roles, 'insights_reviewer') ? (
              <ReviewActions theme={t} onDone={theme.reload} />
            ) : null}
            {t.status === 'validated' && has(user.roles, 'product') ? (
              <DecisionForm theme={t} onDone={theme.reload} />
            ) : null}
          </div>
          <section className="card" aria-labelledby="quotes-title">
            <h2 id="quotes-title" className="section-title">
              Representative quotes
            </h2>
            {t.quotes.map((q) => (
              <blockquote key={q.itemId} className="hotline-quote" lang={q.language}>
                “{q.quote}” <span className="muted small">· {humanize(q.kind)}</span>
              </blockquote>
            ))}
          </section>
          <section className="card" aria-labelledby="items-title">
            <h2 id="items-title" className="section-title">
              Linked feedback <span className="count">{t.items.length}</span>
            </h2>
            <ul className="event-list" data-testid="theme-items">
              {t.items.map((i) => (
                <li key={i.id} data-item-id={i.id}>
                  <span className="badge badge-neutral">{humanize(i.kind)}</span>{' '}
                  <span className={`small sentiment-text-${i.sentiment}`}>{i.sentiment}</span>
                  {i.urgency === 'high' ? <span className="badge badge-danger">Urgent</span> : null} “
                  {i.quote}” <span className="muted small">{formatDateTime(i.occurredAt)} · </span>
                  {i.sourceLink ? (
                    <Link to={i.sourceLink} className="small" data-testid="source-link">
                      {i.sourceLabel ?? humanize(i.source)}
                    </Link>
                  ) : (
                    <span className="small">{i.sourceLabel ?? humanize(i.source)}</span>
                  )}
                </li>
              ))}
            </ul>
          </section>
          <div className="insights-grid">
            <section className="card" aria-labelledby="deliveries-title">
              <h2 id="deliveries-title" className="section-title">
                Deliveries to the team
              </h2>
              {t.deliveries.length === 0 ? <p className="muted">Sent when the theme is validated.</p> : null}
              <ul className="event-list" data-testid="deliveries">
                {t.deliveries.map((d) => (
                  <li key={d.id} data-status={d.status}>
                    {humanize(d.channel)} to {d.teamId}: <strong>{humanize(d.status)}</strong>
                    <span className="muted small">
                      {' '}
                      · {d.attempts} attempt{d.attempts === 1 ? '' : 's'}
                      {d.deliveredAt ? ` · ${formatDateTime(d.deliveredAt)}` : ''}
                      {d.lastError ? ` · last error: ${d.lastError}` : ''}
                    </span>
                  </li>
                ))}
              </ul>
            </section>
            <section className="card" aria-labelledby="decisions-title">
              <h2 id="decisions-title" className="section-title">
                Decision history
              </h2>
              {t.decisions.length === 0 ? <p className="muted">No decision yet.</p> : null}
              <ul className="event-list" data-testid="decisions">
                {t.decisions.map((d) => (
                  <li key={d.decidedAt}>
                    <strong>{DECISION_LABELS[d.decision]}</strong> by {d.decidedBy ?? 'someone'},{' '}
                    {formatDateTime(d.decidedAt)}
                    {d.note ? <p>{d.note}</p> : null}
                  </li>
                ))}
              </ul>
            </section>
          </div>
        </>
      ) : null}
    </>
  );
}
