import { useEffect, useRef, useState } from 'react';
import { ApiError } from '../../api';
import type { LiveEvent } from '../../use-live-events';
import { isRecord } from '../../util';
import type { Message } from './console-types';

/** True when the server has no such route yet (a console endpoint still being built). */
export function isMissingEndpoint(error: unknown): boolean {
  return error instanceof ApiError && error.status === 404 && error.message.startsWith('No route for');
}

export type LiveListener = (event: LiveEvent) => void;

/** Hands the workspace's one socket's events to the panels that want them. */
export class LiveBus {
  private readonly listeners = new Set<LiveListener>();
  on(listener: LiveListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
  emit(event: LiveEvent): void {
    for (const l of this.listeners) l(event);
  }
}

/** Registers `listener` on `bus` for the component's lifetime; the latest listener is always called. */
export function useLiveBus(bus: LiveBus, listener: LiveListener): void {
  const ref = useRef(listener);
  ref.current = listener;
  useEffect(() => bus.on((e) => ref.current(e)), [bus]);
}

export const conversationIdOf = (topic: string): string | undefined =>
  topic.startsWith('conversation:') ? topic.slice('conversation:'.length) : undefined;

export function isMessage(data: unknown): data is Message {
  return (
    isRecord(data) &&
    typeof data.id === 'string' &&
    typeof data.role === 'string' &&
    typeof data.text === 'string'
  );
}

/** Adds messages not yet present (a live echo of our own reply, a reload), in time order. */
export function mergeMessages(current: Message[], incoming: Message[]): Message[] {
  const seen = new Set(current.map((m) => m.id));
  const added = incoming.filter((m) => !seen.has(m.id));
  if (added.length === 0) return current;
  return [...current, ...added].sort((a, b) => a.createdAt.localeCompare(b.createdAt));
}

/** The current time, refreshed every `everyMs` (for countdowns and waiting times). */
export function useNow(everyMs = 1000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), everyMs);
    return () => window.clearInterval(timer);
  }, [everyMs]);
  return now;
}

/** `75` → `1:15`; negative → `0:00`. */
export function clock(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}
