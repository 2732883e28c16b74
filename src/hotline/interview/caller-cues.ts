import type { Language } from '../../assistant/language/detect-language.js';

/**
 * What a caller's words signal, for the interview. Caller text usually comes from speech
 * recognition: lower-case, no punctuation, apostrophes dropped or kept ("thats" / "that's"),
 * and sometimes a wrong word. So cues are phrase lists matched on word boundaries after
 * normalising, never punctuation, and each list carries the common variants.
 */

/** Lower-case, apostrophes dropped, everything but letters and digits turned into single spaces. */
export function normaliseCallerText(text: string): string {
  return text
    .normalize('NFC')
    .toLowerCase()
    .replace(/\[[^\]]*\]|<[^>]*>/g, ' ')
    .replace(/['’`´]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

export function wordCount(text: string): number {
  const normal = normaliseCallerText(text);
  return normal === '' ? 0 : normal.split(' ').length;
}

type CueList = Readonly<Record<'en' | 'sv', readonly string[]>>;

const compiled = new Map<readonly string[], RegExp>();

function pattern(phrases: readonly string[]): RegExp {
  let re = compiled.get(phrases);
  if (!re) {
    // Longest first, so "stämmer inte" wins over "stämmer" at the same place.
    const sorted = [...phrases].sort((a, b) => b.length - a.length);
    re = new RegExp(`(?<![\\p{L}\\p{N}])(?:${sorted.join('|')})(?![\\p{L}\\p{N}])`, 'u');
    compiled.set(phrases, re);
  }
  return re;
}

const listFor = (cues: CueList, language: Language) => cues[language === 'sv' ? 'sv' : 'en'];

/** Where a cue first occurs in normalised text, or -1. */
function firstIndex(text: string, cues: CueList, language: Language): number {
  const match = pattern(listFor(cues, language)).exec(text);
  return match ? match.index : -1;
}

function has(text: string, cues: CueList, language: Language): boolean {
  return firstIndex(text, cues, language) !== -1;
}

const YES: CueList = {
  en: [
    'yes',
    'yeah',
    'yea',
    'yep',
    'yup',
    'ya',
    'yah',
    'yes please',
    'sure',
    'correct',
    'right',
    'thats right',
    'that is right',
    'thats correct',
    'exactly',
    'absolutely',
    'definitely',
    'of course',
    'ok',
    'okay',
    'please',
    'sounds good',
    'you got it',
    'got it',
    'uh huh',
    'mhm',
    'mm hmm',
    'perfect',
    'indeed',
    'i do',
    'i would',
    'spot on',
    'thats it',
    'pretty much',
    'yes sir',
    'why not',
    'go ahead',
    'i guess so',
    'sure thing',
  ],
  sv: [
    'ja',
    'japp',
    'jo',
    'joo',
    'jadå',
    'javisst',
    'visst',
    'absolut',
    'precis',
    'stämmer',
    'det stämmer',
    'korrekt',
    'rätt',
    'okej',
    'ok',
    'gärna',
    'ja tack',
    'mm',
    'mhm',
    'exakt',
    'självklart',
    'jajamen',
    'jepp',
    'ja gärna',
    'det gör jag',
    'helt rätt',
  ],
};

const NO: CueList = {
  en: [
    'no',
    'nope',
    'nah',
    'not really',
    'not quite',
    'not exactly',
    'wrong',
    'incorrect',
    'thats wrong',
    'not right',
    'not correct',
    'no thanks',
    'no thank you',
    'i dont think so',
    'dont want',
    'i dont need',
    'rather not',
    'negative',
    'isnt right',
    'thats not it',
    'not at all',
    'no need',
    'not necessary',
  ],
  sv: [
    'nej',
    'nä',
    'nää',
    'näe',
    'nope',
    'inte riktigt',
    'fel',
    'stämmer inte',
    'inte rätt',
    'nej tack',
    'inte alls',
    'behövs inte',
    'det behövs inte',
    'helst inte',
  ],
};

/** Phrases that say "no" even though they contain a "yes" word ("not right", "stämmer inte"). */
const STRONG_NO: CueList = {
  en: [
    'not right',
    'not correct',
    'not quite',
    'not exactly',
    'isnt right',
    'thats wrong',
    'thats not it',
    'wrong',
    'incorrect',
  ],
  sv: ['stämmer inte', 'inte rätt', 'inte riktigt', 'fel', 'inte korrekt'],
};

/** A yes or no answer, by whichever comes first; null when the text holds neither. */
export function yesOrNo(text: string, language: Language): 'yes' | 'no' | null {
  const normal = normaliseCallerText(text);
  if (has(normal, STRONG_NO, language)) return 'no';
  const yes = firstIndex(normal, YES, language);
  const no = firstIndex(normal, NO, language);
  if (yes === -1 && no === -1) return null;
  if (yes === -1) return 'no';
  if (no === -1) return 'yes';
  return yes < no ? 'yes' : 'no';
}

/** The text with a leading yes/no and filler removed ("no it was the card" → "it was the card"). */
export function withoutAnswerWords(text: string, language: Language): string {
  const lead = language === 'sv' ? SV_LEAD : EN_LEAD;
  let normal = normaliseCallerText(text);
  for (;;) {
    const next = normal.replace(lead, '').trim();
    if (next === normal) return normal;
    normal = next;
  }
}

const EN_LEAD =
  /^(?:no|nope|nah|not quite|not really|not exactly|yes|yeah|yep|well|um+|uh+|er+|so|actually|sorry|wait|hmm+|ok|okay|thats wrong|thats not right|thats not it|wrong|incorrect)(?:\s|$)/u;
const SV_LEAD =
  /^(?:nej|nä|nää|inte riktigt|ja|jo|alltså|asså|eh+|öh+|hm+|men|så|förlåt|vänta|okej|det stämmer inte|stämmer inte|fel)(?:\s|$)/u;

const BYE: CueList = {
  en: [
    'bye',
    'goodbye',
    'good bye',
    'bye bye',
    'thats all',
    'that is all',
    'thats it for me',
    'im done',
    'i am done',
    'gotta go',
    'got to go',
    'have to go',
    'need to go',
    'hang up',
    'hanging up',
    'see you',
    'talk later',
    'thats everything',
    'good night',
    'have a good day',
    'have a nice day',
  ],
  sv: [
    'hej då',
    'hejdå',
    'adjö',
    'det var allt',
    'det var det',
    'måste gå',
    'behöver gå',
    'lägger på',
    'ha det bra',
    'vi hörs',
    'tack och hej',
    'ha en bra dag',
    'god natt',
  ],
};

/** The caller is leaving: a short goodbye, or a goodbye at the end ("…that's all bye"). */
export function isGoodbye(text: string, language: Language): boolean {
  const normal = normaliseCallerText(text);
  if (!has(normal, BYE, language)) return false;
  const words = normal.split(' ');
  return words.length <= 8 || pattern(listFor(BYE, language)).test(words.slice(-3).join(' '));
}

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
  en: [
    'my refund',
    'my card',
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
    'mitt kort',
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

const GREETING: Readonly<Record<'en' | 'sv', RegExp>> = {
  en: /^(?:(?:hi|hello|hey|hiya|yo|good (?:morning|afternoon|evening)|there|jonas|um+|uh+|oh|ok|okay)(?:\s|$))+$/u,
  sv: /^(?:(?:hej|hejsan|hallå|tjena|tja|god (?:morgon|dag|kväll)|jonas|eh+|öh+|ja|okej)(?:\s|$))+$/u,
};

/** Only a greeting ("hello", "hej hej"): greet back and ask again, nothing to record. */
export function isGreetingOnly(text: string, language: Language): boolean {
  return GREETING[language === 'sv' ? 'sv' : 'en'].test(normaliseCallerText(text));
}

export type Preamble = 'question' | 'idea' | 'complaint' | 'other';

const PREAMBLE: Readonly<Record<'en' | 'sv', RegExp>> = {
  en: /^(?:(?:hi|hello|hey|so|well|yes|yeah|um+|uh+|ok|okay)\s)*(?:i (?:have|got|ve got|have got) (?:a |an |some |one |two |a few )?(?<en1>questions?|ideas?|suggestions?|complaints?|feedback|problems?|issues?|comments?)|(?:i|id) (?:want|would like|wanted|like|d like) to (?:give|share|leave|make|report|tell you|say|complain|suggest)(?:\s(?:you|some|a|an|my|about|something))*(?:\s(?<en2>feedback|complaint|suggestion|idea|problem|bug))?|i(?: am|m) calling (?:about|because|to)(?:\s(?:give|share|report|make))?(?:\s(?:some|a|an))?(?:\s(?<en3>feedback|complaint|suggestion|idea|problem))?)(?:\s|$)/u,
  sv: /^(?:(?:hej|ja|alltså|eh+|öh+|okej)\s)*(?:jag har (?:en |ett |några |lite |två )?(?<sv1>fråga|frågor|idé|ide|idéer|förslag|klagomål|synpunkt|synpunkter|problem|feedback)|jag (?:vill|skulle vilja|ville) (?:ge|lämna|klaga|tipsa|säga|berätta|ställa)(?:\s(?:er|dig|lite|något|en|ett|om))*(?:\s(?<sv2>feedback|synpunkter|klagomål|förslag|idé|fråga))?|jag ringer (?:om|för att|angående)(?:\s(?:ge|lämna))?(?:\s(?:lite|en|ett))?(?:\s(?<sv3>synpunkter|feedback|klagomål|förslag|idé))?)(?:\s|$)/u,
};

/**
 * "I have a question", "I want to give some feedback": an announcement with nothing said yet.
 * Returns what is announced and what follows it, or null when the text does not open that way.
 */
export function preamble(text: string, language: Language): { kind: Preamble; rest: string } | null {
  const normal = normaliseCallerText(text);
  const match = PREAMBLE[language === 'sv' ? 'sv' : 'en'].exec(normal);
  if (!match) return null;
  const word = Object.values(match.groups ?? {}).find((w) => w) ?? '';
  const kind: Preamble = /^(?:question|fråg)/u.test(word)
    ? 'question'
    : /^(?:idea|idé|ide|suggest|förslag)/u.test(word)
      ? 'idea'
      : /^(?:complain|klagom|problem|issue|bug)/u.test(word) || /complain|klaga/u.test(match[0])
        ? 'complaint'
        : 'other';
  return { kind, rest: normal.slice(match[0].length).trim() };
}

/** Nothing said: silence, or only hesitation noises. */
export function isSilence(text: string): boolean {
  const normal = normaliseCallerText(text);
  return normal === '' || /^(?:(?:u+m+|u+h+|e+r+m*|h+m+|m+|a+h+|e+h+|ö+h+|hm+)\s*)+$/u.test(normal);
}

export type FeedbackCue = 'bug' | 'complaint' | 'feature_request' | 'praise';

const FEEDBACK: Readonly<Record<FeedbackCue, CueList>> = {
  bug: {
    en: [
      'crash\\w*',
      'bugs?',
      'buggy',
      'glitch\\w*',
      'errors?',
      'froze',
      'frozen',
      'freez\\w*',
      'broken',
      'doesnt work',
      'didnt work',
      'not working',
      'wont load',
      'didnt load',
      'doesnt load',
      'stuck',
      'failed',
      'fails',
      'failing',
      'blank screen',
      'logged me out',
      'cant log in',
      'couldnt log in',
      'keeps (?:closing|crashing|failing)',
      'timed out',
      'went wrong',
      'shut down',
      'closes itself',
      'white screen',
      'spinning',
    ],
    sv: [
      'krasch\\w*',
      'buggar?',
      'buggig',
      'felmeddelande',
      'hänger sig',
      'hängde sig',
      'fryser',
      'frös',
      'fungerar inte',
      'funkar inte',
      'fungerade inte',
      'funkade inte',
      'gick inte',
      'laddar inte',
      'kommer inte in',
      'loggades ut',
      'trasig',
      'strular',
      'strulade',
      'stängs av',
      'vit skärm',
    ],
  },
  complaint: {
    en: [
      'annoy\\w*',
      'frustrat\\w*',
      'angry',
      'upset',
      'terrible',
      'awful',
      'horrible',
      'ridiculous',
      'unfair',
      'rude',
      'disappoint\\w*',
      'hate',
      'worst',
      'bad',
      'slow',
      'waited',
      'waiting',
      'expensive',
      'too (?:many|much|high)',
      'late fees?',
      'charged',
      'scam',
      'confusing',
      'confused',
      'not happy',
      'unhappy',
      'useless',
      'problem',
      'issue',
      'complain\\w*',
      'never (?:got|received|arrived)',
      'still (?:waiting|havent)',
      'hard to',
      'difficult',
    ],
    sv: [
      'irriter\\w*',
      'arg',
      'sur',
      'besvike\\w*',
      'dålig',
      'dåligt',
      'hemsk',
      'hemskt',
      'orimlig\\w*',
      'orättvis\\w*',
      'oförskämd\\w*',
      'hatar',
      'sämsta',
      'långsam\\w*',
      'väntat',
      'väntar',
      'dyr',
      'dyrt',
      'avgift\\w*',
      'påminnelseavgift\\w*',
      'krånglig\\w*',
      'förvirrande',
      'problem',
      'klaga\\w*',
      'klagomål',
      'inte nöjd',
      'missnöjd',
      'värdelös\\w*',
      'aldrig fått',
      'svårt att',
      'jobbigt',
      'inte bra',
      'inte okej',
    ],
  },
  feature_request: {
    en: [
      'wish',
      'would be (?:nice|great|good|cool|helpful|better|easier)',
      'it would help',
      'could you add',
      '(?:you )?should (?:add|have|make|let|offer|show|send|allow)',
      'idea',
      'suggest\\w*',
      'features?',
      'option to',
      'ability to',
      'let me',
      'allow',
      'i want to be able',
      'would love',
      'id love',
      'it would be',
      'add an?',
      'dark mode',
      'how about',
      'what if',
      'maybe you could',
      'itd be',
      'would like',
      'id like',
      'missing',
    ],
    sv: [
      'önskar',
      'önskan',
      'vore (?:bra|bättre|kul|smidigt|skönt|najs|enklare)',
      'skulle vara (?:bra|bättre|kul|smidigt|skönt|enklare)',
      'borde',
      'förslag',
      'idé',
      'ide',
      'funktion\\w*',
      'möjlighet att',
      'lägg till',
      'lägga till',
      'tänk om',
      'hade varit (?:bra|skönt|smidigt|bättre)',
      'skulle vilja',
      'saknar',
      'mörkt läge',
    ],
  },
  praise: {
    en: [
      'love',
      'loved',
      'great',
      'awesome',
      'amazing',
      'excellent',
      'fantastic',
      'brilliant',
      'easy',
      'simple',
      'helpful',
      'thank you',
      'happy with',
      'works well',
      'worked well',
      'good job',
      'well done',
      'nice',
      'smooth',
      'best',
      'really good',
      'so good',
      'perfect',
      'like it',
      'like the',
      'enjoy\\w*',
      'impressed',
      'quick',
      'fast',
    ],
    sv: [
      'älskar',
      'gillar',
      'bra',
      'jättebra',
      'toppen',
      'grym',
      'grymt',
      'fantastisk\\w*',
      'underbar\\w*',
      'smidig\\w*',
      'enkel',
      'enkelt',
      'hjälpsam\\w*',
      'tack',
      'nöjd',
      'nöjda',
      'perfekt',
      'suveränt',
      'kanon',
      'snabb\\w*',
      'imponerad',
    ],
  },
};

/** Which kinds of feedback the words point to (a caller may praise and report a bug at once). */
export function feedbackCues(text: string, language: Language): FeedbackCue[] {
  const normal = normaliseCallerText(text);
  const found = (Object.keys(FEEDBACK) as FeedbackCue[]).filter((kind) =>
    has(normal, FEEDBACK[kind], language),
  );
  // "not happy", "inte nöjd": the praise word is negated.
  if (found.includes('complaint') || found.includes('bug')) return found.filter((k) => k !== 'praise');
  return found;
}

const NOTHING: CueList = {
  en: [
    'nothing',
    'nothing really',
    'not sure',
    'i dont know',
    'dont know',
    'no idea',
    'not much',
    'nothing at all',
    'no',
  ],
  sv: ['inget', 'ingenting', 'vet inte', 'ingen aning', 'inget särskilt', 'inte mycket', 'nej'],
};

/** "Nothing", "I don't know": the caller has no answer to give (short answers only). */
export function saysNothing(text: string, language: Language): boolean {
  const normal = normaliseCallerText(text);
  return wordCount(normal) <= 5 && has(normal, NOTHING, language);
}
