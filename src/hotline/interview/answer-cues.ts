import type { Language } from '../../assistant/language/detect-language.js';
import {
  type CueList,
  firstIndex,
  has,
  listFor,
  normaliseCallerText,
  pattern,
  wordCount,
} from './cue-match.js';

/** How the caller answers: yes or no, goodbye, a greeting, an announcement, silence, "nothing". */

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
