import { Link } from 'react-router-dom';
import { ErrorBanner, Loading, PageHeader } from '../../components';
import { formatDateTime } from '../../format';
import { useApi } from '../../use-api';
import { InsightsTabs } from './InsightsTabs';
import { DECISION_LABELS, SLA_LABELS, type SlaReport } from './insights-types';
import { useInsightsLive } from './use-insights-live';

export const hoursText = (h: number | null | undefined) =>
  typeof h === 'number' ? `${h.toFixed(1)} h` : '—';
const TONE = { ok: 'success', warning: 'warning', breached: 'danger' } as const;

/** `/insights/sla`: the 24-hour promise from first feedback to validation and decision. */
export function SlaPage() {
  const sla = useApi<SlaReport>('/api/v1/insights/sla');
  useInsightsLive(sla.reload);
  const r = sla.data;
  return (
    <>
      <PageHeader
        title="24-hour SLA"
        description="From a theme's first feedback to validation and to a product decision."
      />
      <InsightsTabs />
      {sla.error ? <ErrorBanner error={sla.error} onRetry={sla.reload} /> : null}
      {!r && sla.loading ? <Loading /> : null}
      {r ? (
        <>
          <dl className="figure-grid">
            <div className="figure-card">
              <dt>Target</dt>
              <dd>{r.targetHours} h</dd>
              <dd className="figure-sub">warning at {r.warningHours} h</dd>
            </div>
            <div className="figure-card">
              <dt>Median to validation</dt>
              <dd data-testid="median-validation">{hoursText(r.medianHoursToValidation)}</dd>
            </div>
            <div className="figure-card">
              <dt>Median to decision</dt>
              <dd data-testid="median-decision">{hoursText(r.medianHoursToDecision)}</dd>
            </div>
          </dl>
          <section className="card" aria-labelledby="sla-open">
            <h2 id="sla-open" className="section-title">
              Waiting for a decision <span className="count">{r.open.length}</span>
            </h2>
            {r.open.length === 0 ? <p className="muted">Nothing open.</p> : null}
            {r.open.length ? (
              <div className="table-wrap">
                <table className="table" data-testid="sla-open">
                  <thead>
                    <tr>
                      <th>Theme</th>
                      <th>Status</th>
                      <th>First feedback</th>
                      <th>Elapsed</th>
                      <th>State</th>
                    </tr>
                  </thead>
                  <tbody>
                    {r.open.map((t) => (
                      <tr key={t.id} data-theme-id={t.id} data-state={t.state}>
                        <td>
                          <Link to={`/insights/themes/${t.id}`}>{t.label}</Link>
                        </td>
                        <td>{t.status}</td>
                        <td>{formatDateTime(t.firstFeedbackAt)}</td>
                        <td>
                          <SlaMeter hours={t.elapsedHours} target={r.targetHours} state={t.state} />
                        </td>
                        <td>
                          <span className={`badge badge-${TONE[t.state]}`}>{SLA_LABELS[t.state]}</span>
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            ) : null}
          </section>
          <section className="card" aria-labelledby="sla-decided">
            <h2 id="sla-decided" className="section-title">
              Decided <span className="count">{r.decided.length}</span>
            </h2>
            {r.decided.length === 0 ? <p className="muted">No decisions in the last 30 days.</p> : null}
            {r.decided.length ? (
              <div className="table-wrap">
                <table className="table" data-testid="sla-decided">
                  <thead>
                    <tr>
                      <th>Theme</th>
                      <th>Decision</th>
                      <th>To validation</th>
                      <th>To decision</th>
                      <th>Within 24 h</th>
                    </tr>
                  </thead>
                  <tbody>
                    {r.decided.map((t) => (
                      <tr key={t.id} data-theme-id={t.id}>
                        <td>
                          <Link to={`/insights/themes/${t.id}`}>{t.label}</Link>
                        </td>
                        <td>{DECISION_LABELS[t.decision]}</td>
                        <td data-testid="hours-to-validation">{hoursText(t.hoursToValidation)}</td>
                        <td data-testid="hours-to-decision">{hoursText(t.hoursToDecision)}</td>
                        <td>
                          <span className={`badge badge-${t.withinTarget ? 'success' : 'danger'}`}>
                            {t.withinTarget ? 'Yes' : 'No, late'}
                          </span>
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            ) : null}
          </section>
        </>
      ) : null}
    </>
  );
}

/** Elapsed hours as text plus a small bar against the target (colour follows the state). */
function SlaMeter({ hours, target, state }: { hours: number; target: number; state: keyof typeof TONE }) {
  const share = Math.min(hours / target, 1);
  return (
    <span className="sla-meter" data-testid="elapsed">
      <svg viewBox="0 0 100 8" width="100" height="8" aria-hidden="true">
        <rect x={0} y={0} width={100} height={8} className="sla-track" />
        <rect x={0} y={0} width={share * 100} height={8} className={`sla-fill sla-${state}`} />
      </svg>{' '}
      {hoursText(hours)}
    </span>
  );
}
