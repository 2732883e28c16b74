import { useSearchParams } from 'react-router-dom';
import { ErrorBanner, Loading } from '../../components';
import { formatDateTime, humanize } from '../../format';
import { useApi } from '../../use-api';
import { isRecord } from '../../util';
import type { AuditEntry, StaffRecord } from './types';

const KNOWN_ENTITY_TYPES = [
  'staff_user',
  'api_key',
  'customer',
  'payment_plan',
  'installment',
  'late_fee',
  'refund',
  'dispute',
];

function parseJson(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
}

/** The fields that differ between `before` and `after` (all of `after` when there is no `before`). */
function changes(before: unknown, after: unknown): { key: string; from: unknown; to: unknown }[] {
  const b = parseJson(before);
  const a = parseJson(after);
  if (!isRecord(b) && !isRecord(a)) return [];
  const keys = new Set([...Object.keys(isRecord(b) ? b : {}), ...Object.keys(isRecord(a) ? a : {})]);
  const out: { key: string; from: unknown; to: unknown }[] = [];
  for (const key of keys) {
    const from = isRecord(b) ? b[key] : undefined;
    const to = isRecord(a) ? a[key] : undefined;
    if (JSON.stringify(from) !== JSON.stringify(to)) out.push({ key, from, to });
  }
  return out;
}

function show(value: unknown): string {
  if (value === undefined) return '—';
  if (value === null) return 'null';
  if (typeof value === 'string') return value;
  return JSON.stringify(value);
}

export function AuditLogPage() {
  const [params, setParams] = useSearchParams();
  const entityType = params.get('entityType') ?? '';
  const audit = useApi<{ entries: AuditEntry[] }>(
    `/api/v1/admin/audit?limit=100${entityType ? `&entityType=${encodeURIComponent(entityType)}` : ''}`,
  );
  // Staff names make the actor column readable.
  const staff = useApi<{ staff: StaffRecord[] }>('/api/v1/admin/staff');
  const names = new Map((staff.data?.staff ?? []).map((s) => [s.id, s.name]));
  const entries = audit.data?.entries ?? [];
  const types = [...new Set([...KNOWN_ENTITY_TYPES, ...entries.map((e) => e.entityType), entityType])]
    .filter(Boolean)
    .sort();

  return (
    <section aria-labelledby="audit-title">
      <div className="section-head">
        <h2 id="audit-title" className="section-title">
          Audit log
        </h2>
        <div className="field field-inline">
          <label htmlFor="audit-entity-type">Entity type</label>
          <select
            id="audit-entity-type"
            value={entityType}
            onChange={(e) => setParams(e.target.value ? { entityType: e.target.value } : {})}
          >
            <option value="">All</option>
            {types.map((t) => (
              <option key={t} value={t}>
                {humanize(t)}
              </option>
            ))}
          </select>
          <button type="button" className="btn btn-secondary btn-small" onClick={audit.reload}>
            Refresh
          </button>
        </div>
      </div>
      <p className="muted">
        The latest 100 changes, newest first. Every change made through Tandem is recorded here.
      </p>
      {audit.error ? <ErrorBanner error={audit.error} onRetry={audit.reload} /> : null}
      {audit.loading && !audit.data ? <Loading /> : null}
      {audit.data && entries.length === 0 ? <p className="muted">No entries.</p> : null}
      {entries.length > 0 ? (
        <div className="table-wrap">
          <table className="table" data-testid="audit-table">
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col">Who</th>
                <th scope="col">Action</th>
                <th scope="col">Entity</th>
                <th scope="col">Changes</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((e) => {
                const diff = changes(e.before, e.after);
                return (
                  <tr key={e.id} data-action={e.action}>
                    <td className="nowrap">{formatDateTime(e.occurredAt)}</td>
                    <td>
                      <span className="badge badge-neutral">{humanize(e.actorType)}</span>{' '}
                      {e.actorId ? (names.get(e.actorId) ?? <code>{e.actorId.slice(0, 8)}</code>) : null}
                    </td>
                    <td>
                      <code>{e.action}</code>
                      {e.reason ? <div className="muted small">Reason: {e.reason}</div> : null}
                    </td>
                    <td>
                      {humanize(e.entityType)}
                      {e.entityId ? (
                        <div className="muted small">
                          <code title={e.entityId}>
                            {e.entityType === 'staff_user' && names.get(e.entityId)
                              ? names.get(e.entityId)
                              : e.entityId.slice(0, 8)}
                          </code>
                        </div>
                      ) : null}
                    </td>
                    <td>
                      {diff.length === 0 ? (
                        <span className="muted">—</span>
                      ) : (
                        <details className="details">
                          <summary>
                            {diff.length} field{diff.length === 1 ? '' : 's'}
                          </summary>
                          <dl className="diff">
                            {diff.map((d) => (
                              <div key={d.key}>
                                <dt>{d.key}</dt>
                                <dd>
                                  <span className="diff-from">{show(d.from)}</span> →{' '}
                                  <span className="diff-to">{show(d.to)}</span>
                                </dd>
                              </div>
                            ))}
                          </dl>
                        </details>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}
