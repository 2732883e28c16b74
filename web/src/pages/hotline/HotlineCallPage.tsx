import { useEffect, useRef, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { ErrorBanner, Loading, PageHeader, StatusBadge } from '../../components';
import { formatDateTime, reasonText } from '../../format';
import { useApi } from '../../use-api';
import { useLiveEvents } from '../../use-live-events';
import { isRecord } from '../../util';
import {
  CHANNEL_LABELS,
  FEEDBACK_KIND_LABELS,
  FEEDBACK_KIND_TONES,
  type HotlineCallDetail,
  type HotlineCallResponse,
  type HotlineTurn,
  type TurnLatency,
  withTurn,
} from './hotline-types';

const ms = (value: number | null | undefined) =>
  typeof value === 'number' ? `${Math.round(value)} ms` : '—';

function LatencyNote({ latency }: { latency: TurnLatency }) {
  const parts: [string, number | null][] = [
    ['end of turn', latency.endOfTurnMs],
    ['recognition', latency.recognitionMs],
    ['reply', latency.replyMs],
    ['synthesis', latency.synthesisMs],
  ];
  return (
    <span className="muted small" data-testid="turn-latency">
      First audio after {ms(latency.firstAudioMs)}
      <span className="hotline-latency-split">
        {' '}
        ({parts.map(([label, value]) => `${label} ${ms(value)}`).join(' · ')})
      </span>
    </span>
  );
}

/** `/hotline/calls/:id`: one call's record, its transcript growing live while the call runs. */
export function HotlineCallPage() {
  const { id = '' } = useParams();
  const record = useApi<HotlineCallResponse>(`/api/v1/hotline/calls/${encodeURIComponent(id)}`);
  const [call, setCall] = useState<HotlineCallDetail | undefined>(undefined);
  const [turns, setTurns] = useState<HotlineTurn[]>([]);
  useEffect(() => {
    setCall(record.data?.call);
    setTurns(record.data?.turns ?? []);
  }, [record.data]);

  const { reload } = record;
  const live = useLiveEvents(['hotline'], (event) => {
    const data = isRecord(event.data) ? event.data : {};
    if (data.callId !== id) return;
    if (event.type === 'hotline.turn' && isRecord(data.turn)) {
      const turn = data.turn as unknown as HotlineTurn;
      setTurns((current) => withTurn(current, turn));
    }
    // The summary, feedback items and recording are written at the end: read the whole record again.
    if (event.type === 'hotline.call.ended') reload();
  });
  // Turns spoken while the socket was down are not replayed: re-read on reconnect.
  const opened = useRef(false);
  useEffect(() => {
    if (live !== 'open') return;
    if (opened.current) reload();
    opened.current = true;
  }, [live, reload]);

  const feedback = record.data?.feedbackItems ?? [];

  return (
    <>
      <PageHeader
        title="Hotline call"
        description={
          <Link to="/hotline/calls" className="small">
            ← All hotline calls
          </Link>
        }
        actions={
          call ? (
            <StatusBadge status={call.status} label={call.status === 'active' ? 'In progress' : 'Ended'} />
          ) : null
        }
      />
      {record.error ? <ErrorBanner error={record.error} onRetry={record.reload} /> : null}
      {record.loading && !record.data ? <Loading /> : null}
      {call ? (
        <div data-testid="hotline-call" data-status={call.status}>
          <div className="card">
            <dl className="facts">
              <div>
                <dt>Channel</dt>
                <dd>{CHANNEL_LABELS[call.channel] ?? call.channel}</dd>
              </div>
              <div>
                <dt>Language</dt>
                <dd>
                  {call.language.toUpperCase()}
                  {call.market ? ` · ${call.market}` : ''}
                </dd>
              </div>
              {call.toNumber ? (
                <div>
                  <dt>Line</dt>
                  <dd>{call.toNumber}</dd>
                </div>
              ) : null}
              {call.fromNumberMasked ? (
                <div>
                  <dt>Caller</dt>
                  <dd>{call.fromNumberMasked}</dd>
                </div>
              ) : null}
              <div>
                <dt>Started</dt>
                <dd>{formatDateTime(call.startedAt)}</dd>
              </div>
              <div>
                <dt>Ended</dt>
                <dd>
                  {call.endedAt ? formatDateTime(call.endedAt) : 'Still running'}
                  {call.endReason ? <span className="muted"> · {reasonText(call.endReason)}</span> : null}
                </dd>
              </div>
              <div>
                <dt>Wants to hear back</dt>
                <dd data-testid="wants-follow-up">
                  {call.wantsFollowUp === true ? 'Yes' : call.wantsFollowUp === false ? 'No' : 'Not asked'}
                </dd>
              </div>
            </dl>
            <h3 className="subheading">Consent notice given</h3>
            <p data-testid="consent-notice">{call.consentNotice}</p>
            {call.audioUrl ? (
              <>
                <h3 className="subheading">Recording</h3>
                {/* biome-ignore lint/a11y/useMediaCaption: the transcript below is the caption */}
                <audio controls preload="none" src={call.audioUrl} data-testid="call-audio">
                  <a href={call.audioUrl}>Download the recording</a>
                </audio>
                {call.audioExpiresAt ? (
                  <p className="muted small">Kept until {formatDateTime(call.audioExpiresAt)}.</p>
                ) : null}
              </>
            ) : null}
          </div>

          <section className="card" aria-labelledby="hotline-summary-title">
            <h2 id="hotline-summary-title" className="section-title">
              Summary
            </h2>
            {call.summary ? (
              <p data-testid="call-summary">{call.summary}</p>
            ) : (
              <p className="muted">
                {call.status === 'active' ? 'Written when the call ends.' : 'No summary.'}
              </p>
            )}
            <h3 className="subheading">
              Feedback <span className="count">{feedback.length}</span>
            </h3>
            {feedback.length === 0 ? (
              <p className="muted">
                {call.status === 'active' ? 'Collected when the call ends.' : 'None raised.'}
              </p>
            ) : (
              <ul className="event-list" data-testid="feedback-items">
                {feedback.map((item) => (
                  <li key={item.id} data-kind={item.kind}>
                    <span className={`badge badge-${FEEDBACK_KIND_TONES[item.kind] ?? 'neutral'}`}>
                      {FEEDBACK_KIND_LABELS[item.kind] ?? item.kind}
                    </span>{' '}
                    {item.summary}
                    {item.quote ? (
                      <blockquote className="hotline-quote" lang={item.language}>
                        “{item.quote}”
                      </blockquote>
                    ) : null}
                  </li>
                ))}
              </ul>
            )}
          </section>

          <section aria-labelledby="hotline-transcript-title">
            <h2 id="hotline-transcript-title" className="section-title">
              Transcript <span className="count">{turns.length}</span>
            </h2>
            {turns.length === 0 ? <p className="muted">Nothing said yet.</p> : null}
            <ol
              className="hotline-transcript"
              aria-live="polite"
              aria-relevant="additions text"
              data-testid="call-transcript"
            >
              {turns.map((t) => (
                <li
                  key={t.seq}
                  className={`card hotline-turn hotline-turn-${t.speaker}`}
                  data-speaker={t.speaker}
                  data-interrupted={t.interrupted || undefined}
                >
                  <div className="hotline-turn-head">
                    <strong>{t.speaker === 'persona' ? 'Persona (AI)' : 'Caller'}</strong>
                    <span className="muted small">{formatDateTime(t.startedAt)}</span>
                    {t.interrupted ? <span className="badge badge-warning">Interrupted</span> : null}
                    {t.passageId ? (
                      <span className="small" title="The corpus passage this answer came from">
                        Passage <code data-testid="turn-passage">{t.passageId}</code>
                      </span>
                    ) : null}
                  </div>
                  <p className="hotline-turn-text" lang={call.language}>
                    {t.text}
                  </p>
                  {t.speaker === 'persona' && t.latency ? <LatencyNote latency={t.latency} /> : null}
                </li>
              ))}
            </ol>
          </section>
        </div>
      ) : null}
    </>
  );
}
