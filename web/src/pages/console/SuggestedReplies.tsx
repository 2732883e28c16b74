import { ErrorBanner, Loading } from '../../components';
import type { Loadable } from '../../use-api';
import type { Suggestions } from './console-types';
import { isMissingEndpoint } from './console-util';

/** Replies from the help centre and the matching flow; choosing one puts it in the reply box to edit. */
export function SuggestedReplies({
  suggestions,
  onInsert,
}: {
  suggestions: Loadable<Suggestions>;
  onInsert: (text: string) => void;
}) {
  const replies = suggestions.data?.replies ?? [];
  return (
    <section
      className="panel suggested-replies"
      aria-labelledby="suggested-title"
      data-testid="suggested-replies"
    >
      <h3 id="suggested-title">Suggested replies</h3>
      {suggestions.loading && !suggestions.data ? <Loading label="Finding suggestions…" /> : null}
      {isMissingEndpoint(suggestions.error) ? (
        <p className="small muted" data-testid="suggestions-unavailable">
          Suggested replies are not available on this server yet.
        </p>
      ) : suggestions.error ? (
        <ErrorBanner error={suggestions.error} onRetry={suggestions.reload} />
      ) : null}
      {suggestions.data && replies.length === 0 ? (
        <p className="small muted">Nothing to suggest for this conversation.</p>
      ) : null}
      <ul className="suggestion-list">
        {replies.map((r) => (
          <li key={r.id}>
            <button type="button" className="suggestion" onClick={() => onInsert(r.text)}>
              <span className="suggestion-title">
                {r.title}{' '}
                <span className="badge badge-neutral">{r.kind === 'article' ? 'Help centre' : 'Flow'}</span>
              </span>
              <span className="suggestion-text">{r.text}</span>
              <span className="visually-hidden"> (insert into the reply box)</span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
