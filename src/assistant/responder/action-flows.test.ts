import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { builtinDeps, chatContext } from '../../../test/support/demo-assistant.js';
import { fixtures } from '../../../test/support/fixtures.js';
import { RecordingEventBus } from '../../../test/support/recording-event-bus.js';
import {
  openTestDatabase,
  type TestDatabase,
  testDatabaseTargets,
} from '../../../test/support/test-database.js';
import type { AssistantTurn, ConversationContext } from '../../conversations/assistant-port.js';
import { postCustomerMessage } from '../../conversations/post-customer-message.js';
import { startConversation } from '../../conversations/start-conversation.js';
import { TurnLock } from '../../conversations/turn-lock.js';
import { importKnowledgeBase } from '../../knowledge/import-articles.js';
import { fixedClock } from '../../platform/clock.js';
import { newId } from '../../platform/ids.js';
import type { Language } from '../language/detect-language.js';
import { loadAssistantModels } from '../load-assistant-models.js';
import { createBuiltinAssistant } from './builtin-assistant.js';
import { formatAmount, formatDate } from './format.js';

// A Wednesday; fixture plans start on 2025-06-10 so their first installment is not yet due.
const NOW = new Date('2025-06-04T10:00:00Z');

describe.each(testDatabaseTargets())('assistant action flows (%s)', (kind) => {
  let test: TestDatabase;
  let assistant: ReturnType<typeof createBuiltinAssistant>;
  let f: ReturnType<typeof fixtures>;
  const deps = () => ({ db: test.database.db, events: new RecordingEventBus(), clock: fixedClock(NOW) });

  beforeAll(async () => {
    test = await openTestDatabase(kind);
    await importKnowledgeBase(test.database.db);
    f = fixtures(test.database.db);
    assistant = createBuiltinAssistant(builtinDeps(test.database.db, NOW, await loadAssistantModels()));
  });
  afterAll(async () => {
    await test?.close();
  });

  const context = (customerId: string, language: Language, state: Record<string, unknown> = {}) =>
    chatContext(customerId, language, NOW, { state, conversationId: newId() });

  async function talk(customerId: string, language: Language, messages: string[]) {
    let ctx = context(customerId, language);
    const turns: (AssistantTurn & { before: ConversationContext })[] = [];
    for (const m of messages) {
      const turn = await assistant.respond(ctx, m);
      turns.push({ ...turn, before: ctx });
      ctx = { ...ctx, language: turn.language, state: turn.state };
    }
    return turns;
  }
  const text = (t: AssistantTurn) => t.replies.map((r) => r.text).join('\n');

  async function customerWithPlan(
    opts: { merchant?: string; expiredCard?: boolean; locale?: string; total?: number } = {},
  ) {
    const c = await f.customer(opts.locale ? { locale: opts.locale, country: 'SE', currency: 'SEK' } : {});
    const card = await f.paymentMethod(c.id, opts.expiredCard ? { exp_year: 2024, exp_month: 1 } : {});
    const merchant = await f.merchant(opts.merchant ?? 'Pixelport');
    const plan = await f.bnplOrder({
      customerId: c.id,
      merchantId: merchant.id,
      paymentMethodId: card.id,
      placedAt: new Date('2025-05-27T10:00:00Z'),
      firstDueDate: '2025-06-10',
      totalMinor: opts.total ?? 40_000,
      ...(opts.locale ? { currency: 'SEK' as const } : {}),
    });
    return { customer: c, card, merchant, ...plan };
  }

  const payments = async (customerId: string) =>
    test.database.db.selectFrom('payments').selectAll().where('customer_id', '=', customerId).execute();
  const audits = async (entityId: string) =>
    test.database.db.selectFrom('audit_log').selectAll().where('entity_id', '=', entityId).execute();

  it('pays the next installment only after yes; a repeated or retried yes never charges twice', async () => {
    const { customer, installments } = await customerWithPlan();
    const first = installments[0]!;
    const [ask, yes, again] = await talk(customer.id, 'en', [
      'I want to pay my next installment now',
      'yes',
      'yes',
    ]);
    expect(text(ask!)).toContain(formatAmount(first.amount_minor, 'USD', 'en-US'));
    expect(text(ask!)).toContain(formatDate(first.due_date, 'en-US'));
    expect(text(ask!)).toMatch(/Visa •••• 4242.*yes or no/);
    expect(text(yes!)).toMatch(/^Done: \$100\.00 was paid for your Pixelport purchase/);
    expect(text(again!)).not.toMatch(/paid/);
    // The same "yes" turn retried with the state it started from replays the first charge.
    const retried = await assistant.respond(yes!.before, 'yes');
    expect(text(retried)).toMatch(/^Done/);
    const made = await payments(customer.id);
    expect(made.filter((p) => p.status === 'succeeded')).toHaveLength(1);
    expect((await f.installment(first.id)).status).toBe('paid');
    const audit = await audits(first.id);
    expect(audit.map((a) => [a.action, a.actor_type])).toEqual([['installment.paid', 'ai']]);
  });

  it('says a declined card is declined, charges nothing, and offers a person', async () => {
    const { customer, installments } = await customerWithPlan({ expiredCard: true });
    const [, yes, person] = await talk(customer.id, 'en', ['pay my installment now please', 'yes', 'yes']);
    expect(text(yes!)).toMatch(/declined: the card has expired\. Nothing was charged/);
    expect(text(yes!)).not.toMatch(/Done/);
    expect((await f.installment(installments[0]!.id)).status).toBe('scheduled');
    const [attempt] = await payments(customer.id);
    expect(attempt).toMatchObject({ status: 'failed', failure_code: 'card_expired' });
    expect(person!.handoff).toMatchObject({ reason: 'payment_declined' });
  });

  it('pays off the plan the customer names, stating the amount from the database; "no" changes nothing', async () => {
    const { customer, plan } = await customerWithPlan({ merchant: 'Oak & Ember Furniture', total: 90_000 });
    const other = await f.merchant('Loomline');
    await f.bnplOrder({
      customerId: customer.id,
      merchantId: other.id,
      firstDueDate: '2025-06-12',
      placedAt: new Date('2025-05-28T10:00:00Z'),
    });
    const [ask, no] = await talk(customer.id, 'en', [
      'I want to pay off my oak and ember plan in full',
      'no',
    ]);
    expect(text(ask!)).toContain(
      `Paying off your Oak & Ember Furniture plan now takes ${formatAmount(90_000, 'USD', 'en-US')}`,
    );
    expect(text(no!)).toMatch(/haven't done anything/);
    expect(await payments(customer.id)).toHaveLength(0);
    const [, yes] = await talk(customer.id, 'en', ['pay off the oak & ember plan', 'yes']);
    expect(text(yes!)).toMatch(/plan is paid off/);
    expect((await f.planState(plan.id)).plan.status).toBe('completed');
    expect((await audits(plan.id)).map((a) => [a.action, a.actor_type])).toEqual([['plan.paid_off', 'ai']]);
  });

  it('postpones by the length asked for, once; a second request hears the rule (Swedish)', async () => {
    const { customer, installments, plan } = await customerWithPlan({
      merchant: 'Stilhuset',
      locale: 'sv-SE',
    });
    const first = installments[0]!;
    const [ask, yes] = await talk(customer.id, 'sv', ['kan jag skjuta upp min betalning en vecka?', 'ja']);
    expect(text(ask!)).toContain(
      `från ${formatDate('2025-06-10', 'sv-SE')} till ${formatDate('2025-06-17', 'sv-SE')}`,
    );
    expect(text(yes!)).toMatch(/^Klart/);
    expect((await f.installment(first.id)).due_date).toBe('2025-06-17');
    expect((await f.planState(plan.id)).plan.postponements_used).toBe(1);
    expect((await audits(first.id)).map((a) => [a.action, a.actor_type])).toEqual([
      ['installment.postponed', 'ai'],
    ]);
    const [refused] = await talk(customer.id, 'sv', ['jag vill skjuta upp betalningen igen']);
    expect(text(refused!)).toMatch(/redan skjutits upp en gång/);
    expect(text(refused!)).toMatch(/högst 14 dagar/);
    expect((await f.installment(first.id)).due_date).toBe('2025-06-17');
  });

  it('offers the latest allowed date when the customer asks for too much, and takes a date given instead of yes', async () => {
    const { customer, installments } = await customerWithPlan();
    const [ask, other, yes] = await talk(customer.id, 'en', [
      'can I postpone my payment to July 30?',
      'what about June 20 then',
      'yes',
    ]);
    expect(text(ask!)).toMatch(/latest date is June 24, 2025/);
    expect(text(other!)).toContain('to June 20, 2025');
    expect(text(yes!)).toMatch(/now due June 20, 2025/);
    expect((await f.installment(installments[0]!.id)).due_date).toBe('2025-06-20');
  });

  it('never takes a card number: the stored message is redacted and saved cards are offered instead', async () => {
    const { customer, plan } = await customerWithPlan();
    const second = await f.paymentMethod(customer.id, {
      brand: 'mastercard',
      last4: '5454',
      is_default: false,
    });
    const turns = new TurnLock();
    const all = { ...deps(), assistant, turns, logger: { error: () => {} } };
    const view = await startConversation(
      all,
      { type: 'customer', id: customer.id },
      { channel: 'chat', customerId: customer.id, locale: 'en-US' },
    );
    const reply = await postCustomerMessage(
      all,
      { type: 'customer', id: customer.id },
      {
        conversationId: view.id,
        text: 'please use my new card 4000 0566 5566 5556 exp 12/29',
      },
    );
    const said = reply.messages.map((m) => m.text).join('\n');
    expect(said).toMatch(/I have not stored it/);
    expect(said).toMatch(/Mastercard •••• 5454/);
    const stored = await test.database.db
      .selectFrom('conversation_messages')
      .select('text')
      .where('conversation_id', '=', view.id)
      .execute();
    expect(stored.map((m) => m.text).join(' ')).not.toMatch(/4000|5556/);
    const pick = await postCustomerMessage(
      all,
      { type: 'customer', id: customer.id },
      { conversationId: view.id, text: 'the one ending 5454' },
    );
    expect(pick.messages.map((m) => m.text).join(' ')).toMatch(
      /to your Mastercard •••• 5454 from now on\? Please answer yes or no/,
    );
    const done = await postCustomerMessage(
      all,
      { type: 'customer', id: customer.id },
      { conversationId: view.id, text: 'yes' },
    );
    expect(done.messages.map((m) => m.text).join(' ')).toMatch(/^Done/);
    expect((await f.planState(plan.id)).plan.payment_method_id).toBe(second.id);
    expect((await audits(plan.id)).map((a) => [a.action, a.actor_type])).toEqual([
      ['plan.payment_method_updated', 'ai'],
    ]);
  });

  it('registers a return for the item the customer picks (German)', async () => {
    const { customer, order } = await customerWithPlan({ merchant: 'Brightside Denim' });
    await test.database.db
      .insertInto('order_items')
      .values({
        id: newId(),
        order_id: order.id,
        description: 'Denim jeans',
        quantity: 1,
        unit_price_minor: 0,
        total_minor: 0,
      })
      .execute();
    const [ask, item, yes] = await talk(customer.id, 'de', [
      'Ich möchte eine Rücksendung anmelden',
      'die Jeans',
      'ja',
    ]);
    expect(text(ask!)).toMatch(/Welchen Artikel/);
    expect(text(item!)).toMatch(/Denim jeans bei Brightside Denim/);
    expect(text(yes!)).toMatch(/^Erledigt/);
    const returns = await test.database.db
      .selectFrom('returns')
      .selectAll()
      .where('order_id', '=', order.id)
      .execute();
    expect(returns).toHaveLength(1);
    expect(returns[0]!.reason).toMatch(/Denim jeans/);
    expect((await audits(returns[0]!.id)).map((a) => a.actor_type)).toEqual(['ai']);
  });

  it('refuses to close an account with money owed, saying how much; closes a settled one after yes', async () => {
    const { customer } = await customerWithPlan();
    const [refused] = await talk(customer.id, 'en', ['please close my account']);
    expect(text(refused!)).toContain(`while ${formatAmount(40_000, 'USD', 'en-US')} is still outstanding`);
    const settled = await f.customer();
    const [ask, yes] = await talk(settled.id, 'en', ['I want to close my Tandem account', 'yes']);
    expect(text(ask!)).toMatch(/cannot be undone/);
    expect(text(yes!)).toMatch(/now closed/);
    const row = await test.database.db
      .selectFrom('customers')
      .select('status')
      .where('id', '=', settled.id)
      .executeTakeFirstOrThrow();
    expect(row.status).toBe('closed');
    expect((await audits(settled.id)).map((a) => [a.action, a.actor_type])).toEqual([
      ['customer.closed', 'ai'],
    ]);
  });

  it('explains a declined payment from the recorded reason code (French)', async () => {
    const { customer, plan, installments } = await customerWithPlan();
    await test.database.db
      .insertInto('payments')
      .values({
        id: newId(),
        plan_id: plan.id,
        installment_id: installments[0]!.id,
        customer_id: customer.id,
        amount_minor: 10_000,
        currency: 'USD',
        status: 'failed',
        failure_code: 'insufficient_funds',
        failure_reason: 'Insufficient funds',
        attempted_at: new Date('2025-06-02T08:00:00Z'),
      })
      .execute();
    const [turn] = await talk(customer.id, 'fr', ['Pourquoi mon paiement a-t-il été refusé ?']);
    expect(text(turn!)).toContain(formatAmount(10_000, 'USD', 'fr-FR'));
    expect(text(turn!)).toMatch(/le solde de la carte était insuffisant/);
  });

  it('asks an unclear answer once more, then brings in a person; nothing is charged', async () => {
    const { customer } = await customerWithPlan();
    const [, unclear, handoff] = await talk(customer.id, 'en', [
      'I want to pay my next installment now',
      'hmm',
      'ehh',
    ]);
    expect(text(unclear!)).toMatch(/yes or no/);
    expect(handoff!.handoff).toMatchObject({ reason: 'action_confirmation_unclear' });
    expect(await payments(customer.id)).toHaveLength(0);
  });
});
