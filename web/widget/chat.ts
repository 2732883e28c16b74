import { el, safeHref } from './dom';
import { STRINGS, type WidgetStrings, widgetLanguage } from './i18n';
import { rememberConversation, rememberedConversation } from './resume';
import { WIDGET_CSS } from './styles';
import type {
  Conversation,
  ConversationStatus,
  Handoff,
  Message,
  MessageRole,
  OpenOptions,
  TurnResult,
} from './types';

/** The server's limit (conversation-views.ts MAX_MESSAGE_CHARS), enforced here too so nothing long is lost. */
export const MAX_MESSAGE_CHARS = 4000;
const COUNTER_FROM = 3600;
const TYPING_TIMEOUT_MS = 15_000;

interface Outgoing {
  text: string;
  clientMessageId: string;
  node: HTMLElement;
  state: 'sending' | 'sent' | 'failed';
  /** The server's id, once a live event told us. */
  id?: string;
}

type LiveFrame =
  | { type: 'event'; event: { topic: string; type: string; data: unknown } }
  | { type: 'welcome' | 'subscribed' | 'pong' | 'error' };

let instanceCount = 0;

const EMPTY_HANDOFF: Handoff = { reason: '', priority: '', queue: '' };

function newClientId(): string {
  return typeof crypto !== 'undefined' && 'randomUUID' in crypto
    ? crypto.randomUUID()
    : `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function isMessage(v: unknown): v is Message {
  return (
    isRecord(v) &&
    typeof v.id === 'string' &&
    typeof v.text === 'string' &&
    (v.role === 'customer' || v.role === 'assistant' || v.role === 'agent' || v.role === 'system')
  );
}

async function errorMessage(res: Response): Promise<string> {
  try {
    const body: unknown = await res.json();
    if (isRecord(body) && isRecord(body.error) && typeof body.error.message === 'string')
      return body.error.message;
  } catch {}
  return `HTTP ${res.status}`;
}

/** One chat: its conversation, its live connection and its shadow-DOM UI. */
export class ChatWidget {
  readonly token: string | undefined;
  readonly locale: string;
  readonly mountKey: string | Element | undefined;
  readonly channel: 'chat' | 'hotline';
  private readonly apiBase: string;
  private readonly t: WidgetStrings;
  private readonly host: HTMLElement;
  private readonly floating: boolean;
  private readonly uid = `tc${++instanceCount}`;

  private conversationId: string | undefined;
  private status: ConversationStatus = 'bot';
  private handoff: Handoff | undefined;
  private readonly seen = new Map<string, HTMLElement>();
  private readonly outgoing: Outgoing[] = [];
  private sendChain: Promise<void> = Promise.resolve();
  private socket: WebSocket | undefined;
  private reconnectTimer: number | undefined;
  private reconnectAttempts = 0;
  private typingTimer: number | undefined;
  private destroyed = false;

  // UI
  private readonly panel: HTMLElement;
  private readonly launcher: HTMLButtonElement | undefined;
  private readonly banner: HTMLElement;
  private readonly log: HTMLElement;
  private readonly typing: HTMLElement;
  private readonly error: HTMLElement;
  private readonly input: HTMLTextAreaElement;
  private readonly sendButton: HTMLButtonElement;
  private readonly humanButton: HTMLButtonElement;
  private readonly counter: HTMLElement;
  private readonly rating: HTMLElement;
  private ratingState: 'hidden' | 'asked' | 'sent' = 'hidden';

  constructor(options: OpenOptions) {
    this.token = options.token || undefined;
    this.locale = options.locale || document.documentElement.lang || navigator.language || 'en-US';
    this.mountKey = options.mount;
    this.channel = options.channel ?? 'chat';
    this.apiBase = (options.apiBase ?? '').replace(/\/+$/, '');
    this.t = STRINGS[widgetLanguage(this.locale)];

    const target =
      typeof options.mount === 'string'
        ? document.querySelector(options.mount)
        : options.mount instanceof Element
          ? options.mount
          : null;
    this.floating = target === null;
    this.host = el('div', { 'data-tandem-chat': '' });
    const root = this.host.attachShadow({ mode: 'open' });
    const t = this.t;

    const titleId = `${this.uid}-title`;
    const inputId = `${this.uid}-input`;
    const counterId = `${this.uid}-counter`;
    const logId = `${this.uid}-log`;

    this.banner = el('div', { class: 'tc-banner', role: 'status', hidden: true });
    this.log = el('div', {
      class: 'tc-log',
      id: logId,
      role: 'log',
      'aria-live': 'polite',
      'aria-relevant': 'additions',
      'aria-label': t.messages,
      tabindex: 0,
    });
    this.typing = el('div', { class: 'tc-typing', 'aria-live': 'polite' });
    this.error = el('div', { class: 'tc-error', role: 'alert', hidden: true });
    this.input = el('textarea', {
      id: inputId,
      class: 'tc-input',
      rows: 1,
      maxlength: MAX_MESSAGE_CHARS,
      placeholder: t.placeholder,
      'aria-describedby': counterId,
      disabled: true,
    });
    this.sendButton = el('button', { type: 'submit', class: 'tc-send', text: t.send, disabled: true });
    this.humanButton = el('button', {
      type: 'button',
      class: 'tc-human',
      text: t.talkToPerson,
      disabled: true,
    });
    this.counter = el('span', { class: 'tc-counter', id: counterId });
    this.rating = el('div', { class: 'tc-rating', hidden: true });

    const closeButton = this.floating
      ? el('button', { type: 'button', class: 'tc-close', 'aria-label': t.closeChat, text: '×' })
      : null;
    const form = el(
      'form',
      { class: 'tc-compose' },
      el('label', { for: inputId, class: 'tc-visually-hidden', text: t.inputLabel }),
      el('div', { class: 'tc-row' }, this.input, this.sendButton),
      el('div', { class: 'tc-foot' }, this.humanButton, this.counter),
    );
    this.panel = el(
      'section',
      {
        class: 'tc-panel',
        lang: this.locale,
        'aria-labelledby': titleId,
        ...(this.floating ? { role: 'dialog', 'aria-modal': 'false', hidden: true } : {}),
      },
      el(
        'header',
        { class: 'tc-header' },
        el(
          'div',
          { class: 'tc-header-text' },
          el('h2', { class: 'tc-title', id: titleId, text: options.title ?? t.title }),
          el('p', { class: 'tc-subtitle', text: options.subtitle ?? t.subtitle }),
        ),
        closeButton,
      ),
      this.banner,
      this.log,
      this.rating,
      this.typing,
      this.error,
      form,
    );
    this.panel.id = `${this.uid}-panel`;

    root.append(el('style', { text: WIDGET_CSS }));
    const wrapper = el('div', { class: this.floating ? 'tc-floating' : 'tc-inline' });
    if (this.floating) {
      this.launcher = el('button', {
        type: 'button',
        class: 'tc-launcher',
        'aria-expanded': 'false',
        'aria-controls': this.panel.id,
        text: t.title,
      });
      this.launcher.addEventListener('click', () => this.setOpen(this.panel.hasAttribute('hidden')));
      wrapper.append(this.launcher);
    }
    wrapper.append(this.panel);
    root.append(wrapper);

    form.addEventListener('submit', (e) => {
      e.preventDefault();
      this.submit();
    });
    this.input.addEventListener('keydown', (e) => {
      if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) {
        e.preventDefault();
        this.submit();
      }
    });
    this.input.addEventListener('input', () => this.updateComposer());
    this.humanButton.addEventListener('click', () => this.send(t.humanRequest));
    closeButton?.addEventListener('click', () => this.setOpen(false));
    this.panel.addEventListener('keydown', (e) => {
      if (e.key === 'Escape' && this.floating) {
        e.stopPropagation();
        this.setOpen(false);
      }
    });

    (target ?? document.body).append(this.host);
    this.updateComposer();
  }

  /** Starts the conversation; the greeting arrives with it. */
  async start(): Promise<void> {
    this.setTyping(this.t.connecting, false);
    this.showError(undefined);
    try {
      // Only a chat waiting for or with a person is resumed; a hotline interview starts afresh.
      if (this.channel === 'chat' && (await this.resume())) return;
      const res = await fetch(`${this.apiBase}/api/v1/conversations`, {
        method: 'POST',
        credentials: 'omit',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          channel: this.channel,
          locale: this.locale,
          ...(this.token ? { customerToken: this.token } : {}),
        }),
      });
      if (!res.ok) throw new Error(await errorMessage(res));
      const conversation = (await res.json()) as Conversation;
      if (this.destroyed) return;
      this.show(conversation);
    } catch (err) {
      if (this.destroyed) return;
      this.setTyping(undefined);
      this.showError(`${this.t.startFailed} ${err instanceof Error ? err.message : ''}`.trim(), () =>
        this.start(),
      );
    }
  }

  /** False once the host page removed the element the widget lives in. */
  get attached(): boolean {
    return this.host.isConnected;
  }

  /** Shows the floating panel (inline widgets are always shown). */
  setOpen(open: boolean): void {
    if (!this.floating || !this.launcher) return;
    this.panel.hidden = !open;
    this.launcher.setAttribute('aria-expanded', String(open));
    if (open) {
      this.input.focus();
      this.scrollToEnd();
    } else {
      this.launcher.focus();
    }
  }

  destroy(): void {
    this.destroyed = true;
    window.clearTimeout(this.reconnectTimer);
    window.clearTimeout(this.typingTimer);
    const socket = this.socket;
    this.socket = undefined;
    socket?.close(1000, 'widget closed');
    this.host.remove();
  }

  private submit(): void {
    const text = this.input.value;
    if (!text.trim() || text.length > MAX_MESSAGE_CHARS || !this.conversationId) return;
    this.input.value = '';
    this.updateComposer();
    this.send(text);
  }

  /** Shows the message at once and sends it after any earlier ones, so replies keep their order. */
  private send(text: string): void {
    if (!this.conversationId || this.status === 'closed') return;
    const out: Outgoing = {
      text,
      clientMessageId: newClientId(),
      node: this.renderMessage({ id: '', role: 'customer', text, createdAt: new Date().toISOString() }),
      state: 'sending',
    };
    out.node.classList.add('tc-msg-pending');
    this.outgoing.push(out);
    this.log.append(out.node);
    this.scrollToEnd();
    this.enqueue(out);
  }

  private enqueue(out: Outgoing): void {
    this.sendChain = this.sendChain.then(() => this.post(out));
  }

  private async post(out: Outgoing): Promise<void> {
    if (this.destroyed || !this.conversationId) return;
    if (this.status === 'bot') this.setTyping(this.t.typing, true);
    // Lets tests and host pages know a turn is under way.
    this.host.setAttribute('data-sending', '');
    try {
      const res = await this.conversationFetch(this.conversationId, '/messages', {
        method: 'POST',
        body: { text: out.text, clientMessageId: out.clientMessageId },
      });
      if (!res.ok) throw new Error(await errorMessage(res));
      const result = (await res.json()) as TurnResult;
      if (this.destroyed) return;
      this.markSent(out);
      for (const m of result.messages) this.addMessage(m);
      this.setStatus(result.status, result.handoff);
    } catch (err) {
      if (this.destroyed) return;
      this.markFailed(out, err instanceof Error ? err.message : '');
    } finally {
      this.host.removeAttribute('data-sending');
      this.setTyping(undefined);
    }
  }

  private markSent(out: Outgoing): void {
    if (out.state === 'sent') return;
    out.state = 'sent';
    out.node.classList.remove('tc-msg-pending', 'tc-msg-failed');
    out.node.querySelector('.tc-failed')?.remove();
  }

  private markFailed(out: Outgoing, detail: string): void {
    out.state = 'failed';
    out.node.classList.remove('tc-msg-pending');
    out.node.classList.add('tc-msg-failed');
    out.node.querySelector('.tc-failed')?.remove();
    const retry = el('button', { type: 'button', class: 'tc-link-button', text: this.t.retry });
    retry.addEventListener('click', () => {
      out.state = 'sending';
      out.node.classList.remove('tc-msg-failed');
      out.node.classList.add('tc-msg-pending');
      out.node.querySelector('.tc-failed')?.remove();
      // The same clientMessageId: if the first attempt did reach the server, no second turn happens.
      this.enqueue(out);
    });
    out.node.append(
      el(
        'div',
        { class: 'tc-failed', title: detail || undefined },
        el('span', { text: this.t.sendFailed }),
        retry,
      ),
    );
  }

  /** Adds a server message once, whether it came from a response or a live event. */
  private addMessage(message: Message): void {
    if (this.seen.has(message.id)) return;
    if (message.role === 'customer') {
      // Our own message echoed by the live channel: adopt the bubble already shown.
      const mine = this.outgoing.find(
        (o) => o.id === undefined && o.state !== 'failed' && o.text.trim() === message.text,
      );
      if (mine) {
        mine.id = message.id;
        mine.node.setAttribute('data-message-id', message.id);
        this.seen.set(message.id, mine.node);
        this.markSent(mine);
        return;
      }
    } else {
      this.setTyping(undefined);
    }
    const node = this.renderMessage(message);
    this.seen.set(message.id, node);
    this.log.append(node);
    this.scrollToEnd();
  }

  private renderMessage(message: Message): HTMLElement {
    const who: Record<MessageRole, string> = {
      customer: this.t.you,
      assistant: this.t.assistant,
      agent: message.agentName ? `${message.agentName} · ${this.t.agent}` : this.t.agent,
      system: this.t.notice,
    };
    const node = el(
      'div',
      {
        class: `tc-msg tc-msg-${message.role}`,
        'data-role': message.role,
        'data-message-id': message.id || undefined,
      },
      el('span', { class: 'tc-who', text: who[message.role] }),
      el('div', { class: 'tc-bubble', text: message.text }),
    );
    const links = (message.citations ?? [])
      .map((c) => ({ title: c.title, href: safeHref(c.url, this.apiBase) }))
      .filter((c): c is { title: string; href: string } => c.href !== undefined);
    if (links.length) {
      node.append(
        el(
          'div',
          { class: 'tc-citations' },
          el('span', { class: 'tc-citations-label', text: this.t.sources }),
          el(
            'ul',
            {},
            ...links.map((c) =>
              el(
                'li',
                {},
                el('a', { href: c.href, target: '_blank', rel: 'noopener noreferrer', text: c.title }),
              ),
            ),
          ),
        ),
      );
    }
    return node;
  }

  private show(conversation: Conversation): void {
    this.conversationId = conversation.id;
    this.host.setAttribute('data-conversation-id', conversation.id);
    for (const m of conversation.messages) this.addMessage(m);
    this.setStatus(conversation.status, conversation.handoff);
    if (conversation.ratingRequested) this.askForRating();
    this.setTyping(undefined);
    this.connectLive();
  }

  /** Picks up a remembered conversation that is waiting for or with a person; else a new one starts. */
  private async resume(): Promise<boolean> {
    const id = rememberedConversation(this.token);
    if (!id) return false;
    const res = await this.conversationFetch(id).catch(() => undefined);
    const conversation = res?.ok ? ((await res.json()) as Conversation) : undefined;
    if (this.destroyed) return true;
    if (conversation?.status !== 'waiting_for_human' && conversation?.status !== 'with_human') {
      rememberConversation(this.token, undefined);
      return false;
    }
    this.show(conversation);
    return true;
  }

  /** A request to this conversation's API, as the customer (token) or the anonymous holder of its id. */
  private conversationFetch(
    id: string,
    path = '',
    init: { method?: 'POST'; body?: unknown } = {},
  ): Promise<Response> {
    const headers: Record<string, string> = {};
    if (this.token) headers.authorization = `Bearer ${this.token}`;
    if (init.body !== undefined) headers['content-type'] = 'application/json';
    return fetch(`${this.apiBase}/api/v1/conversations/${encodeURIComponent(id)}${path}`, {
      method: init.method ?? 'GET',
      credentials: 'omit',
      headers,
      ...(init.body !== undefined ? { body: JSON.stringify(init.body) } : {}),
    });
  }

  /**
   * A waiting-banner button (ask for a callback, stop waiting): disabled while its POST runs, the
   * error shown with a retry.
   */
  private async bannerAction(button: HTMLButtonElement, path: string, done: () => void): Promise<void> {
    if (!this.conversationId) return;
    button.disabled = true;
    try {
      const res = await this.conversationFetch(this.conversationId, path, { method: 'POST' });
      if (!res.ok) throw new Error(await errorMessage(res));
      done();
    } catch (err) {
      button.disabled = false;
      this.showError(err instanceof Error ? err.message : String(err), () =>
        this.bannerAction(button, path, done),
      );
    }
  }

  private setStatus(status: ConversationStatus, handoff: Handoff | null | undefined): void {
    this.status = status;
    this.handoff = handoff ?? undefined;
    const withPerson = status === 'waiting_for_human' || status === 'with_human';
    if (this.channel === 'chat')
      rememberConversation(this.token, withPerson ? this.conversationId : undefined);
    this.host.setAttribute('data-status', status);
    const b = this.banner;
    b.replaceChildren();
    b.classList.toggle('tc-with-human', status === 'with_human');
    if (status === 'waiting_for_human') {
      b.append(el('strong', { text: this.t.waiting }));
      const lines: string[] = [];
      if (typeof handoff?.position === 'number' && handoff.position > 0) {
        lines.push(this.t.queuePosition(new Intl.NumberFormat(this.locale).format(handoff.position)));
      }
      if (typeof handoff?.etaSeconds === 'number' && handoff.etaSeconds >= 0) {
        const minutes = Math.max(1, Math.round(handoff.etaSeconds / 60));
        const duration = new Intl.NumberFormat(this.locale, {
          style: 'unit',
          unit: 'minute',
          unitDisplay: 'long',
        }).format(minutes);
        lines.push(this.t.eta(duration));
      }
      if (handoff?.callbackRequested) lines.push(this.t.callbackPromised);
      if (!lines.length) lines.push(this.t.personWillReply);
      for (const line of lines) b.append(el('span', { text: line }));
      if (handoff?.agentsOnline === 0 && !handoff.callbackRequested) {
        const ask = el('button', { type: 'button', class: 'tc-banner-action', text: this.t.callbackOffer });
        // Contact when someone is free: offered only when nobody suitable is online.
        ask.addEventListener('click', () => {
          void this.bannerAction(ask, '/callback', () => {
            this.setStatus(this.status, { ...(this.handoff ?? EMPTY_HANDOFF), callbackRequested: true });
            this.input.focus();
          });
        });
        b.append(ask);
      }
      const leave = el('button', { type: 'button', class: 'tc-banner-action', text: this.t.stopWaiting });
      // Stop waiting: the conversation closes (the support view counts it as abandoned).
      leave.addEventListener('click', () => {
        void this.bannerAction(leave, '/leave', () => this.setStatus('closed', null));
      });
      b.append(leave);
    } else if (status === 'with_human') {
      b.append(el('strong', { text: this.t.withPerson }));
    } else if (status === 'closed') {
      b.append(el('strong', { text: this.t.closed }));
    }
    b.hidden = status === 'bot';
    this.updateComposer();
  }

  private setTyping(text: string | undefined, dots = true): void {
    window.clearTimeout(this.typingTimer);
    this.typing.replaceChildren();
    if (text === undefined) return;
    if (dots)
      this.typing.append(el('span', { class: 'tc-dots', 'aria-hidden': 'true' }, el('i'), el('i'), el('i')));
    this.typing.append(el('span', { text }));
    this.typingTimer = window.setTimeout(() => this.typing.replaceChildren(), TYPING_TIMEOUT_MS);
  }

  private showError(text: string | undefined, retry?: () => void): void {
    this.error.replaceChildren();
    this.error.hidden = text === undefined;
    if (text === undefined) return;
    this.error.append(el('span', { text }));
    if (retry) {
      const button = el('button', { type: 'button', class: 'tc-link-button', text: this.t.retry });
      button.addEventListener('click', retry);
      this.error.append(button);
    }
  }

  private updateComposer(): void {
    const ready = this.conversationId !== undefined && this.status !== 'closed';
    this.input.disabled = !ready;
    this.humanButton.disabled = !ready;
    const length = this.input.value.length;
    this.sendButton.disabled = !ready || !this.input.value.trim() || length > MAX_MESSAGE_CHARS;
    const left = MAX_MESSAGE_CHARS - length;
    this.counter.textContent = `${new Intl.NumberFormat(this.locale).format(length)} / ${new Intl.NumberFormat(this.locale).format(MAX_MESSAGE_CHARS)}`;
    this.counter.setAttribute(
      'aria-label',
      this.t.charactersLeft(new Intl.NumberFormat(this.locale).format(left)),
    );
    this.counter.classList.toggle('tc-near', length >= COUNTER_FROM);
    this.input.style.height = 'auto';
    this.input.style.height = `${Math.min(this.input.scrollHeight + 2, 140)}px`;
  }

  private scrollToEnd(): void {
    this.log.scrollTop = this.log.scrollHeight;
  }

  /**
   * Live events for this conversation. Browsers cannot send headers on a WebSocket, so the
   * customer token goes in the query; an anonymous visitor names the conversation instead.
   */
  private connectLive(): void {
    if (!this.conversationId || this.destroyed) return;
    const topic = `conversation:${this.conversationId}`;
    const url = new URL(`${this.apiBase}/api/v1/live`, window.location.origin);
    url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
    if (this.token) url.searchParams.set('token', this.token);
    else url.searchParams.set('conversation', this.conversationId);
    url.searchParams.set('topics', topic);
    const socket = new WebSocket(url.href);
    this.socket = socket;
    const reconnecting = this.reconnectAttempts > 0;
    socket.addEventListener('open', () => {
      this.reconnectAttempts = 0;
      // Anything said while we were disconnected.
      if (reconnecting) void this.resync();
    });
    socket.addEventListener('message', (e) => {
      if (typeof e.data !== 'string') return;
      let frame: LiveFrame;
      try {
        frame = JSON.parse(e.data) as LiveFrame;
      } catch {
        return;
      }
      if (frame.type === 'event' && frame.event.topic === topic)
        this.onEvent(frame.event.type, frame.event.data);
    });
    socket.addEventListener('close', () => {
      if (this.socket !== socket || this.destroyed) return;
      this.socket = undefined;
      const delay = Math.min(30_000, 1000 * 2 ** this.reconnectAttempts++);
      this.reconnectTimer = window.setTimeout(() => this.connectLive(), delay);
    });
  }

  private onEvent(type: string, data: unknown): void {
    if (type === 'message.created' && isMessage(data)) {
      this.addMessage(data);
    } else if (type === 'typing' && isRecord(data)) {
      if (data.role === 'agent' || this.status === 'bot') this.setTyping(this.t.typing, true);
    } else if (type === 'conversation.status_changed' && isRecord(data) && typeof data.status === 'string') {
      const status = data.status as ConversationStatus;
      this.setStatus(status, isRecord(data.handoff) ? (data.handoff as unknown as Handoff) : null);
      if (data.ratingRequested === true) this.askForRating();
    } else if (type === 'queue.updated' && isRecord(data) && this.status === 'waiting_for_human') {
      // Position and estimate move as people ahead are answered and agents come and go.
      const next: Handoff = { ...(this.handoff ?? EMPTY_HANDOFF) };
      if (typeof data.position === 'number') next.position = data.position;
      if ('etaSeconds' in data)
        next.etaSeconds = typeof data.etaSeconds === 'number' ? data.etaSeconds : undefined;
      if (typeof data.agentsOnline === 'number') next.agentsOnline = data.agentsOnline;
      if (data.callbackRequested === true) next.callbackRequested = true;
      this.setStatus('waiting_for_human', next);
    }
  }

  private async resync(): Promise<void> {
    if (!this.conversationId) return;
    try {
      const res = await this.conversationFetch(this.conversationId);
      if (!res.ok) return;
      const conversation = (await res.json()) as Conversation;
      for (const m of conversation.messages) this.addMessage(m);
      this.setStatus(conversation.status, conversation.handoff);
    } catch {}
  }

  /** The CSAT prompt after a person hands back or closes: five radio "stars" (arrow keys move), a comment, send. */
  private askForRating(): void {
    if (this.ratingState !== 'hidden' || !this.conversationId) return;
    this.ratingState = 'asked';
    const t = this.t;
    const name = `${this.uid}-score`;
    const commentId = `${this.uid}-comment`;
    const send = el('button', { type: 'submit', class: 'tc-send', text: t.rateSend, disabled: true });
    const stars = [1, 2, 3, 4, 5].map((n) => {
      const input = el('input', {
        type: 'radio',
        name,
        value: n,
        class: 'tc-star-input',
        id: `${name}-${n}`,
      });
      input.addEventListener('change', () => {
        send.disabled = false;
      });
      return el(
        'label',
        { class: 'tc-star', for: `${name}-${n}`, title: t.rateStars(String(n)) },
        input,
        el('span', { 'aria-hidden': 'true', text: '★' }),
        el('span', { class: 'tc-visually-hidden', text: t.rateStars(String(n)) }),
      );
    });
    const comment = el('textarea', { id: commentId, class: 'tc-input', rows: 2, maxlength: 2000 });
    const form = el(
      'form',
      { class: 'tc-rating-form' },
      el('fieldset', { class: 'tc-stars' }, el('legend', { text: t.rateLegend }), ...stars),
      el('label', { for: commentId, class: 'tc-rating-label', text: t.rateComment }),
      comment,
      send,
    );
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      const chosen = form.querySelector<HTMLInputElement>(`input[name="${name}"]:checked`);
      if (chosen) void this.sendRating(Number(chosen.value), comment.value.trim(), send);
    });
    this.rating.replaceChildren(form);
    this.rating.hidden = false;
    this.scrollToEnd();
  }

  private async sendRating(score: number, comment: string, button: HTMLButtonElement): Promise<void> {
    if (!this.conversationId) return; // the prompt is only shown for a started conversation
    button.disabled = true;
    this.showError(undefined);
    try {
      const res = await this.conversationFetch(this.conversationId, '/rating', {
        method: 'POST',
        body: { score, ...(comment ? { comment } : {}) },
      });
      // 409: already rated (another tab); either way the prompt is done.
      if (!res.ok && res.status !== 409) throw new Error(await errorMessage(res));
      this.ratingState = 'sent';
      this.rating.replaceChildren(
        el('p', { class: 'tc-rating-thanks', role: 'status', text: this.t.rateThanks }),
      );
    } catch (err) {
      button.disabled = false;
      this.showError(err instanceof Error ? err.message : this.t.sendFailed);
    }
  }
}
