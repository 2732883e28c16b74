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
          <section aria-labelledby="shared-devices-title">
            <h2 id="shared-devices-title" className="section-title">
              Shared devices <span className="count">{devices.length}</span>
            </h2>
            {devices.length === 0 ? (
              <p className="muted">No shared devices.</p>
            ) : (
              <div className="table-wrap">
                <table className="table" data-testid="shared-devices">
                  <thead>
                    <tr>
                      <th scope="col">Device</th>
                      <th scope="col" className="num">
                        Customers
                      </th>
                      <th scope="col">Linked customers</th>
                    </tr>
                  </thead>
                  <tbody>
                    {devices.map((d) => (
                      <tr key={d.deviceId}>
                        <td>
                          <strong>{humanize(d.platform)}</strong>
                          <div>
                            <code className="fingerprint">{d.fingerprint}</code>
                          </div>
                        </td>
                        <td className="num">
                          <CountBadge n={d.customerCount} />
                        </td>
                        <td>
                          <Customers customers={d.customers} total={d.customerCount} />
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </section>
          <section aria-labelledby="shared-cards-title">
            <h2 id="shared-cards-title" className="section-title">
              Shared payment fingerprints <span className="count">{cards.length}</span>
            </h2>
            {cards.length === 0 ? (
              <p className="muted">No shared payment fingerprints.</p>
            ) : (
              <div className="table-wrap">
                <table className="table" data-testid="shared-payment-fingerprints">
                  <thead>
                    <tr>
                      <th scope="col">Payment method</th>
                      <th scope="col" className="num">
                        Customers
                      </th>
                      <th scope="col">Linked customers</th>
                    </tr>
                  </thead>
                  <tbody>
                    {cards.map((c) => (
                      <tr key={c.fingerprint}>
                        <td>
                          <strong>
                            {humanize(c.brand)} •••• {c.last4}
                          </strong>
                          <div>
                            <code className="fingerprint">{c.fingerprint}</code>
                          </div>
                        </td>
                        <td className="num">
                          <CountBadge n={c.customerCount} />
                        </td>
                        <td>
                          <Customers customers={c.customers} total={c.customerCount} />
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </section>
        </>
      ) : null}
    </>
  );
}
