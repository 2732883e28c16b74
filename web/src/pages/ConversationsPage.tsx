import { type FormEvent, useEffect, useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { useUser } from '../auth';
import { EmptyState, ErrorBanner, Loading, PageHeader, StatusBadge } from '../components';
import { formatDate, formatMoney, humanize } from '../format';
import { areaByKey, canSee } from '../roles';
import { type OrderView, personName } from '../types';
import { useApi } from '../use-api';
import { isRecord } from '../util';
import { OrderPanel } from './OrderPanel';

type Rec = Record<string, unknown>;

interface CustomerSummary {
  id: string;
  name: string;
  email: string | undefined;
  phone: string | undefined;
  country: string | undefined;
  status: string | undefined;
}

const s = (v: unknown): string | undefined => (typeof v === 'string' && v ? v : undefined);

function toSummary(c: Rec): CustomerSummary {
  return {
    id: String(c.id),
    name: personName(c),
    email: s(c.email),
    phone: s(c.phone),
    country: s(c.country),
    status: s(c.status),
  };
}

/** The list may come as `{ customers: [...] }` (or another single array key, or a bare array). */
function listFrom(data: unknown): Rec[] {
  if (Array.isArray(data)) return data.filter(isRecord);
  if (!isRecord(data)) return [];
  if (Array.isArray(data.customers)) return data.customers.filter(isRecord);
  const arr = Object.values(data).find(Array.isArray);
  return arr ? arr.filter(isRecord) : [];
}

export function ConversationsPage() {
  const user = useUser();
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const selected = params.get('customer');
  const [draft, setDraft] = useState(q);
  useEffect(() => setDraft(q), [q]);

  const results = useApi<unknown>(q ? `/api/v1/staff/customers?q=${encodeURIComponent(q)}` : null);
  const customers = listFrom(results.data).map(toSummary);

  function onSearch(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const next = new URLSearchParams();
    if (draft.trim()) next.set('q', draft.trim());
    setParams(next);
  }

  function select(id: string) {
    const next = new URLSearchParams(params);
    next.set('customer', id);
    setParams(next);
  }

  return (
    <>
      <PageHeader
        title="Conversations"
        description="Look up a customer to see their account, orders and payment plans."
      />
      {canSee(user.roles, areaByKey('console')) ? (
        <div className="alert alert-info" role="note">
          <p>
            Conversations handed over by the assistant are answered in the{' '}
            <Link to="/console">agent console</Link>.
          </p>
        </div>
      ) : null}

      <search className="search-form">
        <form aria-label="Customers" onSubmit={onSearch}>
          <label htmlFor="customer-search">Find a customer</label>
          <div className="search-row">
            <input
              id="customer-search"
              type="search"
              placeholder="Name, email, phone or order reference"
              minLength={2}
              value={draft}
              onChange={(e) => setDraft(e.target.value)}
              autoComplete="off"
            />
            <button type="submit" className="btn btn-primary" disabled={draft.trim().length < 2}>
              Search
            </button>
          </div>
        </form>
      </search>

      <div className="lookup-layout">
        <section className="lookup-results" aria-labelledby="results-title">
          <h2 id="results-title" className="section-title">
            Results {q && !results.loading ? <span className="count">{customers.length}</span> : null}
          </h2>
          {!q ? <p className="muted">Search to see matching customers.</p> : null}
          {results.loading ? <Loading label="Searching…" /> : null}
          {results.error ? <ErrorBanner error={results.error} onRetry={results.reload} /> : null}
          {q && !results.loading && !results.error && customers.length === 0 ? (
            <p className="muted">No customer matches “{q}”.</p>
          ) : null}
          {customers.length > 0 ? (
            <ul className="result-list" data-testid="customer-results">
              {customers.map((c) => (
                <li key={c.id}>
                  <button
                    type="button"
                    className="result-item"
                    aria-current={c.id === selected ? 'true' : undefined}
                    onClick={() => select(c.id)}
                  >
                    <span className="result-name">{c.name}</span>
                    <span className="result-meta">
                      {[c.email, c.phone, c.country].filter(Boolean).join(' · ')}
                    </span>
                    {c.status && c.status !== 'active' ? <StatusBadge status={c.status} /> : null}
                  </button>
                </li>
              ))}
            </ul>
          ) : null}
        </section>

        <section className="lookup-profile" aria-label="Customer profile">
          {selected ? (
            <CustomerProfile id={selected} />
          ) : (
            <EmptyState title="No customer selected">
              <p>Pick a customer from the results to see their profile and orders.</p>
            </EmptyState>
          )}
        </section>
      </div>
    </>
  );
}

function CustomerProfile({ id }: { id: string }) {
  const profile = useApi<Rec>(`/api/v1/staff/customers/${encodeURIComponent(id)}`);
  if (profile.loading) return <Loading label="Loading customer…" />;
  if (profile.error) return <ErrorBanner error={profile.error} onRetry={profile.reload} />;
  const data = profile.data ?? {};
  const customer: Rec = isRecord(data.customer) ? data.customer : data;
  const orders = (
    Array.isArray(data.orders) ? data.orders : Array.isArray(customer.orders) ? customer.orders : []
  )
    .filter(isRecord)
    .map((o) => o as unknown as OrderView);
  const paymentMethods = (
    Array.isArray(data.paymentMethods)
      ? data.paymentMethods
      : Array.isArray(customer.paymentMethods)
        ? customer.paymentMethods
        : []
  ).filter(isRecord);
  const locale = s(customer.locale);
  const currency = s(customer.currency);
  const name = personName(customer);

  const address = isRecord(customer.address) ? customer.address : customer;
  const moneyOf = (v: unknown) =>
    typeof v === 'number' && currency ? formatMoney(v, currency, locale) : undefined;
  const facts: [string, string | undefined][] = [
    ['Email', s(customer.email)],
    ['Phone', s(customer.phone)],
    ['Country', s(customer.country)],
    ['Language', locale],
    ['Date of birth', s(customer.dateOfBirth) ? formatDate(s(customer.dateOfBirth), locale) : undefined],
    [
      'Address',
      [s(address.line) ?? s(address.addressLine), s(address.postalCode), s(address.city)]
        .filter(Boolean)
        .join(', ') || undefined,
    ],
    ['Outstanding', moneyOf(customer.outstandingMinor)],
    ['Available credit', moneyOf(customer.availableCreditMinor)],
    ['Credit limit', moneyOf(customer.creditLimitMinor)],
    ['Open disputes', typeof customer.openDisputes === 'number' ? String(customer.openDisputes) : undefined],
    ['Customer since', s(customer.createdAt) ? formatDate(s(customer.createdAt), locale) : undefined],
  ];

  return (
    <div data-testid="customer-profile">
      <div className="card profile-card">
        <div className="profile-head">
          <h2>{name}</h2>
          {s(customer.status) ? <StatusBadge status={s(customer.status)!} /> : null}
        </div>
        {s(customer.statusReason) ? <p className="muted">{s(customer.statusReason)}</p> : null}
        <dl className="facts">
          {facts
            .filter(([, v]) => v)
            .map(([k, v]) => (
              <div key={k}>
                <dt>{k}</dt>
                <dd>{v}</dd>
              </div>
            ))}
        </dl>
        {paymentMethods.length > 0 ? (
          <>
            <h3 className="subheading">Payment methods</h3>
            <ul className="inline-list">
              {paymentMethods.map((pm, i) => (
                <li key={s(pm.id) ?? i}>
                  {humanize(s(pm.brand) ?? s(pm.kind) ?? 'method')} •••• {s(pm.last4) ?? '????'}
                  {pm.isDefault === true ? ' (default)' : ''}
                  {s(pm.status) && pm.status !== 'active' ? ` (${s(pm.status)})` : ''}
                </li>
              ))}
            </ul>
          </>
        ) : null}
      </div>

      <h2 className="section-title">
        Orders <span className="count">{orders.length}</span>
      </h2>
      {orders.length === 0 ? <p className="muted">No orders.</p> : null}
      {orders.map((order) => (
        <OrderPanel key={order.id} order={order} {...(locale ? { locale } : {})} />
      ))}
    </div>
  );
}
