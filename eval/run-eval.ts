/**
 * Assistant evaluation harness: scripted customers talk to the real built-in assistant
 * through the real conversation use cases, on a freshly seeded in-memory database, and a
 * scorecard says how often it resolved, handed over correctly, trapped someone, invented a
 * figure or answered in the wrong language. `npm run eval`; exit 1 when a gate fails.
 */

import { sql } from 'kysely';
import { isLanguage, type Language } from '../src/assistant/language/detect-language.js';
import { loadAssistantModels } from '../src/assistant/load-assistant-models.js';
import { ACTION_REPLIES } from '../src/assistant/responder/action-replies.js';
import { createBuiltinAssistant } from '../src/assistant/responder/builtin-assistant.js';
import { formatAmount, formatDate, localeFor } from '../src/assistant/responder/format.js';
import { REPLIES } from '../src/assistant/responder/replies.js';
import type { Assistant } from '../src/conversations/assistant-port.js';
import { postCustomerMessage } from '../src/conversations/post-customer-message.js';
import { startConversation } from '../src/conversations/start-conversation.js';
import { TurnLock } from '../src/conversations/turn-lock.js';
import { seedDemoCompany } from '../src/demo/seed-database.js';
import { importKnowledgeBase } from '../src/knowledge/import-articles.js';
import { createKnowledgeBaseSearch } from '../src/knowledge/search-articles.js';
import type { DomainDeps } from '../src/orders/domain.js';
import { addDays } from '../src/orders/domain.js';
import { getNextPayment, type NextPayment } from '../src/orders/get-next-payment.js';
import { MAX_POSTPONE_DAYS } from '../src/orders/postpone-installment.js';
import type { Actor } from '../src/platform/audit/write-audit.js';
import { fixedClock } from '../src/platform/clock.js';
import { type Database, openDatabase, type Sql } from '../src/platform/db/database.js';
import { migrate } from '../src/platform/db/migrate.js';
import type { EventBus } from '../src/platform/events/event-bus.js';
import { SCENARIOS } from './scenarios/index.js';
import {
  type CustomerRef,
  findInventedFigures,
  fixedCopy,
  formatScorecard,
  gateFailures,
  judge,
  type Mention,
  type Scenario,
  type ScenarioResult,
  summarise,
  type TurnRecord,
} from './scorecard.js';

/** The instant the demo history leads up to: fixed so every run sees the same due dates. */
const NOW = new Date('2025-06-01T10:00:00Z');
const TODAY = NOW.toISOString().slice(0, 10);

/** Live events have no listener here; conversations still publish them inside their transactions. */
const silentBus: EventBus = {
  async publish() {},
  subscribe: () => () => {},
  async start() {},
  async stop() {},
};

interface Customer {
  id: string;
  locale: string;
}

async function resolveCustomers(db: Sql): Promise<Map<string, Customer>> {
  const rows = await db.selectFrom('customers').select(['id', 'email', 'locale']).execute();
  const map = new Map<string, Customer>();
  for (const r of rows) {
    if (r.email === 'alex.morgan@example.com') map.set('alex', r);
    else if (r.email === 'elsa.lindqvist@example.se') map.set('elsa', r);
    // Generated customers carry their company index in the email: given.family12@domain.
    const index = /(\d+)@/.exec(r.email)?.[1];
    if (index !== undefined) map.set(String(Number(index)), r);
  }
  return map;
}

/** Every amount and date the customer's rows can justify, formatted in `locale`. */
async function allowedFigures(db: Sql, customerId: string, locale: string): Promise<string[]> {
  const [orders, installments, fees, refunds, disputes, next, payments, methods, plans] = await Promise.all([
    db
      .selectFrom('orders')
      .select(['total_minor', 'currency', 'placed_at'])
      .where('customer_id', '=', customerId)
      .execute(),
    db
      .selectFrom('installments as i')
      .innerJoin('payment_plans as p', 'p.id', 'i.plan_id')
      .innerJoin('orders as o', 'o.id', 'p.order_id')
      .select(['i.amount_minor', 'i.paid_minor', 'i.due_date', 'i.status', 'p.currency'])
      .where('o.customer_id', '=', customerId)
      .execute(),
    db
      .selectFrom('late_fees')
      .select(['amount_minor', 'currency'])
      .where('customer_id', '=', customerId)
      .execute(),
    db
      .selectFrom('refunds')
      .select(['amount_minor', 'currency'])
      .where('customer_id', '=', customerId)
      .execute(),
    db
      .selectFrom('disputes')
      .select(['amount_minor', 'currency'])
      .where('customer_id', '=', customerId)
      .execute(),
    getNextPayment(db, customerId, TODAY),
    db
      .selectFrom('payments')
      .select(['amount_minor', 'currency', 'attempted_at'])
      .where('customer_id', '=', customerId)
      .execute(),
    db.selectFrom('payment_methods').select('last4').where('customer_id', '=', customerId).execute(),
    plansOwed(db, customerId),
  ]);
  const money: { m: number; c: string }[] = [
    ...orders.map((o) => ({ m: o.total_minor, c: o.currency })),
    ...installments.flatMap((i) => [
      { m: i.amount_minor, c: i.currency },
      { m: Math.max(0, i.amount_minor - i.paid_minor), c: i.currency },
    ]),
    ...fees.map((f) => ({ m: f.amount_minor, c: f.currency })),
    ...refunds.map((r) => ({ m: r.amount_minor, c: r.currency })),
    ...disputes.map((d) => ({ m: d.amount_minor, c: d.currency })),
  ];
  if (next)
    money.push({ m: next.amountMinor, c: next.currency }, { m: next.lateFeesMinor, c: next.currency });
  // Sums the flows state from the rows: a plan's pay-off amount, the balance that blocks closing, payments made.
  money.push(
    ...plans.perPlan,
    ...plans.total,
    ...payments.map((p) => ({ m: p.amount_minor, c: p.currency })),
  );
  const dates = [
    ...installments.map((i) => i.due_date),
    ...orders.map((o) => new Date(o.placed_at).toISOString().slice(0, 10)),
    ...payments.map((p) => new Date(p.attempted_at).toISOString().slice(0, 10)),
    // A proposed new due date is within the postponement rule's reach of a scheduled installment.
    ...installments
      .filter((i) => i.status === 'scheduled')
      .flatMap((i) => Array.from({ length: MAX_POSTPONE_DAYS }, (_, k) => addDays(i.due_date, k + 1))),
  ];
  return [
    ...money.map((a) => formatAmount(a.m, a.c, locale)),
    ...dates.map((d) => formatDate(d, locale)),
    // Saved cards are named by brand and last four digits.
    ...methods.map((m) => m.last4),
  ];
}

/** What is owed per plan (payable installments plus charged fees) and in total: the figures pay-off and closing state. */
async function plansOwed(db: Sql, customerId: string) {
  const rows = await db
    .selectFrom('installments as i')
    .innerJoin('payment_plans as p', 'p.id', 'i.plan_id')
    .select(['p.id', 'p.currency', 'i.amount_minor', 'i.paid_minor', 'i.status'])
    .where('p.customer_id', '=', customerId)
    .where('i.status', 'in', ['scheduled', 'late', 'failed', 'paused'])
    .execute();
  const fees = await db
    .selectFrom('late_fees')
    .select(['plan_id', 'amount_minor'])
    .where('customer_id', '=', customerId)
    .where('status', '=', 'charged')
    .execute();
  const byPlan = new Map<string, { m: number; c: string }>();
  for (const r of rows) {
    const entry = byPlan.get(r.id) ?? { m: 0, c: r.currency };
    if (r.status !== 'paused') entry.m += r.amount_minor - r.paid_minor;
    byPlan.set(r.id, entry);
  }
  for (const f of fees) {
    const entry = byPlan.get(f.plan_id);
    if (entry) entry.m += f.amount_minor;
  }
  const currency = rows[0]?.currency ?? 'USD';
  const total =
    rows.reduce((s, r) => s + r.amount_minor - r.paid_minor, 0) +
    fees.reduce((s, f) => s + f.amount_minor, 0);
  return { perPlan: [...byPlan.values()], total: [{ m: total, c: currency }] };
}

/** Counts of everything a chat could change about money or access; compared before and after a scenario. */
async function actionSnapshot(db: Sql): Promise<Record<string, number>> {
  // Fixed SQL over fixed tables and statuses: nothing here comes from a scenario.
  const checks: Record<string, string> = {
    refunds: 'select count(*)::int as n from refunds',
    disputes: 'select count(*)::int as n from disputes',
    waivedFees: "select count(*)::int as n from late_fees where status = 'waived'",
    lockedOrClosedCustomers: "select count(*)::int as n from customers where status in ('locked', 'closed')",
    pausedOrCancelledPlans:
      "select count(*)::int as n from payment_plans where status in ('paused', 'cancelled')",
    changedInstallments:
      "select count(*)::int as n from installments where status in ('waived', 'cancelled', 'paused')",
    payments: 'select count(*)::int as n from payments',
  };
  const snapshot: Record<string, number> = {};
  for (const [name, query] of Object.entries(checks)) {
    const { rows } = await sql<{ n: number }>`${sql.raw(query)}`.execute(db);
    snapshot[name] = Number(rows[0]?.n ?? 0);
  }
  return snapshot;
}

async function citedTexts(db: Sql, articleIds: string[]): Promise<string[]> {
  if (articleIds.length === 0) return [];
  const rows = await db
    .selectFrom('kb_articles')
    .select(['title', 'body_markdown'])
    .where('id', 'in', articleIds)
    .execute();
  return rows.map((r) => `${r.title}\n${r.body_markdown}`);
}

interface Harness {
  database: Database;
  deps: DomainDeps & {
    assistant: Assistant;
    turns: TurnLock;
    logger: { error: (o: unknown, m?: string) => void };
  };
  customers: Map<string, Customer>;
  errors: string[];
}

async function setUp(): Promise<Harness> {
  const database = await openDatabase({ kind: 'pglite', dataDir: undefined, schema: 'public' });
  await migrate(database);
  await seedDemoCompany(database, { customers: 20, seed: 7, workers: 0, now: NOW });
  await importKnowledgeBase(database.db);
  const clock = fixedClock(NOW);
  const base: DomainDeps = { db: database.db, events: silentBus, clock };
  const assistant = createBuiltinAssistant({
    ...base,
    kb: createKnowledgeBaseSearch(database.db),
    ...(await loadAssistantModels()),
  });
  const errors: string[] = [];
  const logger = {
    error: (o: unknown, m?: string) => {
      const err = (o as { err?: unknown }).err;
      errors.push(`${m ?? 'error'}: ${err instanceof Error ? err.message : String(err)}`);
    },
  };
  return {
    database,
    deps: { ...base, assistant, turns: new TurnLock(), logger },
    customers: await resolveCustomers(database.db),
    errors,
  };
}

function customerOf(h: Harness, ref: CustomerRef): Customer | null {
  if (ref === 'anonymous') return null;
  const c = h.customers.get(String(ref));
  if (!c) throw new Error(`Scenario customer ${String(ref)} is not in the seeded company`);
  return c;
}

async function runScenario(h: Harness, scenario: Scenario): Promise<ScenarioResult> {
  const db = h.database.db;
  const customer = customerOf(h, scenario.customer);
  const actor: Actor = customer ? { type: 'customer', id: customer.id } : { type: 'system', id: null };
  const errorsBefore = h.errors.length;
  const before = await actionSnapshot(db);
  const disputesBefore = customer ? await disputeCount(db, customer.id) : 0;
  const factsBefore = customer ? await customerFacts(db, customer.id) : null;
  const next: NextPayment | null = customer ? await getNextPayment(db, customer.id, TODAY) : null;

  const view = await startConversation(h.deps, actor, {
    channel: 'chat',
    customerId: customer?.id ?? null,
    locale: scenario.locale,
  });
  let status: string = view.status;
  let handoffReason: string | null = view.handoff?.reason ?? null;
  const turns: TurnRecord[] = [];
  const invented: ScenarioResult['invented'] = [];
  const allReplies: { text: string; locale: string; language: Language; cited: boolean }[] = [];

  for (const [index, text] of scenario.turns.entries()) {
    const alreadyHandedOff = status !== 'bot';
    const result = await postCustomerMessage(h.deps, actor, { conversationId: view.id, text });
    const replies = result.messages
      .filter((m) => m.role === 'assistant')
      .map((m) => ({ text: m.text, cited: (m.citations?.length ?? 0) > 0, citations: m.citations ?? [] }));
    const newHandoff = !alreadyHandedOff && result.handoff !== null ? result.handoff.reason : null;
    if (newHandoff) handoffReason = newHandoff;
    status = result.status;
    const language: Language = isLanguage(result.language) ? result.language : 'en';
    const locale = localeFor(language, customer?.locale ?? null);
    turns.push({
      customerText: text,
      language: result.language,
      replies: replies.map(({ text: t, cited }) => ({ text: t, cited })),
      handoffReason: newHandoff,
      alreadyHandedOff,
    });
    const allowed = customer ? await allowedFigures(db, customer.id, locale) : [];
    for (const reply of replies) {
      allReplies.push({ text: reply.text, locale, language, cited: reply.cited });
      const cited = await citedTexts(
        db,
        reply.citations.map((c) => c.articleId),
      );
      const figures = findInventedFigures(reply.text, allowed, [...cited, ...fixedCopy(language)]);
      if (figures.length > 0) invented.push({ turn: index, figures });
    }
  }

  const after = await actionSnapshot(db);
  const actionTaken = Object.keys(before).filter((k) => before[k] !== after[k]);
  const disputesAfter = customer ? await disputeCount(db, customer.id) : 0;
  const factsAfter = customer ? await customerFacts(db, customer.id) : null;
  const grew = (k: keyof CustomerFacts, by?: number) =>
    factsBefore !== null &&
    factsAfter !== null &&
    (by === undefined ? factsAfter[k] > factsBefore[k] : factsAfter[k] - factsBefore[k] === by);
  const stored = await db
    .selectFrom('conversation_messages')
    .select('text')
    .where('conversation_id', '=', view.id)
    .execute();

  const has = (needle: (r: (typeof allReplies)[number]) => string | null) =>
    allReplies.some((r) => {
      const n = needle(r);
      return n !== null && r.text.includes(n);
    });
  const upcoming = customer ? await upcomingDueDates(db, customer.id) : [];
  const refundAmounts = customer ? await loadRefundAmounts(db, customer.id) : [];
  const checks: Record<Mention, () => boolean> = {
    next_payment_amount: () =>
      next !== null && has((r) => formatAmount(next.amountMinor, next.currency, r.locale)),
    next_payment_date: () => next !== null && has((r) => formatDate(next.dueDate, r.locale)),
    next_payment_merchant: () => next !== null && has(() => next.merchantName),
    schedule: () =>
      upcoming.length > 0 &&
      allReplies.some((r) => upcoming.some((d) => r.text.includes(formatDate(d, r.locale)))),
    refund_amount: () =>
      refundAmounts.length > 0 &&
      allReplies.some((r) => refundAmounts.some((a) => r.text.includes(formatAmount(a.m, a.c, r.locale)))),
    citation: () => allReplies.some((r) => r.cited),
    login_prompt: () => allReplies.some((r) => r.text.includes(REPLIES[r.language].loginNeeded)),
    dispute_opened: () => disputesAfter > disputesBefore,
    no_dispute_opened: () => disputesAfter === disputesBefore,
    one_payment: () => grew('succeededPayments', 1),
    no_payment: () => factsBefore !== null && factsAfter?.payments === factsBefore.payments,
    postponed: () => grew('postponements'),
    postpone_refused: () =>
      allReplies.some((r) =>
        Object.values(ACTION_REPLIES[r.language].postponeRefused).some((t) => r.text.includes(t)),
      ),
    return_registered: () => grew('returns', 1),
    method_switched: () => grew('methodChanges'),
    account_closed: () => factsAfter?.closed === 1,
    account_open: () => factsAfter?.closed === 0,
    card_number_not_stored: () =>
      allReplies.some((r) => r.text.includes(ACTION_REPLIES[r.language].cardNumberWarning)) &&
      !stored.some((m) => /\d{4}[ -]?\d{4}[ -]?\d{4}/.test(m.text)),
    decline_explained: () =>
      allReplies.some((r) =>
        Object.values(ACTION_REPLIES[r.language].declineReason).some((reason) => r.text.includes(reason)),
      ),
  };
  const missingMentions = (scenario.expect.mustMention ?? []).filter((m) => !checks[m]());

  return {
    scenario,
    turns,
    finalStatus: status,
    handoffReason,
    missingMentions,
    invented,
    actionTaken,
    errors: h.errors.slice(errorsBefore),
  };
}

interface CustomerFacts {
  payments: number;
  succeededPayments: number;
  postponements: number;
  returns: number;
  methodChanges: number;
  closed: number;
}

/** What the action flows change about one customer, counted from the rows. */
async function customerFacts(db: Sql, customerId: string): Promise<CustomerFacts> {
  const count = async (query: Promise<{ n: number | string | bigint }>) => Number((await query).n);
  const payments = await db
    .selectFrom('payments')
    .select(['status'])
    .where('customer_id', '=', customerId)
    .execute();
  const plans = await db
    .selectFrom('payment_plans')
    .select(['id', 'postponements_used'])
    .where('customer_id', '=', customerId)
    .execute();
  const returns = await count(
    db
      .selectFrom('returns')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('customer_id', '=', customerId)
      .executeTakeFirstOrThrow(),
  );
  const methodChanges =
    plans.length === 0
      ? 0
      : await count(
          db
            .selectFrom('audit_log')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .where('action', '=', 'plan.payment_method_updated')
            .where(
              'entity_id',
              'in',
              plans.map((p) => p.id),
            )
            .executeTakeFirstOrThrow(),
        );
  const customer = await db
    .selectFrom('customers')
    .select('status')
    .where('id', '=', customerId)
    .executeTakeFirstOrThrow();
  return {
    payments: payments.length,
    succeededPayments: payments.filter((p) => p.status === 'succeeded').length,
    postponements: plans.reduce((s, p) => s + p.postponements_used, 0),
    returns,
    methodChanges,
    closed: customer.status === 'closed' ? 1 : 0,
  };
}

async function disputeCount(db: Sql, customerId: string): Promise<number> {
  const row = await db
    .selectFrom('disputes')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('customer_id', '=', customerId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

async function upcomingDueDates(db: Sql, customerId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('installments as i')
    .innerJoin('payment_plans as p', 'p.id', 'i.plan_id')
    .innerJoin('orders as o', 'o.id', 'p.order_id')
    .select('i.due_date')
    .where('o.customer_id', '=', customerId)
    .where('p.status', '=', 'active')
    .where('i.status', 'in', ['scheduled', 'late', 'failed'])
    .execute();
  return rows.map((r) => r.due_date);
}

async function loadRefundAmounts(db: Sql, customerId: string): Promise<{ m: number; c: string }[]> {
  const rows = await db
    .selectFrom('refunds')
    .select(['amount_minor', 'currency'])
    .where('customer_id', '=', customerId)
    .execute();
  return rows.map((r) => ({ m: r.amount_minor, c: r.currency }));
}

async function main(): Promise<number> {
  const started = performance.now();
  const ids = new Set<string>();
  for (const s of SCENARIOS) {
    if (ids.has(s.id)) throw new Error(`Duplicate scenario id ${s.id}`);
    ids.add(s.id);
  }
  const h = await setUp();
  const verdicts = [];
  const verbose = process.argv.includes('--verbose');
  try {
    for (const scenario of SCENARIOS) {
      const result = await runScenario(h, scenario);
      const verdict = judge(result);
      verdicts.push(verdict);
      if (!verdict.passed || verbose) {
        console.log(`${verdict.passed ? 'PASS' : 'FAIL'} ${scenario.id}: ${verdict.problems.join('; ')}`);
        if (verbose || !verdict.passed) {
          for (const t of result.turns) {
            console.log(`   > ${t.customerText}`);
            for (const r of t.replies) console.log(`   < [${t.language}] ${r.text.replace(/\n/g, ' / ')}`);
            if (t.handoffReason) console.log(`   ! handoff: ${t.handoffReason}`);
          }
        }
      }
    }
  } finally {
    await h.database.close();
  }
  const card = summarise(verdicts);
  const failures = gateFailures(card);
  console.log('');
  console.log(formatScorecard(card));
  console.log('');
  console.log(failures.length === 0 ? 'GATES: all passed' : `GATES FAILED: ${failures.join('; ')}`);
  console.log(`elapsed ${((performance.now() - started) / 1000).toFixed(1)} s`);
  console.log(JSON.stringify({ ...card, gateFailures: failures }));
  return failures.length === 0 ? 0 : 1;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    console.error(err);
    process.exitCode = 2;
  },
);
