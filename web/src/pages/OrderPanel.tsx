import { StatusBadge } from '../components';
import { formatDate, formatDateTime, formatMoney, humanize, reasonText } from '../format';
import { DISPUTE_REASON_LABELS, type OrderView, PLAN_LABELS } from '../types';

/** One order as an agent sees it: plan, installments, payments, refunds, returns and disputes. */
export function OrderPanel({ order, locale }: { order: OrderView; locale?: string }) {
  const money = (minor: number, currency = order.currency) => formatMoney(minor, currency, locale);
  const plan = order.plan;
  const headingId = `order-${order.id}`;
  return (
    <article className="card order-panel" aria-labelledby={headingId} data-testid="staff-order">
      <header className="order-panel-head">
        <div>
          <h3 id={headingId}>
            {order.merchant?.name ?? 'Unknown merchant'} <span className="muted">· {order.reference}</span>
          </h3>
          <p className="muted small">
            Placed {formatDateTime(order.placedAt, locale)} · {humanize(order.channel ?? 'online')}
          </p>
        </div>
        <div className="order-panel-total">
          <StatusBadge status={order.status} />
          <strong>{money(order.totalMinor)}</strong>
          {order.refundedMinor > 0 ? (
            <span className="small">Refunded {money(order.refundedMinor)}</span>
          ) : null}
        </div>
      </header>

      {order.items?.length ? (
        <ul className="item-list">
          {order.items.map((item, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: items have no id in the view
            <li key={i}>
              {item.quantity} × {item.description} <span className="muted">{money(item.totalMinor)}</span>
            </li>
          ))}
        </ul>
      ) : null}

      {plan ? (
        <section className="subsection" aria-label="Payment plan">
          <h4>
            {PLAN_LABELS[plan.kind] ?? humanize(plan.kind)} <StatusBadge status={plan.status} />
          </h4>
          <p className="small muted">
            Principal {money(plan.principalMinor, plan.currency)} · Outstanding{' '}
            {money(plan.outstandingMinor, plan.currency)}
            {plan.aprBps > 0 ? ` · APR ${(plan.aprBps / 100).toFixed(2)} %` : ''}
            {plan.postponementsUsed > 0 ? ` · Postponements used ${plan.postponementsUsed}` : ''}
            {plan.pausedReason ? ` · Paused: ${reasonText(plan.pausedReason)}` : ''}
          </p>
          <div className="table-wrap">
            <table className="table table-compact">
              <caption className="visually-hidden">Installments</caption>
              <thead>
                <tr>
                  <th scope="col">#</th>
                  <th scope="col">Due</th>
                  <th scope="col" className="num">
                    Amount
                  </th>
                  <th scope="col" className="num">
                    Paid
                  </th>
                  <th scope="col">Status</th>
                </tr>
              </thead>
              <tbody>
                {plan.installments.map((i) => (
                  <tr key={i.id}>
                    <td>{i.seq}</td>
                    <td>{formatDate(i.dueDate, locale)}</td>
                    <td className="num">{money(i.amountMinor, plan.currency)}</td>
                    <td className="num">{money(i.paidMinor, plan.currency)}</td>
                    <td>
                      <StatusBadge status={i.status} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {plan.payments.length > 0 ? (
            <details className="details">
              <summary>Payments ({plan.payments.length})</summary>
              <ul className="event-list">
                {plan.payments.map((p) => (
                  <li key={p.id}>
                    <StatusBadge status={p.status} /> {money(p.amountMinor, p.currency)} ·{' '}
                    {formatDateTime(p.attemptedAt, locale)}
                    {p.failureReason ? <span className="muted"> · {reasonText(p.failureReason)}</span> : null}
                  </li>
                ))}
              </ul>
            </details>
          ) : null}
          {plan.lateFees.length > 0 ? (
            <details className="details">
              <summary>Late fees ({plan.lateFees.length})</summary>
              <ul className="event-list">
                {plan.lateFees.map((f) => (
                  <li key={f.id}>
                    <StatusBadge status={f.status} /> {money(f.amountMinor, f.currency)} ·{' '}
                    {formatDateTime(f.assessedAt, locale)}
                    {f.waivedReason ? <span className="muted"> · {reasonText(f.waivedReason)}</span> : null}
                  </li>
                ))}
              </ul>
            </details>
          ) : null}
        </section>
      ) : (
        <p className="small muted">No payment plan.</p>
      )}

      {order.refunds.length > 0 || order.returns.length > 0 || order.disputes.length > 0 ? (
        <section className="subsection" aria-label="Refunds, returns and disputes">
          <ul className="event-list">
            {order.returns.map((r) => (
              <li key={r.id}>
                <span className="event-kind">Return</span> <StatusBadge status={r.status} />{' '}
                {reasonText(r.reason)}
                {r.trackingNumber ? <span className="muted"> · tracking {r.trackingNumber}</span> : null} ·{' '}
                {formatDateTime(r.requestedAt, locale)}
              </li>
            ))}
            {order.refunds.map((r) => (
              <li key={r.id}>
                <span className="event-kind">Refund</span> <StatusBadge status={r.status} />{' '}
                {money(r.amountMinor, r.currency)} · {reasonText(r.reason)} ·{' '}
                {formatDateTime(r.createdAt, locale)}
              </li>
            ))}
            {order.disputes.map((d) => (
              <li key={d.id}>
                <span className="event-kind">Dispute</span> <StatusBadge status={d.status} />{' '}
                {money(d.amountMinor, d.currency)} · {DISPUTE_REASON_LABELS[d.reason] ?? humanize(d.reason)} ·
                opened {formatDateTime(d.openedAt, locale)}
                {d.description ? <div className="muted small">{d.description}</div> : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </article>
  );
}
