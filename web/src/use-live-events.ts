import { useEffect, useRef, useState } from 'react';

/** One live event as the server's SocketHub sends it (src/platform/live/socket-hub.ts). */
export interface LiveEvent {
  topic: string;
  type: string;
  data: unknown;
}

/** `connecting` until the hub confirms the subscription, `open` while connected, `closed` while waiting to reconnect. */
export type LiveStatus = 'connecting' | 'open' | 'closed';

type Frame = { type: 'event'; event: LiveEvent } | { type: 'welcome' | 'subscribed' | 'pong' | 'error' };

const MAX_BACKOFF_MS = 30_000;

function liveUrl(topics: readonly string[]): string {
  const url = new URL('/api/v1/live', window.location.origin);
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  if (topics.length) url.searchParams.set('topics', topics.join(','));
  return url.href;
}

/**
 * Follows `topics` over one WebSocket to `/api/v1/live`; the staff session cookie authenticates it.
 * Reconnects with exponential backoff (1 s … 30 s); topic changes are sent over the open socket
 * (subscribe/unsubscribe) rather than reconnecting. `onEvent` may change on every render.
 * Returns the connection status: events sent while it was not `open` are not replayed, so re-read
 * what you show when it becomes `open` again.
 */
export function useLiveEvents(topics: string[], onEvent: (e: LiveEvent) => void): LiveStatus {
  const [status, setStatus] = useState<LiveStatus>('connecting');
  const handler = useRef(onEvent);
  handler.current = onEvent;
  // A stable key, so a new array with the same topics changes nothing.
  const key = [...new Set(topics)].sort().join(',');
  const wanted = useRef<Set<string>>(new Set());
  const sync = useRef<() => void>(() => {});

  // Declared first so the connection below starts with the topics in its URL.
  useEffect(() => {
    wanted.current = new Set(key ? key.split(',') : []);
    sync.current();
  }, [key]);

  useEffect(() => {
    let closed = false;
    let attempts = 0;
    let timer: number | undefined;
    let socket: WebSocket | undefined;
    // What the server has for the current socket: the URL's topics, then what we sent.
    let serverTopics = new Set<string>();

    sync.current = () => {
      if (!socket || socket.readyState !== WebSocket.OPEN) return;
      const added = [...wanted.current].filter((t) => !serverTopics.has(t));
      const removed = [...serverTopics].filter((t) => !wanted.current.has(t));
      if (added.length) socket.send(JSON.stringify({ type: 'subscribe', topics: added }));
      if (removed.length) socket.send(JSON.stringify({ type: 'unsubscribe', topics: removed }));
      serverTopics = new Set(wanted.current);
    };

    const connect = () => {
      if (closed) return;
      serverTopics = new Set(wanted.current);
      const current = new WebSocket(liveUrl([...serverTopics]));
      socket = current;
      setStatus('connecting');
      current.addEventListener('open', () => {
        attempts = 0;
        sync.current();
      });
      current.addEventListener('message', (e) => {
        if (typeof e.data !== 'string') return;
        let frame: Frame;
        try {
          frame = JSON.parse(e.data) as Frame;
        } catch {
          return;
        }
        // Open once the hub confirmed the topics: from then on no event is missed.
        if (frame.type === 'subscribed') setStatus('open');
        if (frame.type === 'event' && wanted.current.has(frame.event.topic)) {
          handler.current({ topic: frame.event.topic, type: frame.event.type, data: frame.event.data });
        }
      });
      current.addEventListener('close', () => {
        if (socket !== current || closed) return;
        socket = undefined;
        setStatus('closed');
        const delay = Math.min(MAX_BACKOFF_MS, 1000 * 2 ** attempts++);
        timer = window.setTimeout(connect, delay);
      });
    };
    connect();
    return () => {
      closed = true;
      window.clearTimeout(timer);
      socket?.close(1000, 'done');
      sync.current = () => {};
    };
  }, []);

  return status;
}
