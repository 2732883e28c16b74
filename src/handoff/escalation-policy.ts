import { z } from 'zod';
import { STRONG_FRUSTRATION } from '../assistant/sentiment/assess-sentiment.js';

/**
 * When the assistant hands a conversation to a person, as configuration: thresholds, the
 * phrases that trigger a handoff in each of the eight languages, and where each kind of
 * handoff goes (reason code, priority, queue). The assistant reads only this object, so an
 * operator can tune it (env TANDEM_ESCALATION_POLICY, JSON, merged over these defaults)
 * without touching code. Every handoff carries its rule's reason code.
 */

const priority = z.enum(['normal', 'high', 'urgent']);
const route = z.object({ reason: z.string().min(1), priority, queue: z.string().min(1) });
export type EscalationRoute = z.infer<typeof route>;

const DEFAULT_ROUTES = {
  /** Self-harm, abuse, coercion, violence: ahead of every other rule. */
  safety: { reason: 'safety_concern', priority: 'urgent', queue: 'hardship' },
  customerRequested: { reason: 'customer_requested_human', priority: 'normal', queue: 'general' },
  frustrated: { reason: 'customer_frustrated', priority: 'high', queue: 'general' },
  lowUnderstanding: { reason: 'low_understanding', priority: 'normal', queue: 'general' },
  repeatedUnresolved: { reason: 'repeated_unresolved', priority: 'normal', queue: 'general' },
  /** The same question again, word for word or nearly: the answer it got did not help. */
  repeatedQuestion: { reason: 'repeated_question', priority: 'normal', queue: 'general' },
  hardship: { reason: 'hardship', priority: 'urgent', queue: 'hardship' },
  /** Bereavement or serious illness. */
  vulnerable: { reason: 'vulnerable_customer', priority: 'urgent', queue: 'hardship' },
  complaint: { reason: 'complaint', priority: 'normal', queue: 'complaints' },
  /** A lawyer, a court, a regulator or an ombudsman named, or a formal complaint. */
  legalThreat: { reason: 'legal_threat', priority: 'high', queue: 'complaints' },
  fraudVictim: { reason: 'fraud_victim', priority: 'high', queue: 'fraud' },
  disputeAboveThreshold: { reason: 'dispute_above_threshold', priority: 'high', queue: 'disputes' },
} as const satisfies Record<string, EscalationRoute>;

const routes = z.object(
  Object.fromEntries(Object.entries(DEFAULT_ROUTES).map(([k, v]) => [k, route.default(v)])) as {
    [K in keyof typeof DEFAULT_ROUTES]: z.ZodDefault<typeof route>;
  },
);

/** Regular-expression alternatives, matched case-insensitively between word boundaries on NFKC text. */
const DEFAULT_PHRASES = {
  vulnerable: [
    'passed away',
    'death of my',
    'funeral',
    'bereave\\w*',
    'cancer',
    'seriously ill',
    'in hospital',
    'hospitali[sz]ed',
    'avled',
    'gick bort',
    'begravning',
    'allvarligt sjuk',
    'på sjukhus',
    'verstorben',
    'gestorben',
    'beerdigung',
    'krebs',
    'schwer krank',
    'im krankenhaus',
    'décédé(?:e)?',
    'est mort(?:e)?',
    'enterrement',
    'gravement malade',
    "à l'hôpital",
    'falleci(?:ó|do|da)',
    'murió',
    'funeral',
    'gravemente enfermo',
    'en el hospital',
    'è morto',
    'è morta',
    'deceduto',
    'funerale',
    'gravemente malato',
    'in ospedale',
    'overleden',
    'begrafenis',
    'ernstig ziek',
    'in het ziekenhuis',
    'kanker',
    'qua đời',
    'mất rồi',
    'đám tang',
    'ung thư',
    'bệnh nặng',
    'nằm viện',
  ],
  legalThreat: [
    'lawyers?',
    'attorneys?',
    'solicitors?',
    'sue',
    'suing',
    'legal action',
    'take you to court',
    'ombudsman',
    'regulator',
    'formal complaint',
    'finansinspektionen',
    'arn',
    'allmänna reklamationsnämnden',
    'konsumentverket',
    'advokat\\w*',
    'jurist',
    'stämma er',
    'stämmer er',
    'formell(?:t)? klagomål',
    'anwalt',
    'rechtsanwalt',
    'verklagen',
    'vor gericht',
    'bafin',
    'schlichtungsstelle',
    'förmliche beschwerde',
    'avocat',
    'poursuivre en justice',
    'tribunal',
    'médiateur',
    'plainte formelle',
    'abogado',
    'demandar(?:les)?',
    'denuncia',
    'defensor del cliente',
    'reclamación formal',
    'avvocato',
    'fare causa',
    'denunciare',
    'reclamo formale',
    'advocaat',
    'rechtszaak',
    'aanklagen',
    'kifid',
    'formele klacht',
    'luật sư',
    'khởi kiện',
    'kiện (?:công ty|các bạn|bạn)',
    'tòa án',
    'khiếu nại chính thức',
  ],
  fraudVictim: [
    'scam(?:med)?',
    'fraudsters?',
    'victim of (?:a )?fraud',
    'someone stole',
    'identity theft',
    'utsatt för bedrägeri',
    'bedragen',
    'lurad',
    'blivit lurad',
    'opfer (?:von|eines) betrug(?:s|es)?',
    'betrogen',
    'arnaque',
    'arnaqué(?:e)?',
    "victime d'une escroquerie",
    'estafa',
    'estafado',
    'truffa',
    'truffato',
    'slachtoffer van oplichting',
    'opgelicht',
    'lừa đảo',
    'bị lừa',
  ],
} as const;

const phrases = z.object(
  Object.fromEntries(
    Object.entries(DEFAULT_PHRASES).map(([k, v]) => [k, z.array(z.string().min(1)).default([...v])]),
  ) as { [K in keyof typeof DEFAULT_PHRASES]: z.ZodDefault<z.ZodArray<z.ZodString>> },
);

export const escalationPolicySchema = z.object({
  /** Below this the classifier's guess is not acted on. */
  minConfidence: z.number().min(0).max(1).default(0.5),
  /** Below this a confident help-centre answer on another topic wins over the guess. */
  sureConfidence: z.number().min(0).max(1).default(0.7),
  /** Turns in a row not understood before a person takes over. */
  lowUnderstandingTurns: z.number().int().min(1).default(2),
  /** Frustration score (0..1, the sentiment model's) at which a person takes over; strong cues always do. */
  frustrationThreshold: z.number().min(0).max(1).default(STRONG_FRUSTRATION),
  /**
   * A dispute above this amount (minor units, per currency) goes to the disputes queue after it
   * is opened; currencies not listed are never escalated on amount.
   */
  disputeHandoffAboveMinor: z
    .record(z.string(), z.number().int().min(0))
    .default({ USD: 50_000, EUR: 50_000, GBP: 40_000, SEK: 500_000 }),
  routes: routes.default(routes.parse({})),
  phrases: phrases.default(phrases.parse({})),
});
export type EscalationPolicy = z.infer<typeof escalationPolicySchema>;
export type EscalationPolicyInput = z.input<typeof escalationPolicySchema>;

export const DEFAULT_ESCALATION_POLICY: EscalationPolicy = escalationPolicySchema.parse({});

/** A partial policy (e.g. from configuration) over the defaults; throws a zod error if invalid. */
export function escalationPolicy(override: EscalationPolicyInput = {}): EscalationPolicy {
  return escalationPolicySchema.parse(override);
}

const compiled = new WeakMap<readonly string[], RegExp>();

/** True when the text contains one of `patterns` as whole words. */
export function mentions(patterns: readonly string[], text: string): boolean {
  let re = compiled.get(patterns);
  if (!re) {
    re = new RegExp(`(?<![\\p{L}\\p{N}])(?:${patterns.join('|')})(?![\\p{L}\\p{N}])`, 'u');
    compiled.set(patterns, re);
  }
  return patterns.length > 0 && re.test(text.normalize('NFKC').toLowerCase());
}

/** The dispute threshold for a currency, or undefined when disputes in it are not escalated on amount. */
export function disputeThreshold(policy: EscalationPolicy, currency: string): number | undefined {
  return policy.disputeHandoffAboveMinor[currency.toUpperCase()];
}
