import type { Language } from '../../assistant/language/detect-language.js';
import { type CueList, has, normaliseCallerText } from './cue-match.js';

/** What the caller wants besides the interview: a person, the truth about the AI, a promise, their account, an answer. */

const HUMAN: CueList = {
  en: [
    '(?:talk|speak|speaking|talking|chat) (?:to|with) (?:a |an |some |the )?(?:real |actual |live )?(?:person|human|someone|somebody|agent|representative|operator|people)',
    'real person',
    'real human',
    'human being',
    'live agent',
    'representative',
    'operator',
    '(?:talk|speak) (?:to|with) (?:the real )?jonas',
    'put me through',
  ],
  sv: [
    'prata med (?:en )?(?:riktig |verklig |levande )?(?:människa|person|handläggare|kundtjänst|någon)',
    'riktig människa',
    'riktig person',
    'levande person',
    'koppla mig',
    'prata med jonas',
  ],
};

export const asksForHuman = (text: string, language: Language) =>
  has(normaliseCallerText(text), HUMAN, language);

const AI_QUESTION: CueList = {
  en: [
    'are you (?:a |an )?(?:real|robot|bot|ai|human|machine|computer|recording|person|actually|really jonas|the real)',
    'am i (?:talking|speaking) (?:to|with) (?:a |an )?(?:real|robot|bot|ai|human|machine|computer|person|jonas)',
    'is this (?:a |an )?(?:real|robot|bot|ai|machine|recording|computer|really jonas)',
    'are you jonas',
    'is this jonas',
    'is that really you',
  ],
  sv: [
    'är du (?:en )?(?:riktig|robot|bot|ai|människa|maskin|dator|jonas|på riktigt)',
    'pratar jag med (?:en )?(?:robot|bot|ai|människa|maskin|dator|jonas|riktig)',
    'är det här (?:en )?(?:robot|ai|människa|jonas|på riktigt)',
    'är det jonas',
  ],
};

/** "Are you real?", "am I talking to a robot?": answered honestly, every time. */
export const asksIfAi = (text: string, language: Language) =>
  has(normaliseCallerText(text), AI_QUESTION, language);

const COMMITMENT: CueList = {
  en: [
    'promise',
    'promised',
    'guarantee',
    'commit',
    'will (?:you|they|someone|the team) (?:fix|change|refund|add|remove|stop|do|make|look|get|give|waive|call|contact|email|sort)',
    'are (?:you|they) (?:going|gonna) to (?:fix|change|refund|add|remove|stop|do|make|waive|call)',
    '(?:can|could) you (?:fix|change|refund|waive|remove|cancel|make sure|sort)',
    '(?:when|will) (?:will )?(?:it|this|that) (?:be|get) (?:fixed|changed|done|sorted)',
    'refund me',
    'give me (?:my|the) money back',
    'money back',
    'waive (?:the|my|that) (?:late )?fee',
    'i demand',
    'i want (?:a|my) refund',
    'fix (?:it|this|that) (?:now|today|please)',
  ],
  sv: [
    'lova',
    'lovar',
    'lovat',
    'garantera',
    'garanterar',
    'kommer (?:ni|du) (?:att )?(?:fixa|ändra|laga|lägga till|ta bort|återbetala|stryka|ringa)',
    'kan (?:ni|du) (?:fixa|ändra|laga|stryka|ta bort|återbetala|se till)',
    'ge mig pengarna tillbaka',
    'pengarna tillbaka',
    'återbetala mig',
    'stryk (?:avgiften|min avgift)',
    'när blir det (?:fixat|lagat|ändrat)',
    'fixa det nu',
    'jag kräver',
  ],
};

/** Asks the persona to commit to something or decide ("will you fix it", "refund me", "promise"). */
export const asksForCommitment = (text: string, language: Language) =>
  has(normaliseCallerText(text), COMMITMENT, language);

const ACCOUNT: CueList = {
  en: [
    'balance',
    'how much (?:do i|i) owe',
    'what do i owe',
    'owe you',
    'amount due',
    'payment due',
    'due date',
    'next payment',
    'refund status',
    'my refund',
    'my card',
    'card number',
    'my order',
    'order status',
    'my account',
    'account number',
    'my statement',
    'installments?',
    'instalments?',
    'pay (?:it )?off',
    'postpone',
    'my payments?',
    'my purchases?',
    'my plan',
    'payment plan',
    'credit limit',
    'spending limit',
    'charged me',
    'my money',
    'interest rate',
    'my late fee',
    'my invoice',
    'my bill',
  ],
  sv: [
    'saldo',
    'skuld',
    'hur mycket (?:är jag skyldig|ska jag betala|har jag kvar)',
    'är jag skyldig',
    'förfallodag(?:en)?',
    'förfallodatum(?:et)?',
    'nästa betalning',
    'min återbetalning',
    'återbetalningen',
    'mitt kort',
    'kortnummer',
    'min beställning',
    'min order',
    'mitt konto',
    'min faktura',
    'fakturan',
    'delbetalning(?:en|ar)?',
    'min betalning',
    'mina betalningar',
    'köpgräns(?:en)?',
    'skjuta upp',
    'betala av',
    'mitt köp',
    'drog pengar',
    'mina pengar',
    'min avgift',
    'min påminnelseavgift',
  ],
};

/** The caller's own account or money (not "my order" in product feedback): "my refund", "mitt konto". */
const OWN_ACCOUNT: CueList = {
  // Not "my card": "it crashed when I paid with my card" is product feedback, not an account matter.
  en: [
    'my refund',
    'my account',
    'my statement',
    'my money',
    'my balance',
    'charged me',
    'i owe',
    'my late fee',
    'my invoice',
    'my bill',
    'charged twice',
    'double charged',
  ],
  sv: [
    'min återbetalning',
    'mitt konto',
    'min faktura',
    'mina pengar',
    'drog pengar',
    'är jag skyldig',
    'min avgift',
    'min påminnelseavgift',
    'dragit pengar två gånger',
  ],
};

/** A question about the caller's account or money ("when is my next payment"). */
export const isAccountQuestion = (text: string, language: Language) =>
  isQuestion(text, language) && has(normaliseCallerText(text), ACCOUNT, language);

/** Feedback that mentions the caller's own account ("my refund never arrived"): recorded, and pointed to the app. */
export const mentionsOwnAccount = (text: string, language: Language) =>
  has(normaliseCallerText(text), OWN_ACCOUNT, language);

const EN_QUESTION = [
  /^(?:who|whose|whom|whats|whys|hows|wheres)\b/,
  /^(?:what|why|where|how|which) (?:is|are|was|were|do|does|did|can|could|would|will|should|has|have|made|makes|kind|sort|happens|happened to|about your|old|many|much|long)\b/,
  /^when (?:is|are|was|were|do|does|did|can|will|should|has|have)\b/,
  /^(?:is|are|do|does|did|can|could|will|would|have|has|was|were) (?:you|tandem|the company|there|it|your|jonas|priya|this|they)\b/,
  /\b(?:tell me (?:about|more)|i wonder|i was wondering|id like to know|i want to know|curious (?:about|why|how)|(?:can|could) you tell me|question about|explain)\b/,
];
const SV_QUESTION = [
  /^(?:vem|vems|varför|varfor|vilken|vilket|vilka)(?:\s|$)/u,
  /^(?:vad|hur|när) (?:är|var|har|hade|gör|gjorde|kan|ska|blir|tycker|tänker|tjänar|heter|menar|betyder|händer|hände med|många|mycket|länge|började|startade|kom|fungerar|funkar|gammal|säger)(?:\s|$)/u,
  /^var (?:är|finns|ligger|kan|hittar|har)(?:\s|$)/u,
  /^(?:är|har|kan|gör|tar|finns|tycker|ska|kommer|säljer|jobbar|anställer) (?:du|ni|tandem|det|företaget|jonas|priya|man)(?:\s|$)/u,
  /(?:^|\s)(?:berätta (?:om|mer)|jag undrar|undrar (?:om|varför|hur|vad)|jag vill veta|en fråga om)(?:\s|$)/u,
];

/** Worded as a question (speech recognition drops the "?", so by its opening words). */
export function isQuestion(text: string, language: Language): boolean {
  const normal = normaliseCallerText(text);
  if (/\?\s*$/.test(text.trim())) return true;
  return (language === 'sv' ? SV_QUESTION : EN_QUESTION).some((re) => re.test(normal));
}

const COMPANY: CueList = {
  en: [
    'you',
    'your',
    'yours',
    'youre',
    'tandem',
    'company',
    'founders?',
    'founded',
    'jonas',
    'priya',
    'mission',
    'history',
    'you guys',
    'business',
    'started',
    'name',
  ],
  sv: [
    'du',
    'ni',
    'er',
    'ert',
    'era',
    'dig',
    'tandem',
    'företaget',
    'bolaget',
    'grundare',
    'grundade',
    'jonas',
    'priya',
    'uppdrag',
    'historia',
    'namnet',
    'startade',
  ],
};

/** The text is about the company, its people or the persona (so an unanswerable question gets "I don't know"). */
export const refersToCompany = (text: string, language: Language) =>
  has(normaliseCallerText(text), COMPANY, language);
