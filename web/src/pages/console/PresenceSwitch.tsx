import { useEffect } from 'react';
import { api } from '../../api';
import { useSubmit } from '../../use-api';

/** Heartbeats keep the agent online; the server counts 30 s of silence (PRESENCE_TIMEOUT_SECONDS) as offline. */
const HEARTBEAT_MS = 10_000;

interface PresenceView {
  online: boolean;
  lastHeartbeatAt: string;
}

/** The online/offline switch; while online it sends a heartbeat every 10 s. */
export function PresenceSwitch({
  online,
  onChange,
}: {
  online: boolean;
  onChange: (online: boolean) => void;
}) {
  const submit = useSubmit();

  useEffect(() => {
    if (!online) return;
    const timer = window.setInterval(() => {
      api<PresenceView>('/api/v1/agents/me/heartbeat', { method: 'POST' })
        .then((p) => {
          if (!p.online) onChange(false);
        })
        .catch(() => {
          // A missed heartbeat is retried by the next tick; the switch stays as the agent set it.
        });
    }, HEARTBEAT_MS);
    return () => window.clearInterval(timer);
  }, [online, onChange]);

  function flip() {
    const next = !online;
    void submit.run(async () => {
      const p = await api<PresenceView>('/api/v1/agents/me/presence', {
        method: 'POST',
        body: { online: next },
      });
      onChange(p.online);
    });
  }

  return (
    <div className="presence">
      <button
        type="button"
        role="switch"
        aria-checked={online}
        aria-labelledby="presence-label"
        className={`switch ${online ? 'switch-on' : ''}`}
        disabled={submit.busy}
        onClick={flip}
        data-testid="presence-switch"
      >
        <span className="switch-thumb" aria-hidden="true" />
      </button>
      <span id="presence-label" className="presence-label">
        Online
      </span>
      <span className={`presence-state ${online ? 'is-online' : ''}`} aria-live="polite">
        {online ? 'You are online and receive offers' : 'You are offline'}
      </span>
      {submit.error ? (
        <span className="presence-error" role="alert">
          {submit.error}
        </span>
      ) : null}
    </div>
  );
}
