import { ErrorBanner, Loading, PageHeader } from '../../components';
import { useApi } from '../../use-api';
import { InsightsTabs } from './InsightsTabs';
import type { ThemeSummary } from './insights-types';
import { ThemeList } from './ThemeList';
import { useInsightsLive } from './use-insights-live';

/** `/insights/review`: draft themes waiting for a reviewer, most items first. */
export function ReviewQueuePage() {
  const queue = useApi<{ themes: ThemeSummary[] }>('/api/v1/insights/review-queue');
  useInsightsLive(queue.reload);
  return (
    <>
      <PageHeader
        title="Review queue"
        description="Draft themes: only validated insights reach product teams."
      />
      <InsightsTabs />
      <section className="card">
        {queue.error ? <ErrorBanner error={queue.error} onRetry={queue.reload} /> : null}
        {!queue.data && queue.loading ? <Loading /> : null}
        {queue.data ? (
          <ThemeList themes={queue.data.themes} empty="Nothing to review." testId="review-queue" />
        ) : null}
      </section>
    </>
  );
}
