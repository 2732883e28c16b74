import type { Language } from '../../assistant/language/detect-language.js';
import type { VoiceSettings } from '../../voice/speech-ports.js';

export type CorpusKind = 'mission' | 'history' | 'anecdote' | 'opinion' | 'faq';

/** One thing the real founder said or wrote; the persona answers only from these. */
export interface CorpusPassage {
  id: string;
  kind: CorpusKind;
  language: Language;
  title: string;
  text: string;
  /** Where and when it was said (interview, blog post, all-hands), for the product team. */
  source: string;
}

/** A hotline number: calls to it get this market's language and persona. */
export interface HotlineNumber {
  /** E.164, e.g. `+14155550134`. */
  number: string;
  market: string;
  language: Language;
}

export interface Persona {
  id: string;
  /** The founder's name as the persona introduces itself ("an AI version of …"). */
  name: string;
  company: string;
  /** e.g. "co-founder". */
  title: string;
  languages: Language[];
  numbers: HotlineNumber[];
  /** Spoken first on every call, per language; must disclose the AI, the recording and how to reach a person. */
  disclosure: Partial<Record<Language, string>>;
  /** How to reach a person (support chat, phone), per language. */
  humanContact: Partial<Record<Language, string>>;
  voice: Partial<Record<Language, VoiceSettings>>;
  corpus: CorpusPassage[];
}
