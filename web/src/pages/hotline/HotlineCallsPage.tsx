import { useEffect, useRef, useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { EmptyState, ErrorBanner, Loading, PageHeader, StatusBadge } from '../../components';
import { formatDateTime, reasonText } from '../../format';
import { useApi } from '../../use-api';
import { useLiveEvents } from '../../use-live-events';
import { isRecord } from '../../util';
import { applyCallEvent } from './calls-live';
import { CHANNEL_LABELS, type HotlineCallSummary } from './hotline-types';

const STATUSES = [
  { value: '', label: 'All' },
  { value: 'active', label: 'In progress' },
  { value: 'ended', label: 'Ended' },
];

/** `/hotline/calls`: founder-hotline calls, newest first, updated live while they run. */
export function HotlineCallsPage() {
  const [params, setParams] = useSearchParams();
  const status = params.get('status') ?? '';
  const list = useApi<{ calls: HotlineCallSummary[] }>(
    `/api/v1/hotline/calls?limit=50${status ? `&status=${encodeURIComponent(status)}` : ''}`,
  );
  const [calls, setCalls] = useState<HotlineCallSummary[]>([]);
  const seen = useRef(new Set<string>());
  useEffect(() => {
    seen.current = new Set();
    setCalls(list.data?.calls ?? []);
  }, [list.data]);

  const live = useLiveEvents(['hotline'], (event) => {
    if (event.type === 'hotline.turn' && isRecord(event.data)) {
      // A turn event may repeat (the caller's words refined): count each turn once.
      const turn = event.data.turn;
      const key = `${String(event.data.callId)}:${isRecord(turn) ? String(turn.seq) : ''}`;
      if (seen.current.has(key)) return;
      seen.current.add(key);
    }
    setCalls((current) => applyCallEvent(current, event, status));
  });
  // Events sent while the socket was down are not replayed: re-read the list when it is back.
  const { reload } = list;
  const opened = useRef(false);
  useEffect(() => {
    if (live !== 'open') return;
    if (opened.current) reload();
    opened.current = true;
  }, [live, reload]);

  return (
    <>
      <PageHeader
        title="Hotline calls"
        description="Calls and chats with the founder persona: live transcripts while they run, then summaries and feedback."
        actions={
          <span className="muted small" role="status" data-testid="live-status">
            {live === 'open' ? 'Live' : live === 'connecting' ? 'Connecting…' : 'Reconnecting…'}
          </span>
        }
      />
      <div className="section-head">
        <h2 className="section-title">
          Calls <span className="count">{calls.length}</span>
        </h2>
        <div className="field field-inline">
          <label htmlFor="hotline-status">Status</label>
          <select
            id="hotline-status"
            value={status}
            onChange={(e) => setParams(e.target.value ? { status: e.target.value } : {})}
          >
            {STATUSES.map((s) => (
              <option key={s.value} value={s.value}>
                {s.label}
              </option>
            ))}
          </select>
          <button type="button" className="btn btn-secondary btn-small" onClick={list.reload}>
            Refresh
          </button>
        </div>
      </div>
      {list.error ? <ErrorBanner error={list.error} onRetry={list.reload} /> : null}
      {list.loading && !list.data ? <Loading /> : null}
      {list.data && calls.length === 0 ? (
        <EmptyState title="No calls yet">
          <p>
            Calls to the hotline numbers, browser calls from <a href="/hotline">/hotline</a> and hotline chats
            appear here as they start.
          </p>
        </EmptyState>
      ) : null}
      {calls.length > 0 ? (
        <div className="table-wrap">
          <table className="table" data-testid="hotline-calls">
            <thead>
              <tr>
                <th scope="col">Started</th>
                <th scope="col">Channel</th>
                <th scope="col">Language</th>
                <th scope="col">Line</th>
                <th scope="col">Caller</th>
                <th scope="col">Status</th>
                <th scope="col">Turns</th>
                <th scope="col">Summary</th>
              </tr>
            </thead>
            <tbody>
              {calls.map((c) => (
                <tr key={c.id} data-call-id={c.id} data-status={c.status}>
                  <td className="nowrap">
                    <Link to={`/hotline/calls/${encodeURIComponent(c.id)}`}>
                      {formatDateTime(c.startedAt)}
                    </Link>
                  </td>
                  <td>{CHANNEL_LABELS[c.channel] ?? c.channel}</td>
                  <td>
                    {c.language.toUpperCase()}
                    {c.market ? <span className="muted small"> · {c.market}</span> : null}
                  </td>
                  <td className="nowrap">{c.toNumber ?? '—'}</td>
                  <td className="nowrap">{c.fromNumberMasked ?? '—'}</td>
                  <td>
                    <StatusBadge status={c.status} label={c.status === 'active' ? 'In progress' : 'Ended'} />
                    {c.endReason ? <div className="muted small">{reasonText(c.endReason)}</div> : null}
                  </td>
                  <td>{c.turnCount}</td>
                  <td>{c.summary ?? <span className="muted">—</span>}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </>
  );
}
