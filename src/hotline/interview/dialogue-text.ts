import type { Language } from '../../assistant/language/detect-language.js';
import type { Persona } from '../persona/persona.js';

/** The tone of what the caller told us, which picks the empathy line and the follow-up wording. */
export type Tone = 'bug' | 'complaint' | 'idea' | 'praise' | 'neutral';

/**
 * Everything the persona says in the built-in interview, per language. One question per
 * line that asks one, and no line promises anything: the product team decides, not the persona.
 */
export interface DialogueText {
  firstQuestion(p: Persona): string;
  backToFirst: string;
  tellMore: Record<Tone, string>;
  acknowledge: Record<Tone, string>;
  why: Record<Tone, string>;
  change: Record<Tone, string>;
  readBack(what: string, why: string | null, change: string | null): string;
  askAgainIfRight: string;
  isThatRight: string;
  whatToCorrect: string;
  corrected(correction: string): string;
  followUp: string;
  followUpYes: string;
  followUpNo: string;
  thanks: string;
  didNotCatch: string;
  silenceGoodbye: string;
  goodbye: string;
  alreadyDone: string;
  backTo: string;
  dontKnow: string;
  noPromise: string;
  accountRedirect(humanContact: string): string;
  humanRedirect(humanContact: string): string;
  orTellMeHere: string;
  aiAnswer(p: Persona, humanContact: string): string;
  thankYou: string;
  hello: string;
  invite: Record<'question' | 'idea' | 'complaint' | 'other', string>;
  unclearFollowUp: string;
}

const firstName = (p: Persona) => p.name.split(' ')[0] ?? p.name;

const en: DialogueText = {
  firstQuestion: (p) =>
    `What would you like to tell me about ${p.company}: something that happened, an idea, or a question about us?`,
  backToFirst: 'Now, is there something that happened, or an idea, that you would like to tell me about?',
  tellMore: {
    bug: 'Could you tell me a bit more about what happened?',
    complaint: 'Could you tell me a bit more about what happened?',
    idea: 'Could you tell me a bit more about your idea?',
    praise: 'Could you tell me a bit more about it?',
    neutral: 'Could you tell me a bit more about that?',
  },
  acknowledge: {
    bug: "I'm sorry, that shouldn't happen.",
    complaint: "I'm sorry that happened. That sounds really frustrating.",
    idea: "That's an interesting idea.",
    praise: "That's really good to hear.",
    neutral: 'Thanks for telling me.',
  },
  why: {
    bug: 'How did that affect you?',
    complaint: 'How did that affect you?',
    idea: 'Why would that matter to you?',
    praise: 'What makes that important to you?',
    neutral: 'Why does that matter to you?',
  },
  change: {
    bug: 'If you could change one thing about it, what would it be?',
    complaint: 'If you could change one thing about it, what would it be?',
    idea: 'How would you like it to work, ideally?',
    praise: 'Is there anything you would change or add?',
    neutral: 'If you could change one thing, what would it be?',
  },
  readBack: (what, why, change) =>
    `So: ${what}${why ? `, it matters because ${why}` : ''}${change ? `, and ${change}` : ''}. Did I get that right?`,
  askAgainIfRight: 'Sorry, I missed that. Did I get it right?',
  isThatRight: 'Did I get that right?',
  whatToCorrect: 'Sorry about that. What should I correct?',
  corrected: (c) => `Thanks, I've noted the correction: ${c}.`,
  followUp: 'Would you like to hear back when something changes?',
  followUpYes: "Good, I've noted that you'd like to hear back.",
  followUpNo: "That's fine, I've noted that.",
  thanks: 'Thank you for calling and for telling me this. The team reads every call. Goodbye!',
  didNotCatch: "Sorry, I didn't catch that.",
  silenceGoodbye:
    "I can't hear anything, so I'll let you go. Thank you for calling. The team reads every call. Goodbye!",
  goodbye: 'Thank you for calling. The team reads every call. Goodbye!',
  alreadyDone: 'Thanks again for calling. Goodbye!',
  backTo: 'Back to you:',
  dontKnow: "I don't know that — I'd rather not guess.",
  noPromise: "I can't promise anything on this call, but the team reads every call.",
  accountRedirect: (h) =>
    `I can't see accounts on this line; the assistant in the app or a person can help. To reach a person, ${h}.`,
  humanRedirect: (h) => `I can't put you through from this line, but you can reach a person: ${h}.`,
  orTellMeHere: 'Or, if you like, tell me here.',
  aiAnswer: (p, h) =>
    `I'm an AI version of ${p.name}, not ${firstName(p)} in person, and this call is recorded. To reach a person, ${h}.`,
  thankYou: 'Thank you.',
  hello: 'Hi!',
  invite: {
    question: 'Go ahead: what would you like to know?',
    idea: "I'd like to hear it. What is your idea?",
    complaint: "I'm listening. What happened?",
    other: "Go ahead, I'm listening. What happened?",
  },
  unclearFollowUp: 'Just so I note it right: would you like to hear back when something changes?',
};

const sv: DialogueText = {
  firstQuestion: (p) =>
    `Vad vill du berätta för mig om ${p.company}: något som har hänt, en idé eller en fråga om oss?`,
  backToFirst: 'Finns det något som har hänt, eller en idé, som du vill berätta om?',
  tellMore: {
    bug: 'Kan du berätta lite mer om vad som hände?',
    complaint: 'Kan du berätta lite mer om vad som hände?',
    idea: 'Kan du berätta lite mer om din idé?',
    praise: 'Kan du berätta lite mer om det?',
    neutral: 'Kan du berätta lite mer om det?',
  },
  acknowledge: {
    bug: 'Förlåt, så ska det inte vara.',
    complaint: 'Vad tråkigt att det blev så. Det låter verkligen frustrerande.',
    idea: 'Det var en spännande idé.',
    praise: 'Vad roligt att höra.',
    neutral: 'Tack för att du berättar.',
  },
  why: {
    bug: 'Hur påverkade det dig?',
    complaint: 'Hur påverkade det dig?',
    idea: 'Varför skulle det betyda något för dig?',
    praise: 'Vad gör att det är viktigt för dig?',
    neutral: 'Varför är det viktigt för dig?',
  },
  change: {
    bug: 'Om du fick ändra en sak, vad skulle det vara?',
    complaint: 'Om du fick ändra en sak, vad skulle det vara?',
    idea: 'Hur skulle du helst vilja att det fungerade?',
    praise: 'Finns det något du skulle vilja ändra eller lägga till?',
    neutral: 'Om du fick ändra en sak, vad skulle det vara?',
  },
  readBack: (what, why, change) =>
    `Så: ${what}${why ? `, det spelar roll för att ${why}` : ''}${change ? `, och ${change}` : ''}. Har jag förstått rätt?`,
  askAgainIfRight: 'Förlåt, det hörde jag inte. Har jag förstått rätt?',
  isThatRight: 'Har jag förstått rätt?',
  whatToCorrect: 'Förlåt. Vad ska jag rätta?',
  corrected: (c) => `Tack, jag har noterat rättelsen: ${c}.`,
  followUp: 'Vill du få höra av oss när något ändras?',
  followUpYes: 'Bra, jag har noterat att du vill få höra av oss.',
  followUpNo: 'Okej, det har jag noterat.',
  thanks: 'Tack för att du ringde och berättade. Teamet läser varje samtal. Hej då!',
  didNotCatch: 'Förlåt, det hörde jag inte.',
  silenceGoodbye:
    'Jag hör ingenting, så jag avslutar här. Tack för att du ringde. Teamet läser varje samtal. Hej då!',
  goodbye: 'Tack för att du ringde. Teamet läser varje samtal. Hej då!',
  alreadyDone: 'Tack igen för att du ringde. Hej då!',
  backTo: 'Tillbaka till dig:',
  dontKnow: 'Det vet jag inte, och jag vill inte gissa.',
  noPromise: 'Jag kan inte lova något i det här samtalet, men teamet läser varje samtal.',
  accountRedirect: (h) =>
    `Jag kan inte se konton på den här linjen; assistenten i appen eller en människa kan hjälpa dig. För att nå en människa, ${h}.`,
  humanRedirect: (h) => `Jag kan inte koppla dig vidare härifrån, men du når en människa så här: ${h}.`,
  orTellMeHere: 'Eller, om du vill, berätta för mig här.',
  aiAnswer: (p, h) =>
    `Jag är en AI-version av ${p.name}, inte ${firstName(p)} själv, och samtalet spelas in. För att nå en människa, ${h}.`,
  thankYou: 'Tack.',
  hello: 'Hej!',
  invite: {
    question: 'Varsågod: vad vill du veta?',
    idea: 'Berätta gärna. Vad är din idé?',
    complaint: 'Jag lyssnar. Vad hände?',
    other: 'Varsågod, jag lyssnar. Vad hände?',
  },
  unclearFollowUp: 'Så att jag noterar rätt: vill du få höra av oss när något ändras?',
};

export function dialogueText(language: Language): DialogueText {
  return language === 'sv' ? sv : en;
}
