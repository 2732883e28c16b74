import { useCallback, useEffect, useRef, useState } from 'react';
import { api } from '../../api';
import { ErrorBanner, Loading } from '../../components';
import { humanize } from '../../format';
import { useApi } from '../../use-api';
import { ActionsPanel } from './ActionsPanel';
import { panelId, tabId } from './ConversationTabs';
import { CustomerContextPanel } from './CustomerContextPanel';
import type {
  ActiveConversation,
  ConversationContext,
  ConversationDetail,
  Message,
  Suggestions,
} from './console-types';
import { languageName } from './console-types';
import { isMessage, type LiveBus, mergeMessages, useLiveBus } from './console-util';
import { HandoffSummaryCard } from './HandoffSummaryCard';
import { NotesPanel } from './NotesPanel';
import { ReplyBox } from './ReplyBox';
import { SuggestedReplies } from './SuggestedReplies';
import { Transcript } from './Transcript';
import { WrapUpPanel } from './WrapUpPanel';

/** The selected conversation: summary on top, transcript and reply on the left, tools on the right. */
export function ConversationView({
  conversation,
  bus,
  onFinished,
}: {
  conversation: ActiveConversation;
  bus: LiveBus;
  onFinished: (id: string) => void;
}) {
  const id = conversation.id;
  const base = `/api/v1/conversations/${id}`;
  const detail = useApi<ConversationDetail>(base);
  const context = useApi<ConversationContext>(`${base}/context`);
  const suggestions = useApi<Suggestions>(`${base}/suggestions`);
  const [messages, setMessages] = useState<Message[]>([]);
  const [draft, setDraft] = useState('');
  const replyRef = useRef<HTMLTextAreaElement>(null);

  // A safety net for messages missed while the socket was reconnecting.
  const { reload: reloadDetail } = detail;
  useEffect(() => {
    const timer = window.setInterval(reloadDetail, 30_000);
    return () => window.clearInterval(timer);
  }, [reloadDetail]);

  useEffect(() => {
    if (detail.data) setMessages((current) => mergeMessages(current, detail.data?.messages ?? []));
  }, [detail.data]);

  useLiveBus(bus, (event) => {
    if (event.topic !== `conversation:${id}`) return;
    if (event.type === 'message.created' && isMessage(event.data)) {
      const message = event.data;
      setMessages((current) => mergeMessages(current, [message]));
      // New words from the customer may change what the knowledge base and flows suggest.
      if (message.role === 'customer') suggestions.reload();
    }
  });

  const send = useCallback(
    async (text: string) => {
      const message = await api<Message>(`${base}/agent-messages`, { method: 'POST', body: { text } });
      setMessages((current) => mergeMessages(current, [message]));
    },
    [base],
  );

  const insert = useCallback((text: string) => {
    setDraft((d) => (d.trim() ? `${d.trimEnd()}\n${text}` : text));
    replyRef.current?.focus();
  }, []);

  const onActionDone = useCallback(
    (message: Message | undefined) => {
      if (message) setMessages((current) => mergeMessages(current, [message]));
      context.reload();
      suggestions.reload();
    },
    [context.reload, suggestions.reload],
  );

  const customerName = context.data?.customer?.name ?? conversation.customerName ?? 'Customer';
  const locale = context.data?.customer?.locale ?? undefined;

  return (
    <div
      className="conversation-view"
      role="tabpanel"
      id={panelId}
      aria-labelledby={tabId(id)}
      data-testid="conversation-view"
      data-conversation-id={id}
    >
      <header className="conversation-head">
        <h2>{customerName}</h2>
        <p className="muted small">
          {languageName(detail.data?.language ?? conversation.language)}
          {conversation.queue ? ` · ${humanize(conversation.queue)} queue` : ''}
          {conversation.priority ? ` · ${humanize(conversation.priority)} priority` : ''}
        </p>
      </header>

      <HandoffSummaryCard conversationId={id} bus={bus} />

      <div className="conversation-grid">
        <div className="conversation-main">
          {detail.loading && messages.length === 0 ? <Loading label="Loading the conversation…" /> : null}
          {detail.error ? <ErrorBanner error={detail.error} onRetry={detail.reload} /> : null}
          <Transcript messages={messages} locale={locale} />
          <ReplyBox ref={replyRef} value={draft} onChange={setDraft} onSend={send} />
          <SuggestedReplies suggestions={suggestions} onInsert={insert} />
        </div>
        <aside className="conversation-side" aria-label="Tools for this conversation">
          <WrapUpPanel conversationId={id} onFinished={onFinished} />
          <ActionsPanel
            conversationId={id}
            suggestions={suggestions}
            context={context.data}
            onDone={onActionDone}
          />
          <CustomerContextPanel context={context} />
          <NotesPanel conversationId={id} />
        </aside>
      </div>
    </div>
  );
}
