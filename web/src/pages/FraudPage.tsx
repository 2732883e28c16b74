import { EmptyState, ErrorBanner, Loading, PageHeader, StatusBadge } from '../components';
import { humanize } from '../format';
import { useApi } from '../use-api';

/** Mirrors src/operations/list-shared-devices.ts. */
interface LinkedCustomer {
  id: string;
  givenName: string;
  familyName: string;
  email: string;
  status: 'active' | 'locked' | 'closed';
  createdAt: string;
}

interface SharedDevices {
  minCustomers: number;
  devices: {
    deviceId: string;
    fingerprint: string;
    platform: string;
    customerCount: number;
    customers: LinkedCustomer[];
  }[];
  paymentFingerprints: {
    fingerprint: string;
    brand: string;
    last4: string;
    customerCount: number;
    customers: LinkedCustomer[];
  }[];
}

function Customers({ customers, total }: { customers: LinkedCustomer[]; total: number }) {
  return (
    <>
      <ul className="linked-customers">
        {customers.map((c) => (
          <li key={c.id}>
            <span>
              {c.givenName} {c.familyName}
            </span>{' '}
            <span className="muted small">{c.email}</span>
            {c.status !== 'active' ? (
              <>
                {' '}
                <StatusBadge status={c.status} />
              </>
            ) : null}
          </li>
        ))}
      </ul>
      {total > customers.length ? <p className="muted small">and {total - customers.length} more</p> : null}
    </>
  );
}

function CountBadge({ n }: { n: number }) {
  return <span className={n >= 5 ? 'badge badge-danger' : 'badge badge-warning'}>{n}</span>;
}

interface SharedIdentifierRow {
  key: string;
  label: string;
  fingerprint: string;
  customerCount: number;
  customers: LinkedCustomer[];
}

/** One identifier kind (devices or payment fingerprints) and the customers linked through it. */
function SharedIdentifierSection(props: {
  id: string;
  title: string;
  emptyText: string;
  columnLabel: string;
  rows: SharedIdentifierRow[];
}) {
  const { id, title, emptyText, columnLabel, rows } = props;
  return (
    <section aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="section-title">
        {title} <span className="count">{rows.length}</span>
      </h2>
      {rows.length === 0 ? (
        <p className="muted">{emptyText}</p>
      ) : (
        <div className="table-wrap">
          <table className="table" data-testid={id}>
            <thead>
              <tr>
                <th scope="col">{columnLabel}</th>
                <th scope="col" className="num">
                  Customers
                </th>
                <th scope="col">Linked customers</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.key}>
                  <td>
                    <strong>{r.label}</strong>
                    <div>
                      <code className="fingerprint">{r.fingerprint}</code>
                    </div>
                  </td>
                  <td className="num">
                    <CountBadge n={r.customerCount} />
                  </td>
                  <td>
                    <Customers customers={r.customers} total={r.customerCount} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

export function FraudPage() {
  const shared = useApi<SharedDevices>('/api/v1/fraud/shared-devices');
  const data = shared.data;
  const devices = data?.devices ?? [];
  const cards = data?.paymentFingerprints ?? [];
  const min = data?.minCustomers ?? 3;
  return (
    <>
      <PageHeader
        title="Fraud"
        description={`Devices and payment fingerprints shared by ${min} or more customers, biggest clusters first. A shared identifier is a reason to look closer, not proof of fraud: families and shared computers are common.`}
        actions={
          <button
            type="button"
            className="btn btn-secondary"
            onClick={shared.reload}
            disabled={shared.loading}
          >
            Refresh
          </button>
        }
      />
      {shared.error ? <ErrorBanner error={shared.error} onRetry={shared.reload} /> : null}
      {shared.loading && !data ? <Loading /> : null}
      {data && devices.length === 0 && cards.length === 0 ? (
        <EmptyState title="No shared identifiers">
          <p>No device or payment fingerprint is linked to {min} or more customers.</p>
        </EmptyState>
      ) : null}

      {data && devices.length + cards.length > 0 ? (
        <>
          <SharedIdentifierSection
            id="shared-devices"
            title="Shared devices"
            emptyText="No shared devices."
            columnLabel="Device"
            rows={devices.map((d) => ({
              key: d.deviceId,
              label: humanize(d.platform),
              fingerprint: d.fingerprint,
              customerCount: d.customerCount,
              customers: d.customers,
            }))}
          />
          <SharedIdentifierSection
            id="shared-payment-fingerprints"
            title="Shared payment fingerprints"
            emptyText="No shared payment fingerprints."
            columnLabel="Payment method"
            rows={cards.map((c) => ({
              key: c.fingerprint,
              label: `${humanize(c.brand)} •••• ${c.last4}`,
              fingerprint: c.fingerprint,
              customerCount: c.customerCount,
              customers: c.customers,
            }))}
          />
        </>
      ) : null}
    </>
  );
}
