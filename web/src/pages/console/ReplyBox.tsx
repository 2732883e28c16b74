import { type FormEvent, forwardRef, type KeyboardEvent } from 'react';
import { ErrorBanner } from '../../components';
import { useSubmit } from '../../use-api';
import { REPLY_BOX_ID } from './shortcuts';

const MAX_CHARS = 4000;

/** The agent's reply: Enter sends, Shift+Enter starts a new line. Suggestions are inserted here for editing. */
export const ReplyBox = forwardRef<
  HTMLTextAreaElement,
  { value: string; onChange: (value: string) => void; onSend: (text: string) => Promise<void> }
>(function ReplyBox({ value, onChange, onSend }, ref) {
  const submit = useSubmit();

  function send() {
    const text = value.trim();
    if (!text || submit.busy) return;
    void submit.run(async () => {
      await onSend(text);
      onChange('');
    });
  }

  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      send();
    }
  }

  return (
    <form
      className="reply-box"
      aria-label="Reply to the customer"
      onSubmit={(e: FormEvent<HTMLFormElement>) => {
        e.preventDefault();
        send();
      }}
    >
      <label htmlFor={REPLY_BOX_ID}>Your reply</label>
      <textarea
        id={REPLY_BOX_ID}
        ref={ref}
        rows={3}
        maxLength={MAX_CHARS}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        onKeyDown={onKeyDown}
        aria-describedby="reply-hint"
        aria-keyshortcuts="Alt+Shift+R"
      />
      <div className="reply-row">
        <span id="reply-hint" className="hint">
          Enter sends · Shift+Enter new line · {value.length} / {MAX_CHARS}
        </span>
        <button type="submit" className="btn btn-primary" disabled={submit.busy || !value.trim()}>
          {submit.busy ? 'Sending…' : 'Send'}
        </button>
      </div>
      {submit.error ? <ErrorBanner error={submit.error} /> : null}
    </form>
  );
});
