import { ErrorBanner, Loading, PageHeader } from '../../components';
import { formatNumber } from '../../format';
import { useApi } from '../../use-api';
import { DailyChart, SentimentBar } from './Charts';
import { InsightsTabs } from './InsightsTabs';
import type { FeedbackOverview, ThemeSummary } from './insights-types';
import { ThemeList } from './ThemeList';
import { useInsightsLive } from './use-insights-live';

/** `/insights`: volume per day, sentiment, top and rising themes; refreshed on live insights events. */
export function InsightsOverviewPage() {
  const overview = useApi<FeedbackOverview>('/api/v1/insights/overview?days=30');
  const top = useApi<{ themes: ThemeSummary[] }>('/api/v1/insights/themes?sort=top&limit=10');
  const rising = useApi<{ themes: ThemeSummary[] }>('/api/v1/insights/themes?sort=rising&limit=5');
  useInsightsLive(() => {
    overview.reload();
    top.reload();
    rising.reload();
  });
  const o = overview.data;
  return (
    <>
      <PageHeader
        title="Insights"
        description="Feedback from calls and chats, themed automatically and validated by a named reviewer."
      />
      <InsightsTabs />
      {overview.error ? <ErrorBanner error={overview.error} onRetry={overview.reload} /> : null}
      {!o && overview.loading ? <Loading /> : null}
      {o ? (
        <div className="insights-grid">
          <section className="card" aria-labelledby="volume-title">
            <h2 id="volume-title" className="section-title">
              Volume, last {o.days} days{' '}
              <span className="count" data-testid="total-items">
                {formatNumber(o.total)}
              </span>
            </h2>
            <DailyChart title="Feedback items per day" days={o.perDay} />
            <p className="muted small">{o.highUrgency} urgent</p>
          </section>
          <section className="card" aria-labelledby="sentiment-title">
            <h2 id="sentiment-title" className="section-title">
              Sentiment
            </h2>
            <SentimentBar split={o.bySentiment} />
          </section>
        </div>
      ) : null}
      <div className="insights-grid">
        <section className="card" aria-labelledby="top-title">
          <h2 id="top-title" className="section-title">
            Top themes
          </h2>
          {top.error ? <ErrorBanner error={top.error} onRetry={top.reload} /> : null}
          {top.data ? (
            <ThemeList themes={top.data.themes} empty="No themes yet." testId="top-themes" />
          ) : null}
        </section>
        <section className="card" aria-labelledby="rising-title">
          <h2 id="rising-title" className="section-title">
            Rising themes
          </h2>
          {rising.error ? <ErrorBanner error={rising.error} onRetry={rising.reload} /> : null}
          {rising.data ? (
            <ThemeList themes={rising.data.themes} empty="Nothing rising." testId="rising-themes" />
          ) : null}
        </section>
      </div>
    </>
  );
}
