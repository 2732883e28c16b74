import { useEffect, useRef } from 'react';
import { formatDateTime } from '../../format';
import type { Message } from './console-types';

const WHO: Record<Message['role'], string> = {
  customer: 'Customer',
  assistant: 'Assistant',
  agent: 'You',
  system: 'System',
};

/** The conversation so far, kept scrolled to the newest message; new ones are announced politely. */
export function Transcript({ messages, locale }: { messages: Message[]; locale?: string | undefined }) {
  const logRef = useRef<HTMLOListElement>(null);
  const count = messages.length;
  useEffect(() => {
    const log = logRef.current;
    if (log && count > 0) log.scrollTop = log.scrollHeight;
  }, [count]);
  return (
    <section className="transcript" aria-labelledby="transcript-title">
      <h3 id="transcript-title" className="visually-hidden">
        Transcript
      </h3>
      <ol
        ref={logRef}
        className="transcript-log"
        role="log"
        aria-live="polite"
        // biome-ignore lint/a11y/noNoninteractiveTabindex: the log scrolls, so keyboard users must be able to reach it
        tabIndex={0}
        data-testid="transcript"
      >
        {messages.map((m) => (
          <li key={m.id} className={`bubble bubble-${m.role}`} data-role={m.role}>
            <span className="bubble-meta">
              {m.role === 'agent' && m.agentName ? m.agentName : WHO[m.role]} ·{' '}
              <time dateTime={m.createdAt}>{formatDateTime(m.createdAt, locale)}</time>
            </span>
            <span className="bubble-text">{m.text}</span>
          </li>
        ))}
      </ol>
    </section>
  );
}
