import type { ReactNode } from 'react';
import { ErrorBanner, Loading, StatusBadge } from '../../components';
import { formatDate, humanize } from '../../format';
import { useApi } from '../../use-api';
import { isRecord } from '../../util';
import { type HandoffSummary, languageName } from './console-types';
import { type LiveBus, useLiveBus } from './console-util';

const MOOD_TONE: Record<string, string> = { negative: 'late', neutral: 'scheduled', positive: 'paid' };

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

const listOrNone = (items: string[]) =>
  items.length ? items.join(', ') : <span className="muted">None</span>;

/** What the assistant hands over: a readable paragraph first, then the structured facts it was built from. */
export function HandoffSummaryCard({ conversationId, bus }: { conversationId: string; bus: LiveBus }) {
  const summary = useApi<HandoffSummary>(`/api/v1/conversations/${conversationId}/handoff-summary`);
  // With an LLM configured, its note is added a moment after the handoff.
  const { reload } = summary;
  useLiveBus(bus, (e) => {
    if (
      e.type === 'conversation.handoff_note_added' &&
      isRecord(e.data) &&
      e.data.conversationId === conversationId
    )
      reload();
  });
  if (summary.loading && !summary.data) return <Loading label="Loading the handoff summary…" />;
  if (summary.error) return <ErrorBanner error={summary.error} onRetry={summary.reload} />;
  const s = summary.data;
  if (!s) return null;
  const mentioned = [
    ...s.facts.orderRefs.map((r) => `order ${r}`),
    ...s.facts.merchants,
    ...s.facts.amounts.map((a) => a.text),
    ...s.facts.dates.map((d) => formatDate(d)),
  ];
  return (
    <section
      className="card handoff-summary"
      aria-labelledby="handoff-summary-title"
      data-testid="handoff-summary"
    >
      <div className="handoff-summary-head">
        <h3 id="handoff-summary-title">Handoff summary</h3>
        <StatusBadge
          status={s.priority === 'urgent' ? 'failed' : s.priority === 'high' ? 'open' : 'scheduled'}
          label={`${humanize(s.priority)} priority`}
        />
      </div>
      {s.llmText ? (
        <p className="handoff-summary-note" data-testid="handoff-summary-note">
          <strong>Note written by the AI model</strong> <span className="muted small">({s.llmModel})</span>{' '}
          {s.llmText}
        </p>
      ) : null}
      <p className="handoff-summary-text" data-testid="handoff-summary-text">
        {s.text}
      </p>
      <dl className="summary-facts">
        <Fact label="Who">
          {s.customer.name ?? 'Anonymous visitor'}{' '}
          <StatusBadge
            status={s.customer.verified ? 'paid' : 'open'}
            label={s.customer.verified ? 'Verified' : 'Not verified'}
          />
        </Fact>
        <Fact label="Language">{languageName(s.language)}</Fact>
        <Fact label="Need">{s.need}</Fact>
        <Fact label="Last said">
          {s.lastCustomerMessage ? `“${s.lastCustomerMessage}”` : <span className="muted">Nothing yet</span>}{' '}
          <span className="muted small">
            ({s.customerMessages} message{s.customerMessages === 1 ? '' : 's'} from the customer)
          </span>
        </Fact>
        <Fact label="Mentioned">{listOrNone(mentioned)}</Fact>
        <Fact label="The assistant did">{listOrNone(s.aiActions)}</Fact>
        <Fact label="The assistant could not">{listOrNone(s.aiFailures)}</Fact>
        <Fact label="Sentiment">
          {s.sentiment ? (
            <>
              <StatusBadge
                status={MOOD_TONE[s.sentiment.sentiment] ?? 'scheduled'}
                label={humanize(s.sentiment.sentiment)}
              />{' '}
              <span className="small muted">frustration {Math.round(s.sentiment.frustration * 100)} %</span>
            </>
          ) : (
            <span className="muted">Unknown</span>
          )}
        </Fact>
        <Fact label="Suggested next step">{s.suggestedNextStep}</Fact>
      </dl>
    </section>
  );
}
