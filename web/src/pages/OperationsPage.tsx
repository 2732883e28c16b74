import { ErrorBanner, Loading, PageHeader } from '../components';
import { formatDateTime, formatMoney, formatNumber } from '../format';
import { useApi } from '../use-api';
import { OperationsTabs } from './OperationsTabs';

interface MoneyBucket {
  currency: string;
  count: number;
  amountMinor: number;
}

/** Mirrors src/operations/get-ops-overview.ts. */
interface OpsOverview {
  generatedAt: string;
  today: string;
  customers: { total: number; active: number; locked: number; closed: number };
  plans: { active: number; paused: number; defaulted: number };
  outstanding: MoneyBucket[];
  dueNext7Days: MoneyBucket[];
  overdue: MoneyBucket[];
  openDisputes: number;
  refundsPending: MoneyBucket[];
  lateFeesLast30Days: MoneyBucket[];
}

function CountCard({ label, value, tone }: { label: string; value: number | undefined; tone?: 'warn' }) {
  return (
    <div className={`figure-card${tone && value ? ` figure-${tone}` : ''}`}>
      <dt>{label}</dt>
      <dd>{value === undefined ? '—' : formatNumber(value)}</dd>
    </div>
  );
}

function MoneyCard({
  label,
  buckets,
  unit,
  tone,
}: {
  label: string;
  buckets: MoneyBucket[] | undefined;
  unit: string;
  tone?: 'warn';
}) {
  const list = buckets ?? [];
  const any = list.some((b) => b.count > 0);
  return (
    <div className={`figure-card${tone && any ? ` figure-${tone}` : ''}`}>
      <dt>{label}</dt>
      {list.length === 0 ? (
        <dd>
          <span className="figure-zero">None</span>
        </dd>
      ) : (
        list.map((b) => (
          <dd key={b.currency}>
            {formatMoney(b.amountMinor, b.currency)}
            <span className="figure-sub">
              {formatNumber(b.count)} {unit}
              {b.count === 1 ? '' : 's'}
            </span>
          </dd>
        ))
      )}
    </div>
  );
}

export function OperationsPage() {
  // The API answers `{ overview: {...} }`; a bare overview is accepted too.
  const overview = useApi<{ overview: OpsOverview } | OpsOverview>('/api/v1/ops/overview');
  const o = overview.data && 'overview' in overview.data ? overview.data.overview : overview.data;
  return (
    <>
      <PageHeader
        title="Operations"
        description={
          o
            ? `Live figures from the system of record, as of ${formatDateTime(o.generatedAt)}.`
            : 'Live figures from the system of record.'
        }
        actions={
          <button
            type="button"
            className="btn btn-secondary"
            onClick={overview.reload}
            disabled={overview.loading}
          >
            {overview.loading && o ? 'Refreshing…' : 'Refresh'}
          </button>
        }
      />
      <OperationsTabs />
      {overview.error ? <ErrorBanner error={overview.error} onRetry={overview.reload} /> : null}
      {overview.loading && !o ? <Loading /> : null}
      {o ? (
        <div data-testid="ops-overview">
          <section className="figure-group" aria-labelledby="ops-money">
            <h2 id="ops-money">Money</h2>
            <dl className="figure-grid">
              <MoneyCard label="Outstanding" buckets={o.outstanding} unit="item" />
              <MoneyCard label="Due in the next 7 days" buckets={o.dueNext7Days} unit="installment" />
              <MoneyCard label="Overdue" buckets={o.overdue} unit="installment" tone="warn" />
              <MoneyCard label="Refunds pending" buckets={o.refundsPending} unit="refund" />
              <MoneyCard label="Late fees, last 30 days" buckets={o.lateFeesLast30Days} unit="fee" />
            </dl>
          </section>
          <section className="figure-group" aria-labelledby="ops-work">
            <h2 id="ops-work">Plans and disputes</h2>
            <dl className="figure-grid">
              <CountCard label="Active plans" value={o.plans?.active} />
              <CountCard label="Paused plans" value={o.plans?.paused} />
              <CountCard label="Defaulted plans" value={o.plans?.defaulted} tone="warn" />
              <CountCard label="Open disputes" value={o.openDisputes} tone="warn" />
            </dl>
          </section>
          <section className="figure-group" aria-labelledby="ops-customers">
            <h2 id="ops-customers">Customers</h2>
            <dl className="figure-grid">
              <CountCard label="Total" value={o.customers?.total} />
              <CountCard label="Active" value={o.customers?.active} />
              <CountCard label="Locked" value={o.customers?.locked} tone="warn" />
              <CountCard label="Closed" value={o.customers?.closed} />
            </dl>
          </section>
        </div>
      ) : null}
    </>
  );
}
