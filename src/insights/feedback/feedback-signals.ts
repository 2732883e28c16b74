import type { Language } from '../../assistant/language/detect-language.js';
import { type CueList, firstIndex, has } from '../../hotline/interview/cue-match.js';

/**
 * Word cues the extraction adds to the interview's feedback cues: messages that carry nothing
 * ("ok", "thanks"), questions, and what makes feedback urgent. Matched on normalised text
 * (`normaliseCallerText`), whole words, en and sv lists (other languages use en).
 */

/** Words that alone carry no feedback: acknowledgements, greetings, fillers. */
const COURTESY = new Set(
  (
    'ok okay okey oki k kk fine sure yes yeah yep no nope thanks thank you thx ty cheers ' +
    'so much very lot a all again for the it hi hey hello bye goodbye good morning ' +
    'tack tackar tusen så mycket hej hejsan hallå ja japp nej okej bra hejdå'
  ).split(' '),
);

/** True when every word is an acknowledgement or greeting ("ok thanks", "tack så mycket"). */
export function onlyCourtesy(normalText: string): boolean {
  if (normalText === '') return true;
  return normalText.split(' ').every((w) => COURTESY.has(w));
}

const QUESTION_START: CueList = {
  en: [
    'how',
    'why',
    'what',
    'when',
    'where',
    'which',
    'who',
    'can i',
    'could i',
    'can you',
    'is it',
    'is there',
    'are there',
    'do you',
    'does',
  ],
  sv: [
    'hur',
    'varför',
    'vad',
    'när',
    'var',
    'vilken',
    'vilka',
    'kan jag',
    'kan ni',
    'går det',
    'finns det',
    'är det',
  ],
};

export function isQuestion(text: string, normalText: string, language: Language): boolean {
  if (text.includes('?')) return true;
  return firstIndex(normalText, QUESTION_START, language) === 0;
}

/** Fraud, safety, money lost, legal threats: someone must look today. */
const URGENT: CueList = {
  en: [
    'fraud\\w*',
    'scam\\w*',
    'stolen',
    'stole',
    'hack\\w*',
    'unauthori[sz]ed',
    'identity theft',
    '(?:didnt|did not) make (?:this|that|the|these) (?:purchase|payment|order)s?',
    'not my (?:purchase|order|payment)',
    'someone (?:else )?used my',
    'charged (?:me )?twice',
    'double charged',
    'charged double',
    'lost (?:my |all my )?money',
    'money (?:is )?(?:gone|missing|disappeared)',
    'took my money',
    'emptied',
    'lawyer\\w*',
    'attorney',
    'legal action',
    'sue',
    'suing',
    'court',
    'police',
    'ombudsman',
    'regulator',
    'unsafe',
    'danger\\w*',
    'threat\\w*',
    'harass\\w*',
    'suicid\\w*',
    'kill myself',
  ],
  sv: [
    'bedrägeri\\w*',
    'bedragare',
    'bluff\\w*',
    'stulen',
    'stulet',
    'stulna',
    'stal',
    'hackad\\w*',
    'kapad\\w*',
    'obehörig\\w*',
    'id stöld',
    'inte mitt köp',
    'har inte gjort (?:detta|det här|det) köp\\w*',
    'dragit två gånger',
    'dragits två gånger',
    'dubbeldrag\\w*',
    'förlorat (?:mina )?pengar',
    'pengarna (?:är )?(?:borta|försvann|försvunna)',
    'advokat\\w*',
    'stämma er',
    'polis\\w*',
    'kronofogde\\w*',
    'konsumentverket',
    'arn',
    'finansinspektionen',
    'otrygg\\w*',
    'farlig\\w*',
    'hot',
    'hotad',
    'hotade',
    'trakasser\\w*',
    'självmord\\w*',
  ],
};

export function hasUrgentCue(normalText: string, language: Language): boolean {
  // Fraud and legal words are checked in English too: "scam", "fraud" are used in Swedish chats.
  return has(normalText, URGENT, language) || (language !== 'en' && has(normalText, URGENT, 'en'));
}
