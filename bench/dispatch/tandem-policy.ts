import { aiActor, queueDeps, requestHandoff } from '../../src/conversations/conversation-store.js';
import { finishHumanHandling } from '../../src/conversations/finish-human-handling.js';
import { answerOffer } from '../../src/handoff/answer-offer.js';
import {
  type DispatchDeps,
  dispatchConversation,
  dispatchWaiting,
} from '../../src/handoff/dispatch-conversation.js';
import { DISPATCH_QUEUE, type DispatchJob, OFFER_EXPIRY_QUEUE } from '../../src/handoff/dispatch-trigger.js';
import { skillsForQueue } from '../../src/handoff/eligible-agents.js';
import { expireOffers } from '../../src/handoff/expire-offers.js';
import { registerHandoffJobs } from '../../src/handoff/handoff-jobs.js';
import type { Actor } from '../../src/platform/audit/write-audit.js';
import { fixedClock } from '../../src/platform/clock.js';
import type { DispatchConfig } from '../../src/platform/config.js';
import type { Sql } from '../../src/platform/db/database.js';
import { AppError } from '../../src/platform/errors.js';
import type { EventBus, LiveEvent, LiveEventHandler } from '../../src/platform/events/event-bus.js';
import type { JobHandler, JobOptions, JobQueue } from '../../src/platform/queue/job-queue.js';
import { setPresence } from '../../src/workforce/set-presence.js';
import { canHandle, type Scenario, type SimAgent } from './scenario.js';
import {
  ABANDONED_HANDLE_SECONDS,
  type BehaviourOptions,
  EventHeap,
  Metrics,
  onlineSlotSeconds,
  reaction,
} from './simulation.js';

/** Day 0, 08:00 UTC: simulated second t is this plus t. */
const DAY_START = Date.parse('2026-01-05T08:00:00Z');

/** Keeps `offer.created` events; nothing else in the simulation listens. */
class OfferBus implements EventBus {
  readonly offers: LiveEvent[] = [];
  async publish(topic: string, type: string, data: unknown) {
    if (type === 'offer.created') this.offers.push({ id: '', topic, type, data, at: '', origin: 'sim' });
  }
  subscribe(_: LiveEventHandler) {
    return () => {};
  }
  async start() {}
  async stop() {}
}

/**
 * The job queue in simulated time: a job due now runs after the current event's transaction
 * (as the real queue would pick it up), one due later (an offer's expiry) becomes an event at
 * its `runAt`. Identical "dispatch every waiting conversation" triggers at one instant run
 * once (the real handler is idempotent). The recurring sweep is driven by the simulation.
 */
class SimJobQueue implements JobQueue {
  private readonly handlers = new Map<string, JobHandler>();
  private readonly due: { queue: string; payload: unknown }[] = [];
  private nextId = 1;
  jobsRun = 0;
  /** Calls and wall milliseconds per job queue, for the report. */
  readonly spentMs = new Map<string, [number, number]>();

  constructor(
    private readonly now: () => number,
    private readonly later: (at: number, run: () => Promise<void>) => void,
  ) {}

  register<P>(queue: string, handler: JobHandler<P>) {
    this.handlers.set(queue, handler as JobHandler);
  }

  async enqueue<P>(queue: string, payload: P, options: JobOptions = {}) {
    if (queue === 'handoff.sweep') return null;
    const runAt = options.runAt?.getTime();
    if (runAt !== undefined && runAt > this.now()) {
      this.later((runAt - DAY_START) / 1000, () => this.run(queue, payload));
    } else if (
      !(
        JSON.stringify(payload) === '{}' &&
        this.due.some((j) => j.queue === queue && JSON.stringify(j.payload) === '{}')
      )
    ) {
      this.due.push({ queue, payload });
    }
    return this.nextId++;
  }

  async run(queue: string, payload: unknown) {
    const handler = this.handlers.get(queue);
    if (!handler) throw new Error(`no handler for ${queue}`);
    this.jobsRun++;
    const t = performance.now();
    await handler(payload, { jobId: this.nextId++, attempt: 1 });
    const key =
      queue === 'handoff.dispatch' && JSON.stringify(payload) === '{}' ? 'handoff.dispatch (all)' : queue;
    const spent = this.spentMs.get(key) ?? [0, 0];
    this.spentMs.set(key, [spent[0] + 1, spent[1] + performance.now() - t]);
  }

  /** Runs every job due now, including those the jobs themselves enqueue. */
  async drain() {
    for (let job = this.due.shift(); job; job = this.due.shift()) await this.run(job.queue, job.payload);
  }

  async start() {}
  async stop() {}
}

/** Inserts the simulated agents as approved staff with agent profiles, all offline. */
export async function insertAgents(db: Sql, agents: SimAgent[]) {
  const at = new Date(DAY_START - 86_400_000);
  for (let i = 0; i < agents.length; i += 500) {
    const chunk = agents.slice(i, i + 500);
    await db
      .insertInto('staff_users')
      .values(
        chunk.map((a) => ({
          id: a.staffUserId,
          email: `sim-agent-${a.index}@example.test`,
          name: `Agent ${a.index}`,
          password_hash: 'not-a-login',
          roles: ['agent' as const],
          created_at: at,
          updated_at: at,
        })),
      )
      .execute();
    await db
      .insertInto('agents')
      .values(
        chunk.map((a) => ({
          id: a.id,
          staff_user_id: a.staffUserId,
          display_name: `Agent ${a.index}`,
          languages: a.languages,
          skills: a.skills,
          status: 'approved' as const,
          max_concurrent: a.maxConcurrent,
          approved_at: at,
          created_at: at,
          updated_at: at,
        })),
      )
      .execute();
  }
}

/**
 * Tandem's own dispatcher on the day: every arrival goes through `requestHandoff` (which
 * enters the queue and triggers dispatch), agents switch on and off with `setPresence`,
 * answer with `answerOffer`, finish with `finishHumanHandling`, and the real job handlers
 * (`registerHandoffJobs`: dispatch, offer expiry, the sweep) run at simulated times.
 */
export type JobHandlers = 'decisions' | 'full';

/**
 * `full`: the product's handlers as registered (`registerHandoffJobs`), which also publish queue
 * positions and raise demand on every sweep and "dispatch all" trigger. `decisions`: only what
 * decides who is offered what (dispatch, expiry, and a sweep of expire + dispatch waiting), the
 * same functions, several times faster on a simulated day.
 */
function registerJobs(deps: DispatchDeps, jobs: SimJobQueue, handlers: JobHandlers): () => void {
  if (handlers === 'full') return registerHandoffJobs(deps, { warn: () => {} });
  jobs.register<DispatchJob>(DISPATCH_QUEUE, async (job) => {
    if (job?.conversationId) await dispatchConversation(deps, job.conversationId);
    else await dispatchWaiting(deps);
  });
  jobs.register<{ offerId: string }>(OFFER_EXPIRY_QUEUE, (job) =>
    expireOffers(deps, job.offerId).then(() => {}),
  );
  jobs.register('handoff.sweep', async () => {
    await expireOffers(deps);
    await dispatchWaiting(deps);
  });
  return () => {};
}

export async function simulateTandem(
  db: Sql,
  scenario: Scenario,
  dispatch: DispatchConfig,
  behaviour: BehaviourOptions,
  handlers: JobHandlers,
) {
  const heap = new EventHeap();
  const clock = fixedClock(new Date(DAY_START));
  const bus = new OfferBus();
  const jobs = new SimJobQueue(
    () => clock.now().getTime(),
    (at, run) => heap.push(at, run),
  );
  const deps: DispatchDeps = { db, events: bus, jobs, clock, dispatch };
  const stopSweep = registerJobs(deps, jobs, handlers);
  const metrics = new Metrics(scenario);
  metrics.onlineSlotSeconds = onlineSlotSeconds(scenario);
  const agentByStaff = new Map(scenario.agents.map((a) => [a.staffUserId, a]));
  const conversationById = new Map(scenario.conversations.map((c) => [c.id, c]));
  const attempts = new Map<number, number>();
  let waitingNow = 0;
  const active = new Map<SimAgent, number>();
  const stopAt = scenario.endsAt;
  const staff = (a: SimAgent) => ({
    actor: { type: 'staff', id: a.staffUserId } satisfies Actor,
    principal: {
      kind: 'staff' as const,
      staffUserId: a.staffUserId,
      email: `sim-agent-${a.index}@example.test`,
      name: `Agent ${a.index}`,
      roles: ['agent' as const],
      sessionId: 'sim',
    },
  });
  const spent = jobs.spentMs;
  const timed = async <T>(label: string, work: () => Promise<T>): Promise<T> => {
    const t = performance.now();
    try {
      return await work();
    } finally {
      const [n, ms] = spent.get(label) ?? [0, 0];
      spent.set(label, [n + 1, ms + performance.now() - t]);
    }
  };

  const tolerate409 = async (work: () => Promise<unknown>) => {
    try {
      await work();
      return true;
    } catch (err) {
      if (err instanceof AppError && err.status === 409) {
        metrics.conflicts++;
        return false;
      }
      throw err;
    }
  };

  /** Turns each new offer into the agent's answer (or silence) at a simulated time. */
  const reactToOffers = (now: number) => {
    for (const event of bus.offers.splice(0)) {
      const data = event.data as { offer: { id: string; conversationId: string } };
      const agent = agentByStaff.get(event.topic.slice('agent:'.length))!;
      const c = conversationById.get(data.offer.conversationId)!;
      if (!canHandle(agent, c, skillsForQueue)) metrics.misrouted++;
      const attempt = (attempts.get(c.index) ?? 0) + 1;
      attempts.set(c.index, attempt);
      const r = reaction(behaviour, agent, c, attempt);
      if (r.kind === 'ignore') continue; // the expiry job lapses it
      heap.push(now + r.afterSeconds, async () => {
        const { actor } = staff(agent);
        const ok = await tolerate409(() =>
          timed(r.kind, () =>
            answerOffer(deps, actor, {
              staffUserId: agent.staffUserId,
              offerId: data.offer.id,
              answer: r.kind as 'accept' | 'decline',
            }),
          ),
        );
        if (!ok || r.kind !== 'accept') return;
        waitingNow--;
        // Invariants the database should guarantee: one agent per conversation, capacity respected.
        if (metrics.answeredAt.has(c.index)) metrics.doubleAssigned++;
        const load = (active.get(agent) ?? 0) + 1;
        active.set(agent, load);
        if (load > agent.maxConcurrent) metrics.overCapacity++;
        const at = clock.now().getTime() / 1000 - DAY_START / 1000;
        metrics.answer(c, at);
        const gone = at - c.arriveAt > c.patienceSeconds;
        const handle = gone ? ABANDONED_HANDLE_SECONDS : c.handleSeconds;
        metrics.busySeconds += handle;
        heap.push(at + handle, async () => {
          active.set(agent, (active.get(agent) ?? 1) - 1);
          const { actor, principal } = staff(agent);
          await timed('finish', () =>
            finishHumanHandling({ ...deps, config: { dispatch } }, actor, principal, {
              conversationId: c.id,
              to: 'closed',
              resolutionCode: gone ? 'customer_unresponsive' : 'resolved',
            }),
          );
        });
      });
    }
  };

  for (const a of scenario.agents) {
    heap.push(a.onlineAt, async () => {
      await timed('online', () =>
        setPresence(deps, staff(a).actor, a.staffUserId, 'online', dispatch.presenceTimeoutMs),
      );
    });
    heap.push(a.offlineAt, async () => {
      await timed('offline', () =>
        setPresence(deps, staff(a).actor, a.staffUserId, 'offline', dispatch.presenceTimeoutMs),
      );
    });
  }
  for (const c of scenario.conversations) {
    heap.push(c.arriveAt, async () => {
      const now = clock.now();
      await timed('handoff', () =>
        db.transaction().execute(async (trx) => {
          const row = await trx
            .insertInto('conversations')
            .values({
              id: c.id,
              customer_id: null,
              channel: 'chat',
              status: 'bot',
              language: c.language,
              created_at: now,
              updated_at: now,
            })
            .returningAll()
            .executeTakeFirstOrThrow();
          await requestHandoff(
            trx,
            queueDeps({ events: bus, jobs, config: { dispatch } }),
            aiActor(),
            row,
            { reason: 'explicit_request', priority: c.priority, queue: c.queue },
            now,
          );
        }),
      );
      waitingNow++;
    });
  }
  const sweepSeconds = dispatch.sweepEveryMs / 1000;
  let sweeps = 0;
  let skippedSweeps = 0;
  const sweep = async (at: number) => {
    if (at + sweepSeconds <= stopAt) heap.push(at + sweepSeconds, () => sweep(at + sweepSeconds));
    // Nobody waiting means no pending offer either: the sweep would find nothing (saves wall time).
    if (waitingNow === 0) {
      skippedSweeps++;
      return;
    }
    // Online agents' consoles heartbeat (every 15 s, under the 30 s presence timeout); one
    // statement stands in for their heartbeat calls.
    if (sweeps++ % 3 === 0) {
      await timed('heartbeats', () =>
        db
          .updateTable('agent_presence')
          .set({ last_heartbeat_at: clock.now() })
          .where('online', '=', true)
          .execute(),
      );
    }
    await jobs.run('handoff.sweep', {});
  };
  heap.push(0, () => sweep(0));

  const started = performance.now();
  let events = 0;
  for (let next = heap.pop(); next && next.at <= stopAt; next = heap.pop()) {
    clock.set(new Date(DAY_START + next.at * 1000));
    await next.run(next.at);
    events++;
    if (process.env.SIM_TRACE && events % 500 === 0)
      process.stderr.write(`${next.at.toFixed(0)} s: ${JSON.stringify([...spent])}\n`);
    for (;;) {
      await jobs.drain();
      if (!bus.offers.length) break;
      reactToOffers(next.at);
    }
  }
  stopSweep();
  const counts = await db
    .selectFrom('dispatch_offers')
    .select(['status', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy('status')
    .execute();
  const count = (s: string) => Number(counts.find((r) => r.status === s)?.n ?? 0);
  metrics.offersDeclined = count('declined');
  metrics.offersExpired = count('expired');
  metrics.offersWithdrawn = count('withdrawn');
  return {
    summary: metrics.summary('Tandem dispatch', dispatch.waitTargetSeconds, stopAt),
    events,
    jobsRun: jobs.jobsRun,
    spent,
    skippedSweeps,
    elapsedMs: performance.now() - started,
    offers: counts.reduce((s, r) => s + Number(r.n), 0),
  };
}
