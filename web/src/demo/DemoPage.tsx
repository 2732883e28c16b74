import { useEffect, useId, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import type { TandemChatApi } from '../../widget/types';
import { ApiError, api, errorMessage } from '../api';
import { loadChatWidget } from '../chat-widget';
import { daysUntil, formatDate, formatMoney, humanize, reasonText } from '../format';
import {
  DISPUTE_REASON_LABELS,
  type InstallmentView,
  type OrderView,
  PLAN_LABELS,
  type PlanView,
  personName,
  upcomingInstallments,
} from '../types';
import { isRecord } from '../util';
import './demo.css';
import { BrandMark } from './brand-mark';

interface DemoCustomer {
  id: string;
  name: string;
  locale: string;
  country: string;
  currency?: string;
}

interface DemoInfo {
  demoMode: boolean;
  customers: DemoCustomer[];
}

/** `GET /api/v1/me/next-payment`: the installment to pay next, chosen by the server. */
interface NextPayment {
  installmentId: string;
  planId: string;
  orderId: string;
  merchantName: string;
  seq: number;
  installmentCount: number;
  dueDate: string;
  amountMinor: number;
  lateFeesMinor: number;
  currency: string;
  status: 'scheduled' | 'late' | 'failed';
  overdue: boolean;
  daysUntilDue: number;
  paymentMethod: { brand: string; last4: string; status: string } | null;
}

interface Account {
  token: string;
  /** null: nothing to pay; undefined: the endpoint did not answer (computed from orders instead). */
  nextPayment: NextPayment | null | undefined;
  outstandingMinor: number | undefined;
  customerId: string;
  name: string;
  givenName: string;
  email: string | undefined;
  locale: string;
  currency: string | undefined;
  orders: OrderView[];
}

type Load<T> = { status: 'loading' } | { status: 'error'; error: unknown } | { status: 'ready'; value: T };

/** The demo page: what a customer of a BNPL app ("Tandem Pay") sees on their account page. */
export default function DemoPage() {
  const [params, setParams] = useSearchParams();
  const [info, setInfo] = useState<Load<DemoInfo>>({ status: 'loading' });
  const [account, setAccount] = useState<Load<Account>>({ status: 'loading' });
  const selectorId = useId();

  useEffect(() => {
    document.title = 'Your account · Tandem Pay (demo)';
    const controller = new AbortController();
    api<DemoInfo>('/api/v1/demo/info', { signal: controller.signal })
      .then((value) => setInfo({ status: 'ready', value }))
      .catch((error: unknown) => {
        if (error instanceof DOMException && error.name === 'AbortError') return;
        setInfo({ status: 'error', error });
      });
    return () => controller.abort();
  }, []);

  const customers = info.status === 'ready' ? info.value.customers : [];
  const requested = params.get('customer');
  const selectedId =
    requested && customers.some((c) => c.id === requested) ? requested : (customers[0]?.id ?? undefined);
  const selected = customers.find((c) => c.id === selectedId);

  useEffect(() => {
    if (info.status !== 'ready') return;
    let cancelled = false;
    setAccount({ status: 'loading' });
    loadAccount(selectedId, selected)
      .then((value) => {
        if (!cancelled) setAccount({ status: 'ready', value });
      })
      .catch((error: unknown) => {
        if (!cancelled) setAccount({ status: 'error', error });
      });
    return () => {
      cancelled = true;
    };
  }, [info.status, selectedId, selected]);

  const demoOff = info.status === 'error' && info.error instanceof ApiError && info.error.status === 404;

  return (
    <div className="tp-root">
      <a className="skip-link" href="#tp-main">
        Skip to main content
      </a>
      <div className="tp-demo-bar" role="note">
        <span>
          <strong>Demo</strong> · A made-up customer account of a BNPL app, served by Tandem.
        </span>
        {customers.length > 0 ? (
          <span className="tp-demo-picker">
            <label htmlFor={selectorId}>Viewing as</label>
            <select
              id={selectorId}
              value={selectedId ?? ''}
              onChange={(e) => setParams({ customer: e.target.value })}
              data-testid="demo-customer-select"
            >
              {customers.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name} ({c.country}, {c.locale})
                </option>
              ))}
            </select>
          </span>
        ) : null}
      </div>

      <header className="tp-header">
        <div className="tp-header-inner">
          <span className="tp-logo">
            <BrandMark />
            <span>
              Tandem <em>Pay</em>
            </span>
          </span>
          <nav aria-label="Account" className="tp-nav">
            <span className="tp-nav-item" aria-current="page">
              Payments
            </span>
            <span className="tp-nav-item tp-nav-disabled">Shop</span>
            <span className="tp-nav-item tp-nav-disabled">Profile</span>
          </nav>
          {account.status === 'ready' ? (
            <span className="tp-avatar" title={account.value.name} aria-hidden="true">
              {initials(account.value.name)}
            </span>
          ) : null}
        </div>
      </header>

      <main id="tp-main" className="tp-main" tabIndex={-1}>
        {info.status === 'loading' || (info.status === 'ready' && account.status === 'loading') ? (
          <div className="tp-loading" role="status">
            <span className="tp-spinner" aria-hidden="true" /> Loading your account…
          </div>
        ) : null}
        {demoOff ? (
          <div className="tp-card tp-error" role="alert">
            <h1>Demo mode is off</h1>
            <p>This page is available only when the Tandem server runs in demo mode (TANDEM_DEMO=true).</p>
          </div>
        ) : info.status === 'error' ? (
          <div className="tp-card tp-error" role="alert">
            <p>{errorMessage(info.error)}</p>
          </div>
        ) : null}
        {info.status === 'ready' && customers.length === 0 ? (
          <div className="tp-card tp-error" role="alert">
            <p>The demo company has no customers yet.</p>
          </div>
        ) : null}
        {account.status === 'error' ? (
          <div className="tp-card tp-error" role="alert">
            <p>Could not load the account: {errorMessage(account.error)}</p>
          </div>
        ) : null}
        {account.status === 'ready' ? <AccountView account={account.value} /> : null}
      </main>

      <footer className="tp-footer">
        <p>
          Tandem Pay is a fictional brand for demonstrating <a href="/login">Tandem</a>, the open-source
          customer-engagement platform. No real money moves.
        </p>
      </footer>
    </div>
  );
}

async function loadAccount(customerId: string | undefined, hint: DemoCustomer | undefined): Promise<Account> {
  const issued = await api<{ token: string; customer: DemoCustomer }>('/api/v1/demo/customer-token', {
    method: 'POST',
    body: customerId ? { customerId } : {},
  });
  const token = issued.token;
  const [me, ordersRes, next] = await Promise.all([
    api<unknown>('/api/v1/me', { bearer: token }),
    api<unknown>('/api/v1/me/orders', { bearer: token }),
    api<{ nextPayment: NextPayment | null }>('/api/v1/me/next-payment', { bearer: token }).then(
      (r) => r.nextPayment,
      () => undefined,
    ),
  ]);
  const customer: Record<string, unknown> =
    isRecord(me) && isRecord(me.customer) ? me.customer : isRecord(me) ? me : {};
  const orders = (
    Array.isArray(ordersRes)
      ? ordersRes
      : isRecord(ordersRes) && Array.isArray(ordersRes.orders)
        ? ordersRes.orders
        : []
  ) as OrderView[];
  const name =
    personName(customer) !== 'Unknown' ? personName(customer) : (issued.customer?.name ?? 'Customer');
  const givenName =
    typeof customer.givenName === 'string' && customer.givenName
      ? customer.givenName
      : (name.split(' ')[0] ?? name);
  const locale =
    (typeof customer.locale === 'string' && customer.locale) ||
    issued.customer?.locale ||
    hint?.locale ||
    'en-US';
  const currency =
    (typeof customer.currency === 'string' && customer.currency) ||
    issued.customer?.currency ||
    hint?.currency ||
    orders[0]?.currency;
  return {
    token,
    nextPayment: next,
    outstandingMinor: typeof customer.outstandingMinor === 'number' ? customer.outstandingMinor : undefined,
    customerId: issued.customer?.id ?? customerId ?? '',
    name,
    givenName,
    email: typeof customer.email === 'string' ? customer.email : undefined,
    locale,
    currency,
    orders,
  };
}

function initials(name: string): string {
  return name
    .split(/\s+/)
    .map((p) => p[0] ?? '')
    .join('')
    .slice(0, 2)
    .toUpperCase();
}

function relativeDue(dueDate: string, status: string, knownDays?: number): string {
  const days = knownDays ?? daysUntil(dueDate);
  if (Number.isNaN(days)) return '';
  if (status === 'paused') return 'Paused';
  if (days < 0 || status === 'late')
    return days < 0 ? `${-days} day${days === -1 ? '' : 's'} overdue` : 'Overdue';
  if (days === 0) return 'Due today';
  if (days === 1) return 'Due tomorrow';
  return `In ${days} days`;
}

interface Hero {
  amountMinor: number;
  lateFeesMinor: number;
  currency: string;
  dueDate: string;
  status: string;
  daysUntilDue: number | undefined;
  merchantName: string;
  seq: number;
  installmentCount: number;
  planKind: string | undefined;
  paymentMethod: { brand: string; last4: string } | null;
}

/** The server's next payment when it answered; otherwise the earliest collecting installment. */
function heroPayment(account: Account, upcoming: ReturnType<typeof upcomingInstallments>): Hero | null {
  const n = account.nextPayment;
  if (n) {
    const order = account.orders.find((o) => o.id === n.orderId);
    return {
      amountMinor: n.amountMinor,
      lateFeesMinor: n.lateFeesMinor ?? 0,
      currency: n.currency,
      dueDate: n.dueDate,
      status: n.status,
      daysUntilDue: n.daysUntilDue,
      merchantName: n.merchantName,
      seq: n.seq,
      installmentCount: n.installmentCount,
      planKind: order?.plan?.kind,
      paymentMethod: n.paymentMethod && n.paymentMethod.status === 'active' ? n.paymentMethod : null,
    };
  }
  if (n === null) return null;
  const first = upcoming.find((u) => u.installment.status !== 'paused' && u.plan.status !== 'paused');
  if (!first) return null;
  return {
    amountMinor: first.installment.remainingMinor || first.installment.amountMinor,
    lateFeesMinor: 0,
    currency: first.plan.currency,
    dueDate: first.installment.dueDate,
    status: first.installment.status,
    daysUntilDue: undefined,
    merchantName: first.order.merchant.name,
    seq: first.installment.seq,
    installmentCount: first.plan.installmentCount,
    planKind: first.plan.kind,
    paymentMethod: null,
  };
}

/** Opens the chat widget in the help section as the current customer; closes it when they change. */
function useChatWidget(token: string, locale: string) {
  useEffect(() => {
    let cancelled = false;
    let chat: TandemChatApi | undefined;
    loadChatWidget()
      .then((api) => {
        if (cancelled) return;
        chat = api;
        api.open({ token, locale, mount: '#tandem-chat-widget-slot' });
      })
      .catch((error: unknown) => console.warn('Tandem chat widget unavailable:', error));
    return () => {
      cancelled = true;
      chat?.close();
    };
  }, [token, locale]);
}

function AccountView({ account }: { account: Account }) {
  const { locale, orders } = account;
  useChatWidget(account.token, locale);
  const money = (minor: number, currency: string) => formatMoney(minor, currency, locale);
  const upcoming = upcomingInstallments(orders);
  const next = heroPayment(account, upcoming);
  const outstanding = new Map<string, number>();
  for (const o of orders) {
    if (o.plan && ['active', 'paused'].includes(o.plan.status)) {
      outstanding.set(o.plan.currency, (outstanding.get(o.plan.currency) ?? 0) + o.plan.outstandingMinor);
    }
  }
  const activeCount = orders.filter((o) => o.plan && ['active', 'paused'].includes(o.plan.status)).length;

  return (
    <div className="tp-account" data-testid="demo-account" data-locale={locale}>
      <h1 className="tp-greeting">Hi {account.givenName}</h1>
      <p className="tp-sub">
        Here is what you owe and when. Everything below comes straight from your account.
      </p>

      <div className="tp-top">
        <section className="tp-card tp-next" aria-labelledby="tp-next-title" data-testid="next-payment">
          <h2 id="tp-next-title" className="tp-eyebrow">
            Next payment
          </h2>
          {next ? (
            <>
              <p className="tp-next-amount" data-testid="next-payment-amount">
                {money(next.amountMinor, next.currency)}
              </p>
              <p className="tp-next-date">
                <span data-testid="next-payment-date">{formatDate(next.dueDate, locale, 'long')}</span>
                <span className={`tp-chip tp-chip-${next.status}`}>
                  {relativeDue(next.dueDate, next.status, next.daysUntilDue)}
                </span>
              </p>
              <p className="tp-next-meta">
                {next.merchantName} · payment {next.seq} of {next.installmentCount}
                {next.planKind ? ` · ${PLAN_LABELS[next.planKind] ?? humanize(next.planKind)}` : ''}
              </p>
              {next.lateFeesMinor > 0 ? (
                <p className="tp-next-meta">
                  Includes a late fee of {money(next.lateFeesMinor, next.currency)}.
                </p>
              ) : null}
              <p className="tp-next-note">
                {next.status === 'late' || next.status === 'failed'
                  ? 'This payment is overdue.'
                  : next.paymentMethod
                    ? `Charged to ${humanize(next.paymentMethod.brand)} •••• ${next.paymentMethod.last4} on the due date.`
                    : null}
              </p>
            </>
          ) : (
            <p className="tp-next-none">You have nothing to pay. Nice!</p>
          )}
        </section>

        <section className="tp-card tp-summary" aria-labelledby="tp-summary-title">
          <h2 id="tp-summary-title" className="tp-eyebrow">
            Balance
          </h2>
          <dl>
            <div>
              <dt>Total left to pay</dt>
              <dd data-testid="outstanding-total">
                {account.outstandingMinor !== undefined && account.currency
                  ? money(account.outstandingMinor, account.currency)
                  : outstanding.size === 0
                    ? money(0, account.currency ?? 'USD')
                    : [...outstanding.entries()].map(([cur, minor]) => money(minor, cur)).join(' + ')}
              </dd>
            </div>
            <div>
              <dt>Active plans</dt>
              <dd>{activeCount}</dd>
            </div>
            <div>
              <dt>Upcoming payments</dt>
              <dd>{upcoming.length}</dd>
            </div>
          </dl>
        </section>
      </div>

      {upcoming.length > 1 ? (
        <section className="tp-section" aria-labelledby="tp-upcoming-title">
          <h2 id="tp-upcoming-title">Upcoming payments</h2>
          <ul className="tp-card tp-upcoming" data-testid="upcoming-list">
            {upcoming.slice(0, 8).map(({ order, plan, installment }) => (
              <li key={installment.id}>
                <span className="tp-merchant-dot" aria-hidden="true">
                  {order.merchant.name.charAt(0)}
                </span>
                <span className="tp-upcoming-main">
                  <strong>{order.merchant.name}</strong>
                  <span className="tp-muted">
                    {formatDate(installment.dueDate, locale)} · {installment.seq} of {plan.installmentCount}
                  </span>
                </span>
                <span className="tp-upcoming-amount">
                  {money(installment.remainingMinor || installment.amountMinor, plan.currency)}
                  <InstallmentStatusLabel status={installment.status} />
                </span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <section className="tp-section" aria-labelledby="tp-orders-title">
        <h2 id="tp-orders-title">Your purchases</h2>
        {orders.length === 0 ? <p className="tp-muted">No purchases yet.</p> : null}
        <div className="tp-orders" data-testid="order-list">
          {orders.map((order) => (
            <OrderCard key={order.id} order={order} locale={locale} />
          ))}
        </div>
      </section>

      <section className="tp-section tp-help" aria-labelledby="tp-help-title">
        <h2 id="tp-help-title">Need help?</h2>
        <p className="tp-muted">
          Questions about a payment, a refund or a return? Chat with us: our assistant answers from your
          account, and a person is always one message away.
        </p>
        {/* The Tandem chat widget renders itself in here (shadow DOM); React leaves it empty. */}
        <div id="tandem-chat-widget-slot" data-customer-id={account.customerId} />
      </section>
    </div>
  );
}

const STATUS_TEXT: Record<string, string> = {
  paid: 'Paid',
  scheduled: 'Scheduled',
  late: 'Late',
  failed: 'Payment failed',
  paused: 'Paused',
  cancelled: 'Cancelled',
  waived: 'Waived',
};

function InstallmentStatusLabel({ status }: { status: string }) {
  return <span className={`tp-status tp-status-${status}`}>{STATUS_TEXT[status] ?? humanize(status)}</span>;
}

function OrderCard({ order, locale }: { order: OrderView; locale: string }) {
  const money = (minor: number, currency = order.currency) => formatMoney(minor, currency, locale);
  const plan = order.plan;
  const headingId = useId();
  return (
    <article className="tp-card tp-order" aria-labelledby={headingId} data-testid="demo-order">
      <header className="tp-order-head">
        <span className="tp-merchant-logo" aria-hidden="true">
          {order.merchant.name.charAt(0)}
        </span>
        <div className="tp-order-title">
          <h3 id={headingId}>{order.merchant.name}</h3>
          <p className="tp-muted">
            {formatDate(order.placedAt, locale)} · Order {order.reference}
          </p>
        </div>
        <div className="tp-order-total">
          <strong>{money(order.totalMinor)}</strong>
          {plan ? (
            <span className="tp-plan-kind">{PLAN_LABELS[plan.kind] ?? humanize(plan.kind)}</span>
          ) : null}
        </div>
      </header>

      {order.items.length > 0 ? (
        <p className="tp-items">
          {order.items.map((i) => `${i.quantity > 1 ? `${i.quantity} × ` : ''}${i.description}`).join(', ')}
        </p>
      ) : null}

      {order.status !== 'active' ? (
        <p className="tp-order-status">
          Order status: <strong>{humanize(order.status)}</strong>
        </p>
      ) : null}

      {plan ? <Schedule plan={plan} locale={locale} /> : null}

      {order.refunds.length > 0 || order.returns.length > 0 || order.disputes.length > 0 ? (
        <div className="tp-events">
          {order.returns.map((r) => (
            <p key={r.id} className="tp-event">
              <span className="tp-event-kind">Return</span> {humanize(r.status)} · {reasonText(r.reason)}
              {r.trackingNumber ? ` · tracking ${r.trackingNumber}` : ''}
            </p>
          ))}
          {order.refunds.map((r) => (
            <p key={r.id} className="tp-event" data-testid="demo-refund">
              <span className="tp-event-kind tp-event-refund">Refund</span> {money(r.amountMinor, r.currency)}{' '}
              ·{' '}
              {r.status === 'processed'
                ? `processed ${formatDate(r.processedAt ?? r.createdAt, locale)}`
                : humanize(r.status)}{' '}
              · {reasonText(r.reason)}
            </p>
          ))}
          {order.disputes.map((d) => (
            <p key={d.id} className="tp-event" data-testid="demo-dispute">
              <span className="tp-event-kind tp-event-dispute">Dispute</span>{' '}
              {money(d.amountMinor, d.currency)} · {DISPUTE_REASON_LABELS[d.reason] ?? humanize(d.reason)} ·{' '}
              {humanize(d.status)}
              {d.status === 'open' || d.status === 'under_review'
                ? ' (payments on hold while we look into it)'
                : ''}
            </p>
          ))}
        </div>
      ) : null}
    </article>
  );
}

/** Long schedules (financing) show six payments around the next one until expanded. */
const COLLAPSE_AFTER = 8;

function Schedule({ plan, locale }: { plan: PlanView; locale: string }) {
  const paid = plan.installments.filter((i) => i.status === 'paid').length;
  const [expanded, setExpanded] = useState(false);
  const listId = useId();
  const long = plan.installments.length > COLLAPSE_AFTER;
  const firstOpen = plan.installments.findIndex((i) => i.status !== 'paid');
  const start = Math.max(
    0,
    Math.min((firstOpen < 0 ? plan.installments.length : firstOpen) - 1, plan.installments.length - 6),
  );
  const visible = (index: number) => !long || expanded || (index >= start && index < start + 6);
  return (
    <div className="tp-schedule">
      <p className="tp-schedule-head">
        <span>
          {paid} of {plan.installments.length} paid
          {plan.status !== 'active' ? ` · plan ${humanize(plan.status).toLowerCase()}` : ''}
        </span>
        {plan.outstandingMinor > 0 ? (
          <span>{formatMoney(plan.outstandingMinor, plan.currency, locale)} left</span>
        ) : null}
      </p>
      <ol className="tp-steps" aria-label="Payment schedule" id={listId}>
        {plan.installments.map((i, index) => (
          <Step
            key={i.id}
            installment={i}
            currency={plan.currency}
            locale={locale}
            hidden={!visible(index)}
          />
        ))}
      </ol>
      {long ? (
        <button
          type="button"
          className="tp-link-button"
          aria-expanded={expanded}
          aria-controls={listId}
          onClick={() => setExpanded((v) => !v)}
        >
          {expanded ? 'Show fewer payments' : `Show all ${plan.installments.length} payments`}
        </button>
      ) : null}
      {plan.pausedReason ? (
        <p className="tp-muted tp-small">Payments paused: {reasonText(plan.pausedReason).toLowerCase()}.</p>
      ) : null}
    </div>
  );
}

function Step({
  installment,
  currency,
  locale,
  hidden,
}: {
  installment: InstallmentView;
  currency: string;
  locale: string;
  hidden: boolean;
}) {
  return (
    <li className={`tp-step tp-step-${installment.status}`} data-status={installment.status} hidden={hidden}>
      <span className="tp-step-dot" aria-hidden="true">
        {installment.status === 'paid'
          ? '✓'
          : installment.status === 'late' || installment.status === 'failed'
            ? '!'
            : installment.status === 'paused'
              ? '❚❚'
              : installment.seq}
      </span>
      <span className="tp-step-amount">{formatMoney(installment.amountMinor, currency, locale)}</span>
      <span className="tp-step-date">{formatDate(installment.dueDate, locale)}</span>
      <InstallmentStatusLabel status={installment.status} />
    </li>
  );
}
