import { skillsForQueue } from '../../src/handoff/eligible-agents.js';
import { canHandle, type Scenario, type SimAgent, type SimConversation } from './scenario.js';
import {
  ABANDONED_HANDLE_SECONDS,
  type BehaviourOptions,
  EventHeap,
  Metrics,
  onlineSlotSeconds,
  reaction,
} from './simulation.js';

/**
 * The baseline, modelled on open-source help desks' round robin (Chatwoot's inbox round robin
 * with its per-agent assignment limit): each waiting conversation, oldest first, is assigned
 * to the next online agent in a fixed rotation who has a free slot, whatever their languages,
 * skills or idle time. There are no offers: an agent cannot decline (one who would have
 * declined picks it up after the same few seconds), and one who would have let an offer lapse
 * is away and only notices the assigned chat later (the same draw). An agent handed a
 * conversation they cannot serve (wrong language or missing skill) spends `transferSeconds`
 * finding that out and handing it back; it returns to the queue in its original place, and
 * the rotation skips agents who already handed it back. With `inboxes: 'language'` (a help desk
 * set up with one inbox per language) only skills can be missing.
 */
export function simulateRoundRobin(
  scenario: Scenario,
  behaviour: BehaviourOptions,
  waitTargetSeconds: number,
  transferSeconds: number,
  /** `language`: one inbox per language (rotation among agents who speak it); skills still ignored. */
  inboxes: 'shared' | 'language',
) {
  const heap = new EventHeap();
  const metrics = new Metrics(scenario);
  metrics.onlineSlotSeconds = onlineSlotSeconds(scenario);
  const rotation = [...scenario.agents].sort((a, b) => a.index - b.index);
  const online = new Set<SimAgent>();
  const active = new Map<SimAgent, number>();
  const bounced = new Map<number, Set<SimAgent>>();
  const attempts = new Map<number, number>();
  let waiting: SimConversation[] = [];
  let cursor = 0;
  const stopAt = scenario.endsAt;

  const nextAgent = (c: SimConversation): SimAgent | undefined => {
    for (let step = 0; step < rotation.length; step++) {
      const agent = rotation[(cursor + step) % rotation.length]!;
      if (!online.has(agent) || (active.get(agent) ?? 0) >= agent.maxConcurrent) continue;
      if (bounced.get(c.index)?.has(agent)) continue;
      if (inboxes === 'language' && !agent.languages.includes(c.language)) continue;
      cursor = (cursor + step + 1) % rotation.length;
      return agent;
    }
    return undefined;
  };

  const release = (agent: SimAgent, at: number) => {
    active.set(agent, (active.get(agent) ?? 1) - 1);
    heap.push(at, assign);
  };

  function assign(now: number) {
    const still: SimConversation[] = [];
    for (const c of waiting) {
      const agent = nextAgent(c);
      if (!agent) {
        still.push(c);
        continue;
      }
      active.set(agent, (active.get(agent) ?? 0) + 1);
      const attempt = (attempts.get(c.index) ?? 0) + 1;
      attempts.set(c.index, attempt);
      const pickedUp = now + reaction(behaviour, agent, c, attempt).afterSeconds;
      if (!canHandle(agent, c, skillsForQueue)) {
        metrics.misrouted++;
        metrics.busySeconds += transferSeconds;
        heap.push(pickedUp + transferSeconds, (at) => {
          metrics.transfers++;
          const set = bounced.get(c.index) ?? new Set();
          set.add(agent);
          bounced.set(c.index, set);
          waiting = [...waiting, c].sort((x, y) => x.arriveAt - y.arriveAt);
          release(agent, at);
        });
        continue;
      }
      metrics.answer(c, pickedUp);
      const handle = pickedUp - c.arriveAt > c.patienceSeconds ? ABANDONED_HANDLE_SECONDS : c.handleSeconds;
      metrics.busySeconds += handle;
      heap.push(pickedUp + handle, (at) => release(agent, at));
    }
    waiting = still;
  }

  for (const a of scenario.agents) {
    heap.push(a.onlineAt, (at) => {
      online.add(a);
      assign(at);
    });
    heap.push(a.offlineAt, () => {
      online.delete(a);
    });
  }
  for (const c of scenario.conversations) {
    heap.push(c.arriveAt, (at) => {
      waiting.push(c);
      assign(at);
    });
  }
  const started = performance.now();
  for (let next = heap.pop(); next && next.at <= stopAt; next = heap.pop()) next.run(next.at);
  return {
    summary: metrics.summary(
      inboxes === 'shared' ? 'Round robin' : 'RR per language',
      waitTargetSeconds,
      stopAt,
    ),
    elapsedMs: performance.now() - started,
  };
}
