import { mulberry32 } from '../../src/assistant/nlu/linear-model.js';

/**
 * One simulated day, drawn once from a seed and replayed identically under every policy:
 * arrivals, what each customer needs, how long each takes and how patient they are, and
 * when each agent is online.
 */
export interface ScenarioOptions {
  seed: number;
  /** Expected arrivals over the day (Poisson). */
  arrivals: number;
  agents: number;
  hours: number;
  maxConcurrent: number;
  /** Median handle time of one conversation, seconds (lognormal). */
  handleMedianSeconds: number;
  /** Mean customer patience in the queue, seconds (exponential). */
  patienceMeanSeconds: number;
}

export interface SimConversation {
  index: number;
  id: string;
  arriveAt: number;
  language: string;
  queue: string;
  priority: 'normal' | 'high' | 'urgent';
  /** Skills it needs besides the language (the product's `skillsForQueue`). */
  handleSeconds: number;
  patienceSeconds: number;
}

export interface SimAgent {
  index: number;
  id: string;
  staffUserId: string;
  languages: string[];
  skills: string[];
  maxConcurrent: number;
  onlineAt: number;
  offlineAt: number;
}

export interface Scenario {
  options: ScenarioOptions;
  /** The simulation stops when the last agent goes offline. */
  endsAt: number;
  conversations: SimConversation[];
  agents: SimAgent[];
}

const LANGUAGES: [string, number][] = [
  ['en', 0.55],
  ['sv', 0.2],
  ['es', 0.15],
  ['de', 0.1],
];
const QUEUES: [string, number][] = [
  ['general', 0.7],
  ['disputes', 0.15],
  ['hardship', 0.08],
  ['fraud', 0.07],
];

/** A uuid-shaped id that is the same in every run, so ties in the ranking break the same way. */
export const simId = (kind: number, n: number) =>
  `00000000-0000-4000-8${kind}00-${n.toString(16).padStart(12, '0')}`;

export type Random = () => number;

export function pickWeighted<T>(random: Random, items: [T, number][]): T {
  let r = random() * items.reduce((s, [, w]) => s + w, 0);
  for (const [item, w] of items) {
    r -= w;
    if (r <= 0) return item;
  }
  return items.at(-1)![0];
}

export const exponential = (random: Random, mean: number) => -Math.log(1 - random()) * mean;

/** Lognormal with the given median and shape (Box–Muller). */
export function lognormal(random: Random, median: number, sigma: number): number {
  const z = Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
  return median * Math.exp(sigma * z);
}

export function buildScenario(options: ScenarioOptions): Scenario {
  const random = mulberry32(options.seed);
  const day = options.hours * 3600;
  const conversations: SimConversation[] = [];
  const meanGap = day / options.arrivals;
  for (let t = exponential(random, meanGap); t < day; t += exponential(random, meanGap)) {
    const queue = pickWeighted(random, QUEUES);
    const index = conversations.length;
    conversations.push({
      index,
      id: simId(1, index),
      arriveAt: t,
      language: pickWeighted(random, LANGUAGES),
      queue,
      priority: queue === 'fraud' ? 'high' : 'normal',
      handleSeconds: Math.min(3600, Math.max(30, lognormal(random, options.handleMedianSeconds, 0.6))),
      patienceSeconds: exponential(random, options.patienceMeanSeconds),
    });
  }
  const agents: SimAgent[] = [];
  for (let i = 0; i < options.agents; i++) {
    // Everyone speaks one of the four (in turn, so each is covered); most also English, some a third.
    const languages = new Set([LANGUAGES[i % LANGUAGES.length]![0]]);
    if (random() < 0.8) languages.add('en');
    if (random() < 0.2) languages.add(pickWeighted(random, LANGUAGES));
    const skills = ['disputes', 'hardship', 'fraud'].filter(
      (_, k) => random() < [0.45, 0.3, 0.3][k]! || i % 6 === k,
    );
    // Half are on from the start, the rest start during the first 40%; shifts are 60–85% of the day.
    const onlineAt = i % 2 === 0 ? 0 : random() * day * 0.4;
    const offlineAt = Math.min(day + 1800, onlineAt + day * (0.6 + random() * 0.25));
    agents.push({
      index: i,
      id: simId(2, i),
      staffUserId: simId(3, i),
      languages: [...languages].sort(),
      skills,
      maxConcurrent: options.maxConcurrent,
      onlineAt,
      offlineAt,
    });
  }
  return { options, conversations, agents, endsAt: Math.max(day, ...agents.map((a) => a.offlineAt)) };
}

/** Whether an agent speaks the conversation's language and has the skills its queue needs. */
export function canHandle(agent: SimAgent, c: SimConversation, skillsFor: (queue: string) => string[]) {
  return agent.languages.includes(c.language) && skillsFor(c.queue).every((s) => agent.skills.includes(s));
}
