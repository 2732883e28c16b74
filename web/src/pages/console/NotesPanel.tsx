import { type FormEvent, useState } from 'react';
import { api } from '../../api';
import { ErrorBanner } from '../../components';
import { formatDateTime } from '../../format';
import { useApi, useSubmit } from '../../use-api';
import type { Note } from './console-types';

/** Internal notes for colleagues; never shown to the customer. */
export function NotesPanel({ conversationId }: { conversationId: string }) {
  const path = `/api/v1/conversations/${conversationId}/notes`;
  const notes = useApi<{ notes: Note[] }>(path);
  const [text, setText] = useState('');
  const submit = useSubmit();

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!text.trim()) return;
    void submit.run(async () => {
      await api(path, { method: 'POST', body: { text: text.trim() } });
      setText('');
      notes.reload();
    });
  }

  const list = notes.data?.notes ?? [];
  return (
    <section className="panel" aria-labelledby="notes-title" data-testid="notes">
      <h3 id="notes-title">
        Internal notes <span className="count">{list.length}</span>
      </h3>
      {notes.error ? <ErrorBanner error={notes.error} onRetry={notes.reload} /> : null}
      <ul className="note-list">
        {list.map((n) => (
          <li key={n.id}>
            <p className="note-text">{n.text}</p>
            <p className="small muted">
              {n.authorName} · {formatDateTime(n.createdAt)}
            </p>
          </li>
        ))}
      </ul>
      <form onSubmit={onSubmit} aria-label="Add an internal note">
        <label htmlFor={`note-${conversationId}`}>Add a note</label>
        <textarea
          id={`note-${conversationId}`}
          rows={2}
          maxLength={4000}
          value={text}
          onChange={(e) => setText(e.target.value)}
          aria-describedby="note-hint"
        />
        <p id="note-hint" className="hint">
          Only staff see notes.
        </p>
        {submit.error ? <ErrorBanner error={submit.error} /> : null}
        <button type="submit" className="btn btn-secondary btn-small" disabled={submit.busy || !text.trim()}>
          {submit.busy ? 'Saving…' : 'Add note'}
        </button>
      </form>
    </section>
  );
}
