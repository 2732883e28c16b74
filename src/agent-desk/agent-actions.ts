import { z } from 'zod';
import type { Language } from '../assistant/language/detect-language.js';
import { ACTION_REPLIES } from '../assistant/responder/action-replies.js';
import { formatAmount, formatDate } from '../assistant/responder/format.js';
import { REPLIES } from '../assistant/responder/replies.js';
import { DISPUTE_REASONS } from '../disputes/dispute-views.js';
import { openDispute } from '../disputes/open-dispute.js';
import { type DomainDeps, todayOf } from '../orders/domain.js';
import { getNextPayment } from '../orders/get-next-payment.js';
import { MAX_POSTPONE_DAYS, postponeInstallment } from '../orders/postpone-installment.js';
import { waiveLateFee } from '../orders/waive-late-fee.js';
import type { Actor } from '../platform/audit/write-audit.js';
import { AppError, conflict, notFound } from '../platform/errors.js';
import { registerReturn } from '../refunds/register-return.js';

export const ACTION_NAMES = [
  'postpone_installment',
  'register_return',
  'open_dispute',
  'waive_late_fee',
] as const;
export type ActionName = (typeof ACTION_NAMES)[number];

/** The body of POST /conversations/:id/actions: a union on `action`. */
export const deskActionSchema = z.discriminatedUnion('action', [
  z.object({
    action: z.literal('postpone_installment'),
    days: z.number().int().min(1).max(MAX_POSTPONE_DAYS).describe(`1 to ${MAX_POSTPONE_DAYS} days`),
    installmentId: z
      .uuid()
      .optional()
      .describe("Defaults to the customer's next payment (the installment suggestions name)"),
  }),
  z.object({
    action: z.literal('register_return'),
    orderId: z.uuid(),
    itemIds: z
      .array(z.uuid())
      .min(1)
      .max(50)
      .optional()
      .describe('Items sent back; omit for the whole order'),
  }),
  z.object({
    action: z.literal('open_dispute'),
    orderId: z.uuid(),
    reason: z.enum(DISPUTE_REASONS),
  }),
  z.object({ action: z.literal('waive_late_fee'), installmentId: z.uuid() }),
]);
export type DeskAction = z.infer<typeof deskActionSchema>;

/** Who is acting, for the customer's message and the records the use cases keep. */
export interface ActionContext {
  actor: Actor;
  customerId: string;
  language: Language;
  locale: string;
  /** "Dana (agent console)": kept on returns and waived fees as their reason. */
  actingAs: string;
}

/** What was done, in the customer's language with figures from the use case's result, and what it touched. */
export interface ActionOutcome {
  text: string;
  target: Record<string, string>;
}

async function merchantOfOrder(deps: DomainDeps, customerId: string, orderId: string) {
  const order = await deps.db
    .selectFrom('orders as o')
    .innerJoin('merchants as m', 'm.id', 'o.merchant_id')
    .select(['o.id', 'm.name'])
    .where('o.id', '=', orderId)
    .where('o.customer_id', '=', customerId)
    .executeTakeFirst();
  if (!order) throw notFound('Order');
  return order.name;
}

async function postpone(
  deps: DomainDeps,
  ctx: ActionContext,
  action: Extract<DeskAction, { action: 'postpone_installment' }>,
): Promise<ActionOutcome> {
  const installmentId =
    action.installmentId ??
    (await getNextPayment(deps.db, ctx.customerId, todayOf(deps.clock)))?.installmentId;
  if (!installmentId) throw conflict('This customer has no upcoming installment to postpone');
  const result = await postponeInstallment(deps, ctx.actor, {
    customerId: ctx.customerId,
    installmentId,
    days: action.days,
  });
  const merchant = await deps.db
    .selectFrom('installments as i')
    .innerJoin('payment_plans as p', 'p.id', 'i.plan_id')
    .innerJoin('orders as o', 'o.id', 'p.order_id')
    .innerJoin('merchants as m', 'm.id', 'o.merchant_id')
    .select('m.name')
    .where('i.id', '=', installmentId)
    .executeTakeFirstOrThrow();
  return {
    text: ACTION_REPLIES[ctx.language].postponeDone({
      merchant: merchant.name,
      to: formatDate(result.installment.dueDate, ctx.locale),
    }),
    target: { installmentId, dueDate: result.installment.dueDate, previousDueDate: result.previousDueDate },
  };
}

async function registerReturnFor(
  deps: DomainDeps,
  ctx: ActionContext,
  action: Extract<DeskAction, { action: 'register_return' }>,
): Promise<ActionOutcome> {
  const merchant = await merchantOfOrder(deps, ctx.customerId, action.orderId);
  let items = '';
  if (action.itemIds) {
    const rows = await deps.db
      .selectFrom('order_items')
      .select(['id', 'description'])
      .where('order_id', '=', action.orderId)
      .where('id', 'in', action.itemIds)
      .execute();
    const unknown = action.itemIds.filter((id) => !rows.some((r) => r.id === id));
    if (unknown.length) {
      throw new AppError(422, 'unprocessable', 'itemIds: these items are not part of this order', {
        unknown,
      });
    }
    items = `: ${rows.map((r) => r.description).join(', ')}`;
  }
  const created = await registerReturn(deps, ctx.actor, {
    customerId: ctx.customerId,
    orderId: action.orderId,
    reason: `Registered by ${ctx.actingAs}${items}`,
  });
  return {
    text: ACTION_REPLIES[ctx.language].returnDone(merchant),
    target: { orderId: action.orderId, returnId: created.id },
  };
}

async function openDisputeFor(
  deps: DomainDeps,
  ctx: ActionContext,
  action: Extract<DeskAction, { action: 'open_dispute' }>,
): Promise<ActionOutcome> {
  const merchant = await merchantOfOrder(deps, ctx.customerId, action.orderId);
  const result = await openDispute(deps, ctx.actor, {
    customerId: ctx.customerId,
    orderId: action.orderId,
    reason: action.reason,
  });
  return {
    text: REPLIES[ctx.language].disputeOpened(merchant, result.planStatus === 'paused'),
    target: { orderId: action.orderId, disputeId: result.dispute.id },
  };
}

async function waive(
  deps: DomainDeps,
  ctx: ActionContext,
  action: Extract<DeskAction, { action: 'waive_late_fee' }>,
): Promise<ActionOutcome> {
  const fees = await deps.db
    .selectFrom('late_fees as f')
    .innerJoin('payment_plans as p', 'p.id', 'f.plan_id')
    .innerJoin('orders as o', 'o.id', 'p.order_id')
    .innerJoin('merchants as m', 'm.id', 'o.merchant_id')
    .select(['f.id', 'f.status', 'f.amount_minor', 'f.currency', 'm.name as merchant'])
    .where('f.installment_id', '=', action.installmentId)
    .where('f.customer_id', '=', ctx.customerId)
    .execute();
  const charged = fees.filter((f) => f.status === 'charged');
  if (charged.length === 0) {
    if (fees.length === 0) throw notFound('Late fee on this installment');
    throw conflict(
      fees.some((f) => f.status === 'waived')
        ? 'The late fee on this installment is already waived'
        : 'The late fee on this installment was already paid; refund it instead of waiving it',
    );
  }
  let waivedMinor = 0;
  for (const fee of charged) {
    const done = await waiveLateFee(deps, ctx.actor, {
      lateFeeId: fee.id,
      reason: `Waived by ${ctx.actingAs}`,
    });
    waivedMinor += done.amountMinor;
  }
  const first = charged[0]!;
  return {
    text: ACTION_REPLIES[ctx.language].lateFeeWaived({
      merchant: first.merchant,
      amount: formatAmount(waivedMinor, first.currency, ctx.locale),
    }),
    target: { installmentId: action.installmentId, lateFeeIds: charged.map((f) => f.id).join(',') },
  };
}

/**
 * Runs the action through the same domain use case the assistant's flows call, as the staff user
 * (their audit rows), and words the result for the customer with the assistant's own copy.
 */
export async function performDeskAction(
  deps: DomainDeps,
  ctx: ActionContext,
  action: DeskAction,
): Promise<ActionOutcome> {
  switch (action.action) {
    case 'postpone_installment':
      return postpone(deps, ctx, action);
    case 'register_return':
      return registerReturnFor(deps, ctx, action);
    case 'open_dispute':
      return openDisputeFor(deps, ctx, action);
    case 'waive_late_fee':
      return waive(deps, ctx, action);
  }
}
