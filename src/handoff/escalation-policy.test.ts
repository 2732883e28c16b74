import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RecordingEventBus } from '../../test/support/recording-event-bus.js';
import type { Language } from '../assistant/language/detect-language.js';
import { loadAssistantModels } from '../assistant/load-assistant-models.js';
import { createBuiltinAssistant } from '../assistant/responder/builtin-assistant.js';
import type { AssistantTurn, ConversationContext } from '../conversations/assistant-port.js';
import { seedDemoCompany } from '../demo/seed-database.js';
import { importKnowledgeBase } from '../knowledge/import-articles.js';
import { createKnowledgeBaseSearch } from '../knowledge/search-articles.js';
import { listCustomerOrders } from '../orders/list-customer-orders.js';
import { fixedClock } from '../platform/clock.js';
import { ConfigError, loadConfig } from '../platform/config.js';
import { type Database, openDatabase } from '../platform/db/database.js';
import { migrate } from '../platform/db/migrate.js';
import { escalationPolicy } from './escalation-policy.js';
import { ESCALATION_COPY } from './escalation-replies.js';

const NOW = new Date('2025-06-01T10:00:00Z');
type Built = ReturnType<typeof createBuiltinAssistant>;

/** Each automatic handoff trigger, through the real built-in assistant and its models. */
describe('escalation policy', () => {
  let database: Database;
  let models: Awaited<ReturnType<typeof loadAssistantModels>>;
  let assistant: Built;
  const ids: Record<string, string> = {};

  const build = (policy = escalationPolicy()): Built =>
    createBuiltinAssistant({
      db: database.db,
      events: new RecordingEventBus(),
      clock: fixedClock(NOW),
      kb: createKnowledgeBaseSearch(database.db),
      ...models,
      escalation: policy,
    });

  beforeAll(async () => {
    database = await openDatabase({ kind: 'pglite', dataDir: undefined, schema: 'public' });
    await migrate(database);
    await importKnowledgeBase(database.db);
    await seedDemoCompany(database, { customers: 5, seed: 1, workers: 0, now: NOW });
    for (const c of await database.db.selectFrom('customers').select(['id', 'email']).execute())
      ids[c.email] = c.id;
    models = await loadAssistantModels();
    assistant = build();
  });
  afterAll(async () => {
    await database?.close();
  });

  const alex = () => ids['alex.morgan@example.com']!;

  async function talk(
    messages: string[],
    options: { customerId?: string | null; language?: Language; with?: Built } = {},
  ): Promise<AssistantTurn[]> {
    let ctx: ConversationContext = {
      conversationId: 'c1',
      customerId: options.customerId ?? null,
      language: options.language ?? 'en',
      channel: 'chat',
      history: [],
      state: {},
      now: NOW,
    };
    const turns: AssistantTurn[] = [];
    for (const [i, m] of messages.entries()) {
      // The history ends with the message being answered, as the conversation store passes it.
      const said = { id: `m${i}`, role: 'customer' as const, text: m, createdAt: NOW };
      ctx = { ...ctx, history: [...ctx.history, said] };
      const turn = await (options.with ?? assistant).respond(ctx, m);
      turns.push(turn);
      const replies = turn.replies.map((r, j) => ({
        id: `r${i}.${j}`,
        role: 'assistant' as const,
        text: r.text,
        createdAt: NOW,
      }));
      ctx = { ...ctx, language: turn.language, state: turn.state, history: [...ctx.history, ...replies] };
    }
    return turns;
  }
  const text = (turn: AssistantTurn | undefined) => turn?.replies.map((r) => r.text).join('\n') ?? '';

  it.each([
    ['en', 'I want to talk to a real person'],
    ['sv', 'Jag vill prata med en människa'],
    ['de', 'Ich möchte mit einem Mitarbeiter sprechen'],
  ] as const)('hands over at once on an explicit request (%s)', async (_lang, message) => {
    const [turn] = await talk([message]);
    expect(turn?.handoff).toEqual({
      reason: 'customer_requested_human',
      priority: 'normal',
      queue: 'general',
    });
    expect(text(turn)).not.toMatch(/sure\?/i);
  });

  it('hands over on frustration (capitals and "useless"), high priority, with empathy', async () => {
    const [turn] = await talk(['THIS IS USELESS, NOTHING WORKS']);
    expect(turn?.handoff).toEqual({ reason: 'customer_frustrated', priority: 'high', queue: 'general' });
  });

  it('hands over a need still unresolved on the second ask (loop)', async () => {
    const [first, second] = await talk(['please close my account', 'I want to close my account'], {
      customerId: alex(),
    });
    expect(first?.handoff).toBeUndefined();
    expect(second?.handoff).toMatchObject({ reason: 'repeated_unresolved' });
  });

  it('hands over the same question asked again after an answer (loop), but not a short "yes" twice', async () => {
    const question = 'How do returns work with a payment plan?';
    const [answered, again] = await talk([question, 'how do returns work with a payment plan'], {
      customerId: alex(),
    });
    expect(answered?.handoff).toBeUndefined();
    expect(text(answered)).not.toBe('');
    expect(again?.handoff).toEqual({ reason: 'repeated_question', priority: 'normal', queue: 'general' });

    const [, , second] = await talk(['How do returns work with a payment plan?', 'ok', 'ok'], {
      customerId: alex(),
    });
    expect(second?.handoff).toBeUndefined();
  });

  it.each([
    ['en', 'this is bullshit, fix my damn payment'],
    ['sv', 'vad fan håller ni på med, skitföretag'],
  ] as const)('hands over on swearing without capitals (%s)', async (lang, message) => {
    const [turn] = await talk([message], { language: lang });
    expect(turn?.handoff).toMatchObject({ reason: 'customer_frustrated', priority: 'high' });
  });

  it.each([
    ['en', 'I want to make a formal complaint about how I was treated'],
    ['sv', 'Jag vill lämna in ett formellt klagomål'],
  ] as const)('sends a formal complaint to the complaints queue (%s)', async (lang, message) => {
    const [turn] = await talk([message], { language: lang, customerId: alex() });
    expect(turn?.handoff?.queue).toBe('complaints');
    expect(['complaint', 'legal_threat']).toContain(turn?.handoff?.reason);
  });

  it('hands over after the configured number of messages it cannot understand', async () => {
    const gibberish = ['asdkjh qwepoiu zxmnb', 'xqzv blorf wibble', 'plimf zorgle vrabt'];
    const byDefault = await talk(gibberish.slice(0, 2));
    expect(byDefault[0]?.handoff).toBeUndefined();
    expect(byDefault[1]?.handoff).toMatchObject({ reason: 'low_understanding' });

    const patient = build(escalationPolicy({ lowUnderstandingTurns: 3 }));
    const configured = await talk(gibberish, { with: patient });
    expect(configured.map((t) => t.handoff?.reason)).toEqual([undefined, undefined, 'low_understanding']);
  });

  it.each([
    ['en', 'I want to kill myself, I cannot pay'],
    ['sv', 'Jag tänker ta livet av mig'],
    ['de', 'Mein Partner zwingt mich mit Gewalt dazu'],
    ['fr', 'Je veux me tuer'],
    ['es', 'Quiero quitarme la vida'],
    ['it', 'Voglio uccidermi'],
    ['nl', 'Ik denk aan zelfmoord'],
    ['vi', 'Tôi muốn tự tử'],
  ] as const)('treats self-harm and abuse as urgent, with crisis resources (%s)', async (lang, message) => {
    const [turn] = await talk([message], { language: lang });
    expect(turn?.handoff).toEqual({ reason: 'safety_concern', priority: 'urgent', queue: 'hardship' });
    expect(text(turn)).toContain(ESCALATION_COPY[turn!.language].safetyResources);
  });

  it.each([
    ['en', 'My husband passed away last month and the payments are in his name'],
    ['sv', 'Min mamma gick bort och jag sköter hennes konto'],
    ['de', 'Ich bin schwer krank und liege im Krankenhaus'],
    ['nl', 'Mijn vader is overleden, wat moet ik doen met zijn betalingen'],
    ['vi', 'Bố tôi đã qua đời, tôi phải làm gì với khoản trả góp'],
  ] as const)(
    'treats bereavement and serious illness as urgent and vulnerable (%s)',
    async (lang, message) => {
      const [turn] = await talk([message], { language: lang });
      expect(turn?.handoff).toEqual({ reason: 'vulnerable_customer', priority: 'urgent', queue: 'hardship' });
    },
  );

  it('treats financial hardship as urgent, with free debt-advice resources', async () => {
    const [turn] = await talk(["I lost my job and I can't afford my payments anymore"]);
    expect(turn?.handoff).toEqual({ reason: 'hardship', priority: 'urgent', queue: 'hardship' });
    expect(text(turn)).toContain(ESCALATION_COPY.en.hardshipResources);
  });

  it.each([
    ['en', 'I have been scammed, a fake shop took my money'],
    ['sv', 'Jag har blivit lurad av en falsk butik'],
    ['fr', "C'est une arnaque, j'ai été arnaqué"],
  ] as const)('sends fraud victims to the fraud queue (%s)', async (lang, message) => {
    const [turn] = await talk([message], { language: lang });
    // Worded as an unrecognised purchase, the fraud flow (which also locks the account) takes it.
    expect(turn?.handoff).toMatchObject({ priority: 'high', queue: 'fraud' });
    expect(turn?.handoff?.reason).toMatch(/^(fraud_victim|unrecognised_purchase)$/);
  });

  it.each([
    ['en', 'I will contact my lawyer about this'],
    ['en', 'I am going to report you to the ombudsman'],
    ['sv', 'Jag anmäler er till Finansinspektionen'],
    ['sv', 'Jag går till ARN med det här'],
    ['de', 'Ich werde Sie verklagen'],
    ['fr', 'Je vais contacter mon avocat'],
    ['es', 'Voy a hablar con mi abogado'],
    ['it', 'Mi rivolgerò a un avvocato'],
    ['nl', 'Ik stap naar het Kifid'],
    ['vi', 'Tôi sẽ thuê luật sư'],
  ] as const)(
    'sends legal threats and formal complaints to the complaints queue: "%s: %s"',
    async (lang, message) => {
      const [turn] = await talk([message], { language: lang });
      expect(turn?.handoff).toEqual({ reason: 'legal_threat', priority: 'high', queue: 'complaints' });
    },
  );

  it('does not take everyday words for triggers', async () => {
    for (const message of [
      'When is my next payment?',
      'My phone died, can I pay tomorrow?',
      'How do you protect me from fraud?',
      'Hi there',
    ]) {
      const [turn] = await talk([message], { customerId: alex() });
      expect(String(turn?.handoff?.reason), message).not.toMatch(/legal|vulnerable|fraud|safety/);
    }
  });

  it('opens a dispute above the configured amount and then hands it to the disputes queue', async () => {
    const open = (await listCustomerOrders(database.db, alex())).filter(
      (o) => o.plan?.status === 'active' && o.disputes.length === 0,
    );
    const [large, atLimit] = open;
    expect(atLimit).toBeDefined();
    const above = { [large!.currency]: large!.totalMinor - 1 };
    const [, , confirmed] = await talk(['I want to dispute a purchase', large!.merchant.name, 'yes'], {
      customerId: alex(),
      with: build(escalationPolicy({ disputeHandoffAboveMinor: above })),
    });
    expect(confirmed?.handoff).toEqual({
      reason: 'dispute_above_threshold',
      priority: 'high',
      queue: 'disputes',
    });
    expect(text(confirmed)).toMatch(/paused/);
    const [after] = await listCustomerOrders(database.db, alex(), { orderId: large!.id });
    expect(after!.disputes.some((d) => d.status === 'open')).toBe(true);

    // At (not above) the threshold the assistant keeps it.
    const limit = { [atLimit!.currency]: atLimit!.totalMinor };
    const turns = await talk(['I want to dispute a purchase', atLimit!.merchant.name, 'yes'], {
      customerId: alex(),
      with: build(escalationPolicy({ disputeHandoffAboveMinor: limit })),
    });
    expect(text(turns.at(-1))).toMatch(/paused/);
    expect(turns.at(-1)?.handoff).toBeUndefined();
  });

  it('takes an override from TANDEM_ESCALATION_POLICY over the defaults, and refuses a bad one at start', () => {
    const config = loadConfig({ TANDEM_ESCALATION_POLICY: '{"lowUnderstandingTurns":3}' });
    expect(config.escalation.lowUnderstandingTurns).toBe(3);
    expect(config.escalation.routes.hardship).toEqual({
      reason: 'hardship',
      priority: 'urgent',
      queue: 'hardship',
    });
    expect(() => loadConfig({ TANDEM_ESCALATION_POLICY: '{"frustrationThreshold":"high"}' })).toThrow(
      ConfigError,
    );
    expect(() => loadConfig({ TANDEM_ESCALATION_POLICY: '{not json' })).toThrow(/not valid JSON/);
  });

  it('refuses an invalid policy rather than running with it', () => {
    expect(() => escalationPolicy({ minConfidence: 2 })).toThrow();
    expect(() =>
      escalationPolicy({ routes: { hardship: { reason: '', priority: 'urgent', queue: 'x' } } }),
    ).toThrow();
  });
});
