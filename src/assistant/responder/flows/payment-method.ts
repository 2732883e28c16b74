import { updatePlanPaymentMethod } from '../../../orders/update-plan-payment-method.js';
import { AppError } from '../../../platform/errors.js';
import type { Choice, PendingAction } from '../state.js';
import {
  AI_ACTOR,
  actionCopy,
  askToChoose,
  askToConfirm,
  explainAndOfferPerson,
  loadCustomerView,
  type SavedMethod,
  savedMethods,
} from './action-context.js';
import type { BuiltinAssistantDeps, FlowResult, Turn } from './types.js';

/** Plans that will still be charged: the ones a new method applies to. */
const OPEN_PLANS = new Set(['active', 'paused', 'defaulted']);

/**
 * "Change my card": lists the saved, tokenised methods and moves the open plans to the chosen one.
 * A new card is added only in the app; a card number typed here is never taken (and was redacted
 * before the message was stored).
 */
export async function startPaymentMethodFlow(
  deps: BuiltinAssistantDeps,
  turn: Turn,
  customerId: string,
  options: { typedCardNumber: boolean },
): Promise<FlowResult> {
  const copy = actionCopy(turn);
  const lead = options.typedCardNumber ? [copy.cardNumberWarning] : [];
  const { orders } = await loadCustomerView(deps, turn, customerId);
  const plans = orders.flatMap((o) => (o.plan && OPEN_PLANS.has(o.plan.status) ? [o.plan] : []));
  const usable = (await savedMethods(deps, customerId, turn.today)).filter(
    (m) => m.status === 'active' && !m.expired,
  );
  const inUse = new Set(plans.map((p) => p.paymentMethodId));
  if (usable.length === 0 || plans.length === 0) {
    return { replies: [{ text: [...lead, copy.methodAddInApp].join(' ') }], resolved: true, pending: null };
  }
  if (usable.length === 1) {
    const only = usable[0]!;
    if (plans.every((p) => p.paymentMethodId === only.id)) {
      return {
        replies: [{ text: [...lead, copy.methodAlready(only.label), copy.methodAddInApp].join(' ') }],
        resolved: true,
        pending: null,
      };
    }
    return prepareSwitch(
      turn,
      only,
      plans.map((p) => ({ id: p.id, paymentMethodId: p.paymentMethodId })),
      lead,
    );
  }
  const choices: Choice[] = usable.map((m) => ({
    id: m.id,
    label: inUse.has(m.id) ? `${m.label} ✓` : m.label,
    match: [m.last4, m.brand],
  }));
  const picked = askToChoose(
    `${[...lead, copy.methodAddInApp].join(' ')}\n${copy.methodsIntro}`,
    'switch_method',
    choices,
  );
  return picked;
}

function prepareSwitch(
  turn: Turn,
  method: SavedMethod,
  plans: { id: string; paymentMethodId: string | null }[],
  lead: string[] = [],
): FlowResult {
  const planIds = plans.filter((p) => p.paymentMethodId !== method.id).map((p) => p.id);
  if (planIds.length === 0) {
    return {
      replies: [{ text: [...lead, actionCopy(turn).methodAlready(method.label)].join(' ') }],
      resolved: true,
      pending: null,
    };
  }
  return askToConfirm(
    turn,
    actionCopy(turn).methodConfirm(method.label),
    { type: 'switch_method', paymentMethodId: method.id, planIds },
    lead,
  );
}

/** After the customer picked a method from the list. */
export async function prepareSwitchTo(
  deps: BuiltinAssistantDeps,
  turn: Turn,
  customerId: string,
  paymentMethodId: string,
): Promise<FlowResult> {
  const method = (await savedMethods(deps, customerId, turn.today)).find((m) => m.id === paymentMethodId);
  const { orders } = await loadCustomerView(deps, turn, customerId);
  const plans = orders.flatMap((o) =>
    o.plan && OPEN_PLANS.has(o.plan.status)
      ? [{ id: o.plan.id, paymentMethodId: o.plan.paymentMethodId }]
      : [],
  );
  if (!method) return explainAndOfferPerson(turn, 'payment_method_not_changed', [actionCopy(turn).failed]);
  return prepareSwitch(turn, method, plans);
}

/** Moves each open plan with `updatePlanPaymentMethod` (one audit row per plan; an unchanged plan is a no-op). */
export async function executeSwitch(
  deps: BuiltinAssistantDeps,
  turn: Turn,
  customerId: string,
  action: Extract<PendingAction, { type: 'switch_method' }>,
): Promise<FlowResult> {
  const copy = actionCopy(turn);
  const method = (await savedMethods(deps, customerId, turn.today)).find(
    (m) => m.id === action.paymentMethodId,
  );
  try {
    for (const planId of action.planIds) {
      await updatePlanPaymentMethod(deps, AI_ACTOR, {
        customerId,
        planId,
        paymentMethodId: action.paymentMethodId,
      });
    }
  } catch (err) {
    if (err instanceof AppError)
      return explainAndOfferPerson(turn, 'payment_method_not_changed', [copy.failed]);
    throw err;
  }
  return { replies: [{ text: copy.methodDone(method?.label ?? '') }], resolved: true, pending: null };
}
