import { mulberry32 } from '../../src/assistant/nlu/linear-model.js';
import { lognormal, type Scenario, type SimAgent, type SimConversation } from './scenario.js';

/** Min-heap of timed actions; ties run in the order they were scheduled. */
export class EventHeap {
  private readonly items: { at: number; seq: number; run: (at: number) => Promise<void> | void }[] = [];
  private seq = 0;

  get size() {
    return this.items.length;
  }

  push(at: number, run: (at: number) => Promise<void> | void) {
    const items = this.items;
    items.push({ at, seq: this.seq++, run });
    let i = items.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.before(i, parent)) break;
      [items[i], items[parent]] = [items[parent]!, items[i]!];
      i = parent;
    }
  }

  pop() {
    const items = this.items;
    const top = items[0];
    const last = items.pop();
    if (items.length && last) {
      items[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < items.length && this.before(l, m)) m = l;
        if (r < items.length && this.before(r, m)) m = r;
        if (m === i) break;
        [items[i], items[m]] = [items[m]!, items[i]!];
        i = m;
      }
    }
    return top;
  }

  private before(a: number, b: number) {
    const x = this.items[a]!;
    const y = this.items[b]!;
    return x.at < y.at || (x.at === y.at && x.seq < y.seq);
  }
}

export interface BehaviourOptions {
  declineProbability: number;
  timeoutProbability: number;
  seed: number;
}

export type Reaction = { kind: 'accept' | 'decline' | 'ignore'; afterSeconds: number };

/**
 * What an agent does with the n-th conversation put in front of them: the same draw under
 * every policy (seeded by agent, conversation and attempt), so policies differ only in routing.
 */
export function reaction(
  o: BehaviourOptions,
  agent: SimAgent,
  c: SimConversation,
  attempt: number,
): Reaction {
  const random = mulberry32((o.seed * 7919 + agent.index * 104_729 + c.index * 31 + attempt) >>> 0);
  random();
  const r = random();
  if (r < o.declineProbability) return { kind: 'decline', afterSeconds: 2 + random() * 6 };
  if (r < o.declineProbability + o.timeoutProbability) {
    // Away from the desk: under round robin they notice the assigned chat this much later.
    return { kind: 'ignore', afterSeconds: 20 + random() * 100 };
  }
  return { kind: 'accept', afterSeconds: Math.min(12, Math.max(1, lognormal(random, 3, 0.5))) };
}

/** Seconds an agent spends on a conversation whose customer already left: read, then close. */
export const ABANDONED_HANDLE_SECONDS = 30;

/** Counts every policy reports, in simulated seconds. */
export class Metrics {
  readonly answeredAt = new Map<number, number>();
  /** Slot-seconds agents spent on conversations (incl. ones they transferred or found abandoned). */
  busySeconds = 0;
  onlineSlotSeconds = 0;
  offersDeclined = 0;
  offersExpired = 0;
  offersWithdrawn = 0;
  misrouted = 0;
  transfers = 0;
  conflicts = 0;
  doubleAssigned = 0;
  overCapacity = 0;

  constructor(readonly scenario: Scenario) {}

  answer(c: SimConversation, at: number) {
    if (!this.answeredAt.has(c.index)) this.answeredAt.set(c.index, at);
  }

  summary(name: string, waitTargetSeconds: number, dayEnd: number) {
    const waits: number[] = [];
    let abandoned = 0;
    let withinTarget = 0;
    let unanswered = 0;
    for (const c of this.scenario.conversations) {
      const at = this.answeredAt.get(c.index);
      // Answered: a capable agent took it before the customer's patience ran out.
      const gaveUp =
        at === undefined ? c.arriveAt + c.patienceSeconds <= dayEnd : at - c.arriveAt > c.patienceSeconds;
      if (gaveUp) abandoned++;
      else if (at === undefined) unanswered++;
      else {
        waits.push(at - c.arriveAt);
        if (at - c.arriveAt <= waitTargetSeconds) withinTarget++;
      }
    }
    const total = this.scenario.conversations.length;
    waits.sort((a, b) => a - b);
    const mean = waits.reduce((s, w) => s + w, 0) / Math.max(1, waits.length);
    const p95 = waits[Math.min(waits.length - 1, Math.floor(0.95 * waits.length))] ?? 0;
    return {
      policy: name,
      conversations: total,
      serviceLevel: withinTarget / total,
      answered: waits.length,
      meanWaitSeconds: mean,
      p95WaitSeconds: p95,
      abandonmentRate: abandoned / total,
      unansweredAtEnd: unanswered,
      utilisation: this.busySeconds / Math.max(1, this.onlineSlotSeconds),
      offersDeclined: this.offersDeclined,
      offersExpired: this.offersExpired,
      offersWithdrawn: this.offersWithdrawn,
      misrouted: this.misrouted,
      transfers: this.transfers,
      conflicts: this.conflicts,
      doubleAssigned: this.doubleAssigned,
      overCapacity: this.overCapacity,
    };
  }
}

export type PolicySummary = ReturnType<Metrics['summary']>;

/** Online slot-seconds of the schedule: the same denominator for every policy. */
export function onlineSlotSeconds(scenario: Scenario): number {
  return scenario.agents.reduce((s, a) => s + (a.offlineAt - a.onlineAt) * a.maxConcurrent, 0);
}
