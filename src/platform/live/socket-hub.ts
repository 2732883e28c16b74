import type { Logger } from 'pino';
import type { WebSocket } from 'ws';
import type { Principal } from '../../identity/principal.js';
import type { EventBus, LiveEvent } from '../events/event-bus.js';

/**
 * Who holds a socket: an authenticated principal, or the visitor of an anonymous conversation
 * (whoever holds its id may read it over HTTP too; the id is a random secret).
 */
export type LivePrincipal = Principal | { kind: 'conversation_holder'; conversationId: string };

/** Decides whether a principal may receive a topic's events. */
export type TopicAuthorizer = (principal: LivePrincipal, topicId: string) => boolean | Promise<boolean>;

interface Connection {
  socket: WebSocket;
  principal: LivePrincipal;
  topics: Set<string>;
}

type ClientMessage = { type: 'subscribe' | 'unsubscribe'; topics: string[] } | { type: 'ping' };

const MAX_TOPICS_PER_SOCKET = 200;

/**
 * Holds this process's WebSockets and forwards bus events to the ones subscribed
 * to the event's topic. Every process has its own hub; the bus (LISTEN/NOTIFY)
 * brings each of them every event, so a socket on any process sees everything.
 */
export class SocketHub {
  private readonly connections = new Set<Connection>();
  private readonly rules = new Map<string, TopicAuthorizer>();
  private unsubscribe: (() => void) | undefined;
  private heartbeat: NodeJS.Timeout | undefined;

  constructor(
    private readonly bus: EventBus,
    private readonly logger: Pick<Logger, 'debug' | 'warn'>,
  ) {
    this.addTopicRule('staff', (p) => p.kind === 'staff');
    this.addTopicRule('customer', (p, id) =>
      p.kind === 'customer'
        ? p.customerId === id
        : p.kind === 'staff' &&
          p.roles.some((r) => ['admin', 'supervisor', 'agent', 'fraud_analyst'].includes(r)),
    );
    this.addTopicRule('agent', (p, id) => p.kind === 'staff' && p.staffUserId === id);
  }

  /** Domains add rules for their topics, e.g. `conversation:<id>`. */
  addTopicRule(prefix: string, authorize: TopicAuthorizer) {
    this.rules.set(prefix, authorize);
  }

  start() {
    this.unsubscribe = this.bus.subscribe((event) => this.deliver(event));
    this.heartbeat = setInterval(() => {
      for (const c of this.connections) c.socket.ping();
    }, 30_000);
    this.heartbeat.unref();
  }

  async attach(socket: WebSocket, principal: LivePrincipal, initialTopics: string[]) {
    const connection: Connection = { socket, principal, topics: new Set() };
    this.connections.add(connection);
    socket.on('close', () => this.connections.delete(connection));
    socket.on('error', (err) => this.logger.debug({ err }, 'socket error'));
    socket.on('message', (raw) => {
      this.onMessage(connection, raw.toString()).catch((err) =>
        this.logger.warn({ err }, 'socket message handling failed'),
      );
    });
    this.send(socket, { type: 'welcome', principal: principal.kind });
    if (initialTopics.length) await this.subscribe(connection, initialTopics);
  }

  get size() {
    return this.connections.size;
  }

  closeAll(code = 1001, reason = 'server shutting down') {
    clearInterval(this.heartbeat);
    this.unsubscribe?.();
    for (const c of this.connections) c.socket.close(code, reason);
    this.connections.clear();
  }

  private async onMessage(connection: Connection, raw: string) {
    let message: ClientMessage;
    try {
      message = JSON.parse(raw) as ClientMessage;
    } catch {
      return this.sendError(connection.socket, 'malformed_json', 'Messages must be JSON');
    }
    if (message?.type === 'ping') return this.send(connection.socket, { type: 'pong' });
    if ((message?.type === 'subscribe' || message?.type === 'unsubscribe') && Array.isArray(message.topics)) {
      const topics = message.topics.filter((t): t is string => typeof t === 'string');
      if (message.type === 'unsubscribe') {
        for (const t of topics) connection.topics.delete(t);
        return this.send(connection.socket, { type: 'unsubscribed', topics });
      }
      return this.subscribe(connection, topics);
    }
    return this.sendError(
      connection.socket,
      'bad_request',
      'Expected {"type":"subscribe"|"unsubscribe","topics":[...]} or {"type":"ping"}',
    );
  }

  private async subscribe(connection: Connection, topics: string[]) {
    const granted: string[] = [];
    const denied: string[] = [];
    for (const topic of topics.slice(0, MAX_TOPICS_PER_SOCKET)) {
      if (connection.topics.size >= MAX_TOPICS_PER_SOCKET) break;
      if (await this.mayReceive(connection.principal, topic)) {
        connection.topics.add(topic);
        granted.push(topic);
      } else {
        denied.push(topic);
      }
    }
    this.send(connection.socket, { type: 'subscribed', topics: granted });
    if (denied.length)
      this.sendError(connection.socket, 'forbidden', `Not allowed to subscribe to: ${denied.join(', ')}`);
  }

  private async mayReceive(principal: LivePrincipal, topic: string): Promise<boolean> {
    const [prefix, ...rest] = topic.split(':');
    const rule = prefix ? this.rules.get(prefix) : undefined;
    if (!rule) return false;
    try {
      return await rule(principal, rest.join(':'));
    } catch {
      return false;
    }
  }

  private deliver(event: LiveEvent) {
    for (const c of this.connections) {
      if (c.topics.has(event.topic)) this.send(c.socket, { type: 'event', event });
    }
  }

  private send(socket: WebSocket, message: unknown) {
    if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(message));
  }

  private sendError(socket: WebSocket, code: string, message: string) {
    this.send(socket, { type: 'error', error: { code, message } });
  }
}
