import type { Language } from '../../assistant/language/detect-language.js';
import { assessSentiment } from '../../assistant/sentiment/assess-sentiment.js';
import type { SentimentModel } from '../../assistant/sentiment/sentiment-model-file.js';
import type { FeedbackKind } from '../../platform/db/schema.js';
import { redactPersonalData } from '../../platform/privacy/redact-personal-data.js';
import type { Persona } from '../persona/persona.js';
import { saysNothing } from './answer-cues.js';
import { isQuestion } from './caller-cues.js';
import { feedbackCues } from './feedback-cues.js';
import type { CallOutcome, FeedbackItemDraft } from './interview-port.js';
import type { InterviewData } from './interview-state.js';
import { asThirdPerson, changeCore, clipWords, reason, tidy } from './reword.js';

/** Caller questions turned into feedback items, at most. */
const MAX_QUESTION_ITEMS = 3;

const redact = (text: string) => redactPersonalData(text).text;

/** What the caller's words are, for the product team: keyword cues first, the sentiment model when they are silent. */
export function classifyFeedback(text: string, language: Language, model?: SentimentModel): FeedbackKind {
  const cues = feedbackCues(text, language);
  if (cues.includes('bug')) return 'bug';
  if (cues.includes('complaint')) return 'complaint';
  if (cues.includes('feature_request')) return 'feature_request';
  if (cues.includes('praise')) return 'praise';
  if (model) {
    const a = assessSentiment(model, text);
    if (a.sentiment === 'negative' && a.confidence >= 0.5) return 'complaint';
    if (a.sentiment === 'positive' && a.confidence >= 0.6) return 'praise';
  }
  return isQuestion(text, language) ? 'question' : 'feature_request';
}

interface OutcomeText {
  label: Record<FeedbackKind, string>;
  said: Record<FeedbackKind, string>;
  mattersBecause: string;
  suggestedChange: string;
  corrected: string;
  upset: string;
  asked(n: number, answered: number): string;
  answeredFrom(passageId: string): string;
  notInCorpus: string;
  followUp: Record<'yes' | 'no', string>;
  cutShort: string;
  nothing: string;
}

const TEXT: Record<'en' | 'sv', OutcomeText> = {
  en: {
    label: {
      bug: 'Bug report',
      complaint: 'Complaint',
      feature_request: 'Feature request',
      praise: 'Praise',
      question: 'Question',
    },
    said: {
      bug: 'The caller reported a problem',
      complaint: 'The caller complained',
      feature_request: 'The caller suggested',
      praise: 'The caller praised',
      question: 'The caller asked',
    },
    mattersBecause: 'It matters to them because',
    suggestedChange: 'Suggested change',
    corrected: 'They corrected the read-back',
    upset: 'They sounded upset.',
    asked: (n, answered) =>
      `They asked ${n} question${n === 1 ? '' : 's'} about the company (${answered} answered from the corpus).`,
    answeredFrom: (id) => `answered from passage ${id}`,
    notInCorpus: 'not in the corpus',
    followUp: { yes: 'They want to hear back when something changes.', no: 'They do not need to hear back.' },
    cutShort: 'The call ended before the interview was complete.',
    nothing: 'The caller did not share any feedback.',
  },
  sv: {
    label: {
      bug: 'Felrapport',
      complaint: 'Klagomål',
      feature_request: 'Önskemål',
      praise: 'Beröm',
      question: 'Fråga',
    },
    said: {
      bug: 'Den som ringde rapporterade ett problem',
      complaint: 'Den som ringde klagade',
      feature_request: 'Den som ringde föreslog',
      praise: 'Den som ringde berömde',
      question: 'Den som ringde frågade',
    },
    mattersBecause: 'Det spelar roll för hen eftersom',
    suggestedChange: 'Önskad ändring',
    corrected: 'Hen rättade sammanfattningen',
    upset: 'Hen lät upprörd.',
    asked: (n, answered) =>
      `Hen ställde ${n} ${n === 1 ? 'fråga' : 'frågor'} om företaget (${answered} besvarade ur korpusen).`,
    answeredFrom: (id) => `besvarad ur avsnitt ${id}`,
    notInCorpus: 'finns inte i korpusen',
    followUp: { yes: 'Hen vill få höra av oss när något ändras.', no: 'Hen behöver inte höra av oss.' },
    cutShort: 'Samtalet tog slut innan intervjun var klar.',
    nothing: 'Den som ringde lämnade inga synpunkter.',
  },
};

/** The caller's point in neutral third person, redacted and clipped. */
const neutral = (text: string, language: Language, max = 30) =>
  redact(clipWords(asThirdPerson(tidy(text, language), language), max));

/**
 * What the call produced: a short neutral summary and feedback items with the caller's own
 * (redacted) words. Works on any state, including a call cut short after one answer.
 */
export function callOutcome(
  _persona: Persona,
  language: Language,
  s: InterviewData,
  model?: SentimentModel,
): CallOutcome {
  const t = TEXT[language === 'sv' ? 'sv' : 'en'];
  const items: FeedbackItemDraft[] = [];
  const sentences: string[] = [];
  const hasChange = s.change !== null && !saysNothing(s.change, language);
  const hasWhy = s.why !== null && !saysNothing(s.why, language);

  if (s.what) {
    const kind = classifyFeedback(`${s.what} ${s.why ?? ''}`, language, model);
    const what = neutral(s.what, language);
    const why = hasWhy ? neutral(reason(s.why!, language), language, 20) : null;
    const detail = [
      why ? `${t.mattersBecause} ${why}` : null,
      s.correction ? `${t.corrected}: ${neutral(s.correction, language, 20)}` : null,
    ].filter(Boolean);
    items.push({
      kind,
      summary: `${t.label[kind]}: ${what}${detail.length ? `. ${detail.join('. ')}` : ''}`,
      quote: redact([s.what, s.correction].filter(Boolean).join(' … ')),
    });
    sentences.push(`${t.said[kind]}: ${what}.`);
    if (s.upset) sentences.push(t.upset);
    if (why) sentences.push(`${t.mattersBecause} ${why}.`);
  }
  if (hasChange) {
    const change = neutral(changeCore(s.change!, language), language, 25);
    items.push({
      kind: 'feature_request',
      summary: `${t.suggestedChange}: ${change}`,
      quote: redact(s.change!),
    });
    sentences.push(`${t.suggestedChange}: ${change}.`);
  }
  if (s.correction) sentences.push(`${t.corrected}: ${neutral(s.correction, language, 20)}.`);
  if (s.questions.length > 0) {
    const answered = s.questions.filter((q) => q.passageId).length;
    sentences.push(t.asked(s.questions.length, answered));
    for (const q of s.questions.slice(0, MAX_QUESTION_ITEMS)) {
      const how = q.passageId ? t.answeredFrom(q.passageId) : t.notInCorpus;
      items.push({
        kind: 'question',
        summary: `${t.label.question}: ${neutral(q.text, language, 25)} (${how})`,
        quote: redact(q.text),
      });
    }
  }
  if (sentences.length === 0) sentences.push(t.nothing);
  if (s.followUp !== null) sentences.push(t.followUp[s.followUp ? 'yes' : 'no']);
  if (s.ended !== 'completed') sentences.push(t.cutShort);
  return { summary: sentences.join(' '), wantsFollowUp: s.followUp, feedbackItems: items };
}
