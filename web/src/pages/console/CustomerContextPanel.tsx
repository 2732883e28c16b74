import { ErrorBanner, Loading, StatusBadge } from '../../components';
import { formatDate, formatDateTime, formatMoney, humanize } from '../../format';
import type { Loadable } from '../../use-api';
import { OrderPanel } from '../OrderPanel';
import type { ConversationContext } from './console-types';
import { isMissingEndpoint } from './console-util';

/** Who the customer is, what they owe next, their orders (plans, installments) and earlier conversations. */
export function CustomerContextPanel({ context }: { context: Loadable<ConversationContext> }) {
  const data = context.data;
  const customer = data?.customer ?? null;
  const locale = customer?.locale ?? undefined;
  return (
    <section
      className="panel customer-context"
      aria-labelledby="context-title"
      data-testid="customer-context"
    >
      <h3 id="context-title">Customer</h3>
      {context.loading && !data ? <Loading label="Loading the customer…" /> : null}
      {isMissingEndpoint(context.error) ? (
        <p className="small muted" data-testid="context-unavailable">
          Customer context is not available on this server yet.
        </p>
      ) : context.error ? (
        <ErrorBanner error={context.error} onRetry={context.reload} />
      ) : null}
      {data && !customer ? (
        <p className="small muted">An anonymous visitor: no account is linked to this conversation.</p>
      ) : null}
      {customer ? (
        <>
          <p className="context-name">
            <strong>{customer.name}</strong> <StatusBadge status={customer.status} />{' '}
            <StatusBadge
              status={customer.verified ? 'paid' : 'open'}
              label={customer.verified ? 'Verified' : 'Not verified'}
            />
          </p>
          <p className="small muted">
            {[customer.email, customer.phone, customer.country, customer.locale].filter(Boolean).join(' · ')}
          </p>
        </>
      ) : null}
      {data?.nextPayment ? (
        <p className="next-payment" data-testid="next-payment">
          Next payment{' '}
          <strong>{formatMoney(data.nextPayment.amountMinor, data.nextPayment.currency, locale)}</strong> due{' '}
          {formatDate(data.nextPayment.dueDate, locale)}
        </p>
      ) : null}
      {data && data.orders.length > 0 ? (
        <>
          <h4 className="subheading">
            Orders <span className="count">{data.orders.length}</span>
          </h4>
          {data.orders.map((order) => (
            <details key={order.id} className="details context-order">
              <summary>
                {order.merchant?.name ?? 'Order'} · {order.reference} ·{' '}
                {formatMoney(order.totalMinor, order.currency, locale)} <StatusBadge status={order.status} />
              </summary>
              <OrderPanel order={order} {...(locale ? { locale } : {})} />
            </details>
          ))}
        </>
      ) : null}
      {data ? (
        <>
          <h4 className="subheading">Recent conversations</h4>
          {data.recentConversations.length === 0 ? (
            <p className="small muted">None before this one.</p>
          ) : null}
          <ul className="event-list">
            {data.recentConversations.map((c) => (
              <li key={c.id}>
                {formatDateTime(c.startedAt, locale)} · <StatusBadge status={c.status} />{' '}
                {c.handledBy === 'human' ? 'with a person' : 'with the assistant'}
                {c.reason ? ` · ${humanize(c.reason)}` : ''}
                {c.resolutionCode ? ` · ${humanize(c.resolutionCode)}` : ''}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
