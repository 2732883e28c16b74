import { ErrorBanner, StatusBadge } from '../../components';
import { humanize } from '../../format';
import { languageName, type OfferCard } from './console-types';
import { clock, useNow } from './console-util';

const PRIORITY_TONE: Record<string, string> = { urgent: 'failed', high: 'open', normal: 'scheduled' };

/**
 * Incoming offers, oldest first, each with a live countdown to `expiresAt`. An offer whose time is up
 * leaves the list at once (the server's offer.expired follows and sends it to the next agent).
 */
export function OffersPanel({
  offers,
  busyId,
  error,
  notice,
  onAccept,
  onDecline,
}: {
  offers: OfferCard[];
  busyId: string | null;
  error: string | null;
  notice: string | null;
  onAccept: (offer: OfferCard) => void;
  onDecline: (offer: OfferCard) => void;
}) {
  const now = useNow(250);
  const live = offers.filter((o) => Date.parse(o.expiresAt) > now);
  return (
    <section className="offers" aria-labelledby="offers-title" data-testid="offers">
      <h2 id="offers-title" className="section-title">
        Incoming offers <span className="count">{live.length}</span>
      </h2>
      <p className="visually-hidden" aria-live="assertive">
        {live.length ? `${live.length} conversation offer${live.length === 1 ? '' : 's'} waiting` : ''}
      </p>
      {notice ? (
        <p className="small muted" role="status" data-testid="offer-notice">
          {notice}
        </p>
      ) : null}
      {error ? <ErrorBanner error={error} /> : null}
      {live.length === 0 ? <p className="muted small">No offers right now.</p> : null}
      <ul className="offer-list">
        {live.map((offer, i) => {
          const left = (Date.parse(offer.expiresAt) - now) / 1000;
          const total = Math.max(1, (Date.parse(offer.expiresAt) - Date.parse(offer.offeredAt)) / 1000);
          const waiting = offer.conversation.waitingSince
            ? (now - Date.parse(offer.conversation.waitingSince)) / 1000
            : null;
          const priority = offer.conversation.priority ?? 'normal';
          const titleId = `offer-${offer.id}`;
          return (
            <li key={offer.id} className="card offer-card" aria-labelledby={titleId} data-testid="offer">
              <div className="offer-head">
                <h3 id={titleId}>
                  {languageName(offer.conversation.language)} ·{' '}
                  {humanize(offer.conversation.queue ?? 'general')}
                </h3>
                <StatusBadge status={PRIORITY_TONE[priority] ?? 'scheduled'} label={humanize(priority)} />
              </div>
              <dl className="offer-facts">
                <div>
                  <dt>Waiting</dt>
                  <dd>{waiting === null ? '—' : clock(waiting)}</dd>
                </div>
                <div>
                  <dt>Expires in</dt>
                  <dd data-testid="offer-countdown">
                    <span className="countdown">{clock(left)}</span>
                  </dd>
                </div>
              </dl>
              <div
                className="countdown-bar"
                role="progressbar"
                aria-label="Time left to accept"
                aria-valuemin={0}
                aria-valuemax={Math.round(total)}
                aria-valuenow={Math.max(0, Math.round(left))}
              >
                <span style={{ width: `${Math.max(0, Math.min(100, (left / total) * 100))}%` }} />
              </div>
              <div className="button-row">
                <button
                  type="button"
                  className="btn btn-primary"
                  disabled={busyId !== null}
                  onClick={() => onAccept(offer)}
                  aria-keyshortcuts={i === 0 ? 'Alt+Shift+A' : undefined}
                >
                  {busyId === offer.id ? 'Accepting…' : 'Accept'}
                </button>
                <button
                  type="button"
                  className="btn btn-secondary"
                  disabled={busyId !== null}
                  onClick={() => onDecline(offer)}
                  aria-keyshortcuts={i === 0 ? 'Alt+Shift+D' : undefined}
                >
                  Decline
                </button>
              </div>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
