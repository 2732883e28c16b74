import type { KeyboardEvent } from 'react';
import { humanize } from '../../format';
import type { ActiveConversation } from './console-types';
import { languageName } from './console-types';

export const tabId = (id: string) => `conversation-tab-${id}`;
export const panelId = 'conversation-panel';

/** The active conversations as tabs; every tab is in the Tab order, and arrow keys move between them too. */
export function ConversationTabs({
  conversations,
  selectedId,
  unread,
  onSelect,
}: {
  conversations: ActiveConversation[];
  selectedId: string | null;
  unread: ReadonlySet<string>;
  onSelect: (id: string) => void;
}) {
  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    if (event.key !== 'ArrowRight' && event.key !== 'ArrowLeft') return;
    const index = conversations.findIndex((c) => c.id === selectedId);
    const step = event.key === 'ArrowRight' ? 1 : -1;
    const next = conversations[(index + step + conversations.length) % conversations.length];
    if (!next) return;
    event.preventDefault();
    onSelect(next.id);
    document.getElementById(tabId(next.id))?.focus();
  }

  return (
    <div className="conversation-tabs" role="tablist" aria-label="Your conversations" onKeyDown={onKeyDown}>
      {conversations.map((c, i) => {
        const isSelected = c.id === selectedId;
        return (
          <button
            key={c.id}
            id={tabId(c.id)}
            type="button"
            role="tab"
            aria-selected={isSelected}
            aria-controls={panelId}
            aria-keyshortcuts={i < 9 ? `Alt+Shift+${i + 1}` : undefined}
            className="conversation-tab"
            onClick={() => onSelect(c.id)}
            data-testid="conversation-tab"
          >
            <span className="conversation-tab-name">
              <span className="tab-number" aria-hidden="true">
                {i + 1}
              </span>
              {c.customerName ?? 'Customer'}
              {unread.has(c.id) ? (
                <span className="unread-dot">
                  <span className="visually-hidden"> (new message)</span>
                </span>
              ) : null}
            </span>
            <span className="conversation-tab-meta">
              {languageName(c.language)}
              {c.queue ? ` · ${humanize(c.queue)}` : ''}
            </span>
            {c.lastMessage ? <span className="conversation-tab-last">{c.lastMessage.text}</span> : null}
          </button>
        );
      })}
    </div>
  );
}
