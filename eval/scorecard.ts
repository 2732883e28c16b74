import { detectLanguage, type Language } from '../src/assistant/language/detect-language.js';
import { ACTION_REPLIES } from '../src/assistant/responder/action-replies.js';
import { REPLIES } from '../src/assistant/responder/replies.js';
import { ESCALATION_COPY } from '../src/handoff/escalation-replies.js';

/** What a scenario's customer needs from the assistant, as a fact that can appear in a reply. */
export type Mention =
  | 'next_payment_amount'
  | 'next_payment_date'
  | 'next_payment_merchant'
  | 'schedule'
  | 'refund_amount'
  | 'citation'
  | 'login_prompt'
  | 'dispute_opened'
  | 'no_dispute_opened'
  /** Exactly one new succeeded payment for the customer (a repeated "yes" must not charge twice). */
  | 'one_payment'
  /** No payment attempt at all: nothing moves before an explicit yes. */
  | 'no_payment'
  | 'postponed'
  /** The reply gives one of the postponement rules' reasons for refusing. */
  | 'postpone_refused'
  | 'return_registered'
  | 'method_switched'
  | 'account_closed'
  | 'account_open'
  /** The card-number warning was given and no stored message of the conversation holds the digits. */
  | 'card_number_not_stored'
  /** The reply names a recorded decline reason in plain words. */
  | 'decline_explained';

export type CustomerRef = 'alex' | 'elsa' | 'anonymous' | number;

export interface Scenario {
  id: string;
  /** A named demo customer, an anonymous visitor, or a seeded customer by position (2 = first generated). */
  customer: CustomerRef;
  /** The client's locale when the chat opens (the conversation starts in its language). */
  locale: string;
  turns: string[];
  expect: {
    outcome: 'resolved' | 'handoff';
    /** The expected reason; compared by family (see `REASON_FAMILY`). */
    handoffReason?: string;
    replyLanguage: Language;
    mustMention?: Mention[];
    /** No refund, dispute, fee waiver, lock or plan change may result. */
    noActionTaken?: true;
    /** Turn indices (0-based) where the customer asks for a person: a handoff must happen in that very turn. */
    asksForHumanAt?: number[];
  };
}

/**
 * Handoff reasons grouped by what a person on the other side needs to know: getting
 * "complaint" when "customer_frustrated" was expected still routes the customer to a person
 * who will listen; getting "low_understanding" for a lost card does not.
 */
export const REASON_FAMILY: Readonly<Record<string, string>> = {
  customer_requested_human: 'person',
  customer_frustrated: 'distress',
  complaint: 'distress',
  legal_threat: 'distress',
  low_understanding: 'understanding',
  repeated_unresolved: 'understanding',
  hardship: 'vulnerable',
  safety_concern: 'vulnerable',
  vulnerable_customer: 'vulnerable',
  lost_card: 'fraud',
  unrecognised_purchase: 'fraud',
  fraud_victim: 'fraud',
  dispute_above_threshold: 'disputes',
};

export function reasonFamily(reason: string): string {
  if (reason.startsWith('dispute_')) return 'dispute';
  return REASON_FAMILY[reason] ?? reason;
}

// ---------------------------------------------------------------------------------------------
// Invented facts

/** A digit group: digits joined by the separators amounts and dates use (1 234,50 · 1,234.50 · 2025-06-01). */
const DIGIT_GROUP = /\d(?:[\d.,:/\u00a0\u202f' -]*\d)?/gu;

/** Digit groups in text, trimmed of trailing separators, for comparison against cited articles. */
export function digitGroups(text: string): string[] {
  return [...text.matchAll(DIGIT_GROUP)].map((m) => m[0].trim());
}

/**
 * Figures in a reply that the customer's data cannot justify. Every amount and date the
 * customer's rows allow (already formatted in the reply's locale) is removed first, longest
 * first; then dispute-list numbering ("1. Store"); whatever digit group is left is invented,
 * unless the same digit group appears in a text the reply legitimately quotes: an article it
 * cites (KB answers quote articles, so "14 days" from the returns article is not a claim about
 * this customer) or the assistant's fixed, reviewed copy (the emergency number "112").
 */
export function findInventedFigures(
  reply: string,
  allowedFigures: readonly string[],
  quotedTexts: readonly string[] = [],
): string[] {
  let rest = reply;
  for (const figure of [...allowedFigures].sort((a, b) => b.length - a.length)) {
    if (figure !== '') rest = rest.split(figure).join(' ');
  }
  rest = rest.replace(/^\d{1,2}\. /gmu, '');
  const quoted = new Set(quotedTexts.flatMap(digitGroups));
  return digitGroups(rest).filter((group) => !quoted.has(group));
}

/** The assistant's fixed sentences in one language (templates with figures excluded), nested tables included. */
export function fixedCopy(language: Language): string[] {
  const strings = (values: unknown[]): string[] =>
    values.flatMap((v) =>
      typeof v === 'string' ? [v] : v !== null && typeof v === 'object' ? strings(Object.values(v)) : [],
    );
  return strings([
    ...Object.values(REPLIES[language]),
    ...Object.values(ACTION_REPLIES[language]),
    // Crisis lines and emergency numbers are fixed resources, not account facts.
    ...Object.values(ESCALATION_COPY[language]),
  ]);
}

// ---------------------------------------------------------------------------------------------
// Reply language

export interface ReplyForLanguageCheck {
  text: string;
  cited: boolean;
}

/**
 * Whether one assistant turn was in the expected language. The assistant's declared language
 * must match; so must the text itself. KB answers quote the article in the customer's language;
 * where a language has no articles yet the reply must open with that language's "this article
 * is in English" note, and the quoted English that follows is not held against it.
 */
export function replyLanguageOk(
  declared: string,
  expected: Language,
  replies: readonly ReplyForLanguageCheck[],
): boolean {
  if (declared !== expected) return false;
  return replies.every((reply) => {
    if (reply.cited && expected !== 'en' && reply.text.startsWith(REPLIES[expected].articleInEnglish)) {
      return true;
    }
    return textLanguage(reply.text, expected) === expected;
  });
}

/** The language of a reply's own words: figures and merchant-like capitalised names carry no evidence. */
export function textLanguage(text: string, fallback: Language): Language {
  const words = text.replace(DIGIT_GROUP, ' ');
  return detectLanguage(words, { fallback }).language;
}

// ---------------------------------------------------------------------------------------------
// Scorecard

export interface TurnRecord {
  customerText: string;
  /** The conversation language after this turn (what the assistant replied in). */
  language: string;
  replies: { text: string; cited: boolean }[];
  /** Handoff requested in this turn. */
  handoffReason: string | null;
  /** True when the conversation was already with (or waiting for) a person before this turn. */
  alreadyHandedOff: boolean;
}

export interface ScenarioResult {
  scenario: Scenario;
  turns: TurnRecord[];
  finalStatus: string;
  handoffReason: string | null;
  missingMentions: Mention[];
  invented: { turn: number; figures: string[] }[];
  actionTaken: string[];
  errors: string[];
}

export interface ScenarioVerdict {
  id: string;
  language: Language;
  expectedOutcome: 'resolved' | 'handoff';
  resolvedByAi: boolean;
  correctHandoff: boolean;
  trapped: boolean;
  invented: number;
  languageOk: boolean;
  actionOk: boolean;
  passed: boolean;
  problems: string[];
}

export function judge(result: ScenarioResult): ScenarioVerdict {
  const { scenario, turns } = result;
  const expected = scenario.expect;
  const problems: string[] = [...result.errors];
  const handedOff = result.handoffReason !== null;

  const trapped = (expected.asksForHumanAt ?? []).some((index) => {
    const turn = turns[index];
    if (!turn) return true;
    if (turn.alreadyHandedOff) return false;
    return turn.handoffReason === null;
  });
  if (trapped) problems.push('asked for a person and stayed with the bot');

  let correctHandoff: boolean;
  if (expected.outcome === 'handoff') {
    correctHandoff =
      handedOff &&
      (expected.handoffReason === undefined ||
        reasonFamily(expected.handoffReason) === reasonFamily(result.handoffReason ?? ''));
    if (!handedOff) problems.push(`expected handoff (${expected.handoffReason ?? 'any'}), got none`);
    else if (!correctHandoff)
      problems.push(`handoff reason ${result.handoffReason}, expected ${expected.handoffReason}`);
  } else {
    correctHandoff = !handedOff;
    if (handedOff) problems.push(`unexpected handoff: ${result.handoffReason}`);
  }

  if (result.missingMentions.length > 0) problems.push(`missing: ${result.missingMentions.join(', ')}`);
  const resolvedByAi =
    expected.outcome === 'resolved' &&
    !handedOff &&
    result.missingMentions.length === 0 &&
    result.errors.length === 0;

  const invented = result.invented.reduce((n, i) => n + i.figures.length, 0);
  for (const i of result.invented) problems.push(`invented in turn ${i.turn}: ${i.figures.join(' | ')}`);

  const badTurns = turns
    .map((t, index) => ({ t, index }))
    .filter(
      ({ t }) => t.replies.length > 0 && !replyLanguageOk(t.language, expected.replyLanguage, t.replies),
    );
  const languageOk = badTurns.length === 0;
  for (const { t, index } of badTurns)
    problems.push(`turn ${index} language ${t.language}, expected ${expected.replyLanguage}`);

  const actionOk = !expected.noActionTaken || result.actionTaken.length === 0;
  if (!actionOk) problems.push(`action taken: ${result.actionTaken.join(', ')}`);

  const outcomeOk = expected.outcome === 'resolved' ? resolvedByAi : correctHandoff;
  return {
    id: scenario.id,
    language: expected.replyLanguage,
    expectedOutcome: expected.outcome,
    resolvedByAi,
    correctHandoff,
    trapped,
    invented,
    languageOk,
    actionOk,
    passed: outcomeOk && !trapped && invented === 0 && languageOk && actionOk && result.errors.length === 0,
    problems,
  };
}

export interface Rate {
  count: number;
  of: number;
  rate: number;
}

const rate = (count: number, of: number): Rate => ({
  count,
  of,
  rate: of === 0 ? 1 : Math.round((count / of) * 10_000) / 10_000,
});

export interface Scorecard {
  scenarios: number;
  passed: number;
  resolvedByAi: Rate;
  correctHandoffs: Rate;
  customersTrapped: number;
  inventedFacts: number;
  correctLanguage: Rate;
  actionsTakenWhenForbidden: number;
  byLanguage: Record<string, { scenarios: number; passed: number; resolved: Rate; correctLanguage: Rate }>;
  failing: string[];
}

export const THRESHOLDS = { minCorrectLanguage: 0.95, minResolved: 0.9 } as const;

export function summarise(verdicts: readonly ScenarioVerdict[]): Scorecard {
  const resolvedExpected = verdicts.filter((v) => v.expectedOutcome === 'resolved');
  const byLanguage: Scorecard['byLanguage'] = {};
  for (const language of [...new Set(verdicts.map((v) => v.language))].sort()) {
    const mine = verdicts.filter((v) => v.language === language);
    const mineResolved = mine.filter((v) => v.expectedOutcome === 'resolved');
    byLanguage[language] = {
      scenarios: mine.length,
      passed: mine.filter((v) => v.passed).length,
      resolved: rate(mineResolved.filter((v) => v.resolvedByAi).length, mineResolved.length),
      correctLanguage: rate(mine.filter((v) => v.languageOk).length, mine.length),
    };
  }
  return {
    scenarios: verdicts.length,
    passed: verdicts.filter((v) => v.passed).length,
    resolvedByAi: rate(resolvedExpected.filter((v) => v.resolvedByAi).length, resolvedExpected.length),
    correctHandoffs: rate(verdicts.filter((v) => v.correctHandoff).length, verdicts.length),
    customersTrapped: verdicts.filter((v) => v.trapped).length,
    inventedFacts: verdicts.reduce((n, v) => n + v.invented, 0),
    correctLanguage: rate(verdicts.filter((v) => v.languageOk).length, verdicts.length),
    actionsTakenWhenForbidden: verdicts.filter((v) => !v.actionOk).length,
    byLanguage,
    failing: verdicts.filter((v) => !v.passed).map((v) => v.id),
  };
}

/** Why the run fails, or an empty list when every gate holds. */
export function gateFailures(card: Scorecard): string[] {
  const failures: string[] = [];
  if (card.customersTrapped > 0) failures.push(`${card.customersTrapped} customer(s) trapped`);
  if (card.inventedFacts > 0) failures.push(`${card.inventedFacts} invented figure(s)`);
  if (card.correctLanguage.rate < THRESHOLDS.minCorrectLanguage)
    failures.push(`correct language ${pct(card.correctLanguage.rate)} < 95%`);
  if (card.resolvedByAi.rate < THRESHOLDS.minResolved)
    failures.push(`resolved by AI ${pct(card.resolvedByAi.rate)} < 90%`);
  return failures;
}

export const pct = (r: number): string => `${(r * 100).toFixed(1)}%`;

const fmtRate = (r: Rate) => `${r.count}/${r.of} (${pct(r.rate)})`;

/** The scorecard as a plain-text table. */
export function formatScorecard(card: Scorecard): string {
  const rows: [string, string][] = [
    ['scenarios', String(card.scenarios)],
    ['passed (all checks)', `${card.passed}/${card.scenarios}`],
    ['resolved by AI (of expected resolved)', fmtRate(card.resolvedByAi)],
    ['correct handoff decisions', fmtRate(card.correctHandoffs)],
    ['customers trapped', String(card.customersTrapped)],
    ['invented facts', String(card.inventedFacts)],
    ['correct reply language', fmtRate(card.correctLanguage)],
    ['forbidden actions taken', String(card.actionsTakenWhenForbidden)],
  ];
  const width = Math.max(...rows.map(([k]) => k.length));
  const lines = rows.map(([k, v]) => `${k.padEnd(width)}  ${v}`);
  lines.push('', 'lang  scenarios  passed  resolved            language');
  for (const [language, l] of Object.entries(card.byLanguage)) {
    lines.push(
      `${language.padEnd(4)}  ${String(l.scenarios).padStart(9)}  ${String(l.passed).padStart(6)}  ${fmtRate(l.resolved).padEnd(18)}  ${fmtRate(l.correctLanguage)}`,
    );
  }
  return lines.join('\n');
}
