/**
 * Response shapes the web app reads. They mirror the server's view schemas
 * (src/orders/order-views.ts, src/refunds/refund-views.ts, src/disputes/dispute-views.ts,
 * src/customers/*); amounts are integer minor units beside an ISO currency.
 */

export type InstallmentStatus = 'scheduled' | 'paid' | 'late' | 'failed' | 'paused' | 'cancelled' | 'waived';

export interface InstallmentView {
  id: string;
  seq: number;
  dueDate: string;
  amountMinor: number;
  paidMinor: number;
  remainingMinor: number;
  status: InstallmentStatus;
  paidAt: string | null;
}

export interface PaymentView {
  id: string;
  planId: string;
  installmentId: string | null;
  paymentMethodId: string | null;
  amountMinor: number;
  currency: string;
  status: 'succeeded' | 'failed' | 'pending' | 'refunded';
  failureCode: string | null;
  failureReason: string | null;
  attemptedAt: string;
}

export interface LateFeeView {
  id: string;
  installmentId: string;
  amountMinor: number;
  currency: string;
  status: 'charged' | 'paid' | 'waived';
  waivedReason: string | null;
  assessedAt: string;
}

export interface PlanView {
  id: string;
  kind: 'pay_in_4' | 'pay_in_30' | 'financing';
  status: 'active' | 'paused' | 'completed' | 'cancelled' | 'defaulted';
  principalMinor: number;
  currency: string;
  aprBps: number;
  termMonths: number | null;
  installmentCount: number;
  paymentMethodId: string | null;
  pausedReason: string | null;
  postponementsUsed: number;
  outstandingMinor: number;
  installments: InstallmentView[];
  payments: PaymentView[];
  lateFees: LateFeeView[];
}

export interface RefundView {
  id: string;
  orderId: string;
  returnId: string | null;
  amountMinor: number;
  currency: string;
  status: 'pending' | 'processed' | 'failed';
  reason: string;
  createdAt: string;
  processedAt: string | null;
}

export interface ReturnView {
  id: string;
  orderId: string;
  status: 'requested' | 'in_transit' | 'received' | 'rejected';
  reason: string;
  trackingNumber: string | null;
  requestedAt: string;
  updatedAt: string;
}

export interface DisputeView {
  id: string;
  orderId: string;
  reason: string;
  status: 'open' | 'under_review' | 'resolved_customer' | 'resolved_merchant' | 'withdrawn';
  amountMinor: number;
  currency: string;
  description: string | null;
  openedAt: string;
  resolvedAt: string | null;
}

export interface OrderView {
  id: string;
  reference: string;
  status: 'active' | 'completed' | 'cancelled' | 'refunded' | 'partially_refunded';
  merchant: { id: string; name: string };
  totalMinor: number;
  currency: string;
  channel: 'online' | 'in_store' | 'app';
  placedAt: string;
  items: { description: string; quantity: number; unitPriceMinor: number; totalMinor: number }[];
  refundedMinor: number;
  plan: PlanView | null;
  refunds: RefundView[];
  returns: ReturnView[];
  disputes: DisputeView[];
}

export const PLAN_LABELS: Record<string, string> = {
  pay_in_4: 'Pay in 4',
  pay_in_30: 'Pay in 30 days',
  financing: 'Financing',
};

export const DISPUTE_REASON_LABELS: Record<string, string> = {
  item_not_received: 'Item not received',
  not_as_described: 'Not as described',
  unrecognized: 'Unrecognized purchase',
  duplicate: 'Duplicate charge',
  cancelled_order: 'Cancelled order',
  other: 'Other',
};

/** Unpaid installments that still fall due, soonest first (late ones first of all). */
export function upcomingInstallments(
  orders: OrderView[],
): { order: OrderView; plan: PlanView; installment: InstallmentView }[] {
  const out: { order: OrderView; plan: PlanView; installment: InstallmentView }[] = [];
  for (const order of orders) {
    const plan = order.plan;
    if (!plan) continue;
    for (const installment of plan.installments ?? []) {
      if (['scheduled', 'late', 'failed', 'paused'].includes(installment.status)) {
        out.push({ order, plan, installment });
      }
    }
  }
  return out.sort((a, b) => a.installment.dueDate.localeCompare(b.installment.dueDate));
}

/** Customer fields differ a little between views: read the name whichever way it comes. */
export function personName(c: Record<string, unknown> | null | undefined): string {
  if (!c) return 'Unknown';
  if (typeof c.name === 'string' && c.name) return c.name;
  const given = typeof c.givenName === 'string' ? c.givenName : '';
  const family = typeof c.familyName === 'string' ? c.familyName : '';
  const full = `${given} ${family}`.trim();
  if (full) return full;
  return typeof c.email === 'string' ? c.email : 'Unknown';
}
