import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { api, errorMessage } from '../../api';
import { EmptyState } from '../../components';
import { useApi } from '../../use-api';
import { type LiveEvent, useLiveEvents } from '../../use-live-events';
import { isRecord } from '../../util';
import { ConversationTabs } from './ConversationTabs';
import { ConversationView } from './ConversationView';
import type { ActiveConversation, AgentProfile, Earnings, Offer, OfferCard } from './console-types';
import { conversationIdOf, isMessage, isMissingEndpoint, LiveBus } from './console-util';
import { EarningsSummary } from './EarningsSummary';
import { OffersPanel } from './OffersPanel';
import { PresenceSwitch } from './PresenceSwitch';
import { ShortcutHelp, useConsoleShortcuts } from './shortcuts';

const RESYNC_MS = 30_000;

/** An offer with its conversation, as both the live event and `GET /agents/me/offers` carry it. */
function offerCard(offer: Offer, conversation: unknown): OfferCard {
  const c = isRecord(conversation) ? conversation : {};
  const str = (v: unknown) => (typeof v === 'string' ? v : null);
  return {
    ...offer,
    conversation: {
      language: str(c.language),
      queue: str(c.queue),
      priority: str(c.priority) as OfferCard['conversation']['priority'],
      waitingSince: str(c.waitingSince),
    },
  };
}

function offerCardFromEvent(data: unknown): OfferCard | undefined {
  if (!isRecord(data) || !isRecord(data.offer)) return undefined;
  return offerCard(data.offer as unknown as Offer, data.conversation);
}

/** An approved agent's console: presence, offers, active conversations and the selected one. */
export function Workspace({ agent }: { agent: AgentProfile }) {
  const [online, setOnline] = useState(agent.online);
  const [offers, setOffers] = useState<OfferCard[]>([]);
  const [offerBusy, setOfferBusy] = useState<string | null>(null);
  const [offerError, setOfferError] = useState<string | null>(null);
  const [offerNotice, setOfferNotice] = useState<string | null>(null);
  const [local, setLocal] = useState<ActiveConversation[]>([]);
  const [finished, setFinished] = useState<Set<string>>(new Set());
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [unread, setUnread] = useState<Set<string>>(new Set());
  const [latest, setLatest] = useState<Record<string, ActiveConversation['lastMessage']>>({});
  const bus = useMemo(() => new LiveBus(), []);
  const list = useApi<{ conversations: ActiveConversation[] }>('/api/v1/agents/me/conversations');
  const earnings = useApi<Earnings>('/api/v1/agents/me/earnings');
  const listMissing = isMissingEndpoint(list.error);

  // The server's list, plus conversations accepted here that it does not show yet; minus finished ones.
  const conversations = useMemo(() => {
    const server = list.data?.conversations ?? [];
    const ids = new Set(server.map((c) => c.id));
    return [...server, ...local.filter((c) => !ids.has(c.id))]
      .filter((c) => !finished.has(c.id))
      .map((c) => (latest[c.id] ? { ...c, lastMessage: latest[c.id] ?? null } : c));
  }, [list.data, local, finished, latest]);
  const selected = conversations.find((c) => c.id === selectedId) ?? conversations[0] ?? null;

  // On start, then every 30 s as a safety net for events missed while the socket was reconnecting.
  const { reload: reloadList } = list;
  useEffect(() => {
    let cancelled = false;
    const refresh = () =>
      api<{ offers: (Offer & { conversation: unknown })[] }>('/api/v1/agents/me/offers')
        .then((res) => res.offers.map((o) => offerCard(o, o.conversation)))
        .then((cards) => {
          if (cancelled) return;
          setOffers((current) => [...current, ...cards.filter((c) => !current.some((o) => o.id === c.id))]);
        })
        .catch((err: unknown) => {
          if (!cancelled) setOfferError(errorMessage(err));
        });
    void refresh();
    const timer = window.setInterval(() => {
      void refresh();
      reloadList();
    }, RESYNC_MS);
    return () => {
      cancelled = true;
      window.clearInterval(timer);
    };
  }, [reloadList]);

  const onLive = useCallback(
    (event: LiveEvent) => {
      bus.emit(event);
      const conversationId = conversationIdOf(event.topic);
      if (conversationId) {
        if (event.type === 'message.created' && isMessage(event.data)) {
          const { role, text, createdAt } = event.data;
          setLatest((l) => ({ ...l, [conversationId]: { role, text, createdAt } }));
          if (role === 'customer' && conversationId !== selected?.id) {
            setUnread((u) => new Set(u).add(conversationId));
          }
        }
        if (
          event.type === 'conversation.status_changed' &&
          isRecord(event.data) &&
          event.data.status !== 'with_human'
        ) {
          setFinished((f) => new Set(f).add(conversationId));
        }
        return;
      }
      const offerData = isRecord(event.data) && isRecord(event.data.offer) ? event.data.offer : undefined;
      const offerId = typeof offerData?.id === 'string' ? offerData.id : undefined;
      if (event.type === 'offer.created') {
        const card = offerCardFromEvent(event.data);
        if (card) setOffers((current) => [...current.filter((o) => o.id !== card.id), card]);
        setOfferNotice(null);
      } else if (offerId) {
        setOffers((current) => current.filter((o) => o.id !== offerId));
        if (event.type === 'offer.expired') setOfferNotice('An offer expired and went to the next agent.');
        if (event.type === 'offer.withdrawn') setOfferNotice('An offer was withdrawn.');
        if (event.type === 'offer.accepted') list.reload();
      }
    },
    [bus, selected?.id, list.reload],
  );
  const topics = useMemo(
    () => [
      `agent:${agent.staffUserId}`,
      // Staff-only news about conversations, e.g. the LLM's handoff note arriving.
      'staff',
      ...conversations.map((c) => `conversation:${c.id}`),
    ],
    [agent.staffUserId, conversations],
  );
  useLiveEvents(topics, onLive);

  const select = useCallback((id: string) => {
    setSelectedId(id);
    setUnread((u) => {
      const next = new Set(u);
      next.delete(id);
      return next;
    });
  }, []);

  const answer = useCallback(
    async (offer: OfferCard, verb: 'accept' | 'decline') => {
      setOfferBusy(offer.id);
      setOfferError(null);
      try {
        await api(`/api/v1/offers/${offer.id}/${verb}`, { method: 'POST', body: {} });
        setOffers((current) => current.filter((o) => o.id !== offer.id));
        if (verb === 'accept') {
          const c = offer.conversation;
          setLocal((l) => [
            ...l,
            {
              id: offer.conversationId,
              customerId: null,
              customerName: null,
              language: c.language ?? 'en',
              queue: c.queue,
              priority: c.priority,
              reason: null,
              assignedAt: new Date().toISOString(),
              lastMessage: null,
            },
          ]);
          setFinished((f) => {
            const next = new Set(f);
            next.delete(offer.conversationId);
            return next;
          });
          select(offer.conversationId);
          list.reload();
        } else {
          setOfferNotice('Offer declined: it goes to the next agent.');
        }
      } catch (err) {
        setOfferError(errorMessage(err));
        // Answered elsewhere or lapsed: it is no longer ours to answer.
        setOffers((current) => current.filter((o) => o.id !== offer.id));
      } finally {
        setOfferBusy(null);
      }
    },
    [list.reload, select],
  );

  const onFinished = useCallback(
    (id: string) => {
      setFinished((f) => new Set(f).add(id));
      setSelectedId(null);
      earnings.reload();
      list.reload();
    },
    [earnings.reload, list.reload],
  );

  const oldestOffer = useRef<OfferCard | undefined>(undefined);
  oldestOffer.current = offers.filter((o) => Date.parse(o.expiresAt) > Date.now())[0];
  useConsoleShortcuts({
    accept: () => {
      if (oldestOffer.current && offerBusy === null) void answer(oldestOffer.current, 'accept');
    },
    decline: () => {
      if (oldestOffer.current && offerBusy === null) void answer(oldestOffer.current, 'decline');
    },
    switchTo: (n) => {
      const target = conversations[n - 1];
      if (target) select(target.id);
    },
  });

  return (
    <div className="console" data-testid="console">
      <div className="console-bar">
        <PresenceSwitch online={online} onChange={setOnline} />
        <EarningsSummary earnings={earnings.data} />
      </div>
      {online || offers.length > 0 ? (
        <OffersPanel
          offers={offers}
          busyId={offerBusy}
          error={offerError}
          notice={offerNotice}
          onAccept={(o) => void answer(o, 'accept')}
          onDecline={(o) => void answer(o, 'decline')}
        />
      ) : (
        <p className="muted">Go online to receive conversations.</p>
      )}

      <section className="console-conversations" aria-labelledby="active-title">
        <h2 id="active-title" className="section-title">
          Your conversations <span className="count">{conversations.length}</span>
        </h2>
        {listMissing ? (
          <p className="small muted" data-testid="list-unavailable">
            The list of your conversations is not available on this server yet; conversations you accept here
            are shown.
          </p>
        ) : null}
        {conversations.length === 0 ? (
          <EmptyState title="No active conversations">
            <p>Accept an offer and the conversation opens here.</p>
          </EmptyState>
        ) : (
          <>
            <ConversationTabs
              conversations={conversations}
              selectedId={selected?.id ?? null}
              unread={unread}
              onSelect={select}
            />
            {selected ? (
              <ConversationView key={selected.id} conversation={selected} bus={bus} onFinished={onFinished} />
            ) : null}
          </>
        )}
      </section>
      <ShortcutHelp />
    </div>
  );
}
