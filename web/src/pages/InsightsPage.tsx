import { EmptyState, PageHeader } from '../components';

export function InsightsPage() {
  return (
    <>
      <PageHeader
        title="Insights"
        description="Transcribed, summarised and themed customer feedback, validated by a named reviewer."
      />
      <EmptyState title="No feedback yet">
        <p>Feedback from calls and chats will appear here once the insights module is enabled.</p>
        <p className="muted">
          Every item will show its source conversation, the reviewer who validated it, the owning team and the
          time from call to product decision against the 24-hour target.
        </p>
      </EmptyState>
    </>
  );
}
