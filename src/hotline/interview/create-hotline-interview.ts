import type { Language } from '../../assistant/language/detect-language.js';
import { assessSentiment, isUpset } from '../../assistant/sentiment/assess-sentiment.js';
import { frustrationCues } from '../../assistant/sentiment/frustration-cues.js';
import type { SentimentModel } from '../../assistant/sentiment/sentiment-model-file.js';
import type { Persona } from '../persona/persona.js';
import {
  isGoodbye,
  isGreetingOnly,
  isSilence,
  preamble,
  saysNothing,
  withoutAnswerWords,
  yesOrNo,
} from './answer-cues.js';
import { callOutcome } from './call-outcome.js';
import {
  asksForCommitment,
  asksForHuman,
  asksIfAi,
  isAccountQuestion,
  isQuestion,
  mentionsOwnAccount,
  refersToCompany,
} from './caller-cues.js';
import { wordCount } from './cue-match.js';
import { type DialogueText, dialogueText, type Tone } from './dialogue-text.js';
import { feedbackCues } from './feedback-cues.js';
import type { HotlineInterview, InterviewState, InterviewTurn } from './interview-port.js';
import { type InterviewData, initialState, readState } from './interview-state.js';
import { asSecondPerson, changeClause, clipWords, reason, tidy } from './reword.js';
import { searchCorpus } from './search-corpus.js';

export interface HotlineInterviewOptions {
  /** The assistant's sentiment model: better complaint and praise detection than keyword cues alone. */
  sentiment?: SentimentModel;
}

/** Answers shorter than this (in words) to the first question get one "tell me a bit more". */
const SHORT_ANSWER = 4;
/** A commitment request this long is also feedback, and recorded as the answer. */
const SUBSTANTIVE = 6;

type Redirect = InterviewTurn['redirect'];

// A function, not `s.stage === 'done'` inline: TypeScript would keep the narrowing from before a mutation.
const isDone = (s: InterviewData) => s.stage === 'done';

interface Step {
  replies: string[];
  passageId?: string | null;
  redirect?: Redirect;
  finished?: boolean;
}

/**
 * The built-in, deterministic feedback interview: what happened → why it matters → what the
 * caller would change → read-back (one correction round) → hear back? → thanks. Questions
 * about the company are answered from the corpus at any point, account and money questions
 * go to the assistant or a person, and requests for promises get none.
 */
export function createHotlineInterview(options: HotlineInterviewOptions = {}): HotlineInterview {
  const model = options.sentiment;

  function toneOf(text: string, language: Language): { tone: Tone; upset: boolean } {
    const cues = feedbackCues(text, language);
    const assessment = model ? assessSentiment(model, text) : null;
    let tone: Tone = 'neutral';
    if (cues.includes('bug')) tone = 'bug';
    else if (cues.includes('complaint')) tone = 'complaint';
    else if (cues.includes('feature_request')) tone = 'idea';
    else if (cues.includes('praise')) tone = 'praise';
    else if (assessment?.sentiment === 'negative' && assessment.confidence >= 0.5) tone = 'complaint';
    else if (assessment?.sentiment === 'positive' && assessment.confidence >= 0.6) tone = 'praise';
    const upset = assessment
      ? isUpset(assessment)
      : tone === 'complaint' || frustrationCues(text).some((c) => c !== 'repeated_punctuation');
    return { tone, upset };
  }

  function contactFor(persona: Persona, language: Language): string {
    return persona.humanContact[language] ?? Object.values(persona.humanContact)[0] ?? '';
  }

  function question(s: InterviewData, t: DialogueText, persona: Persona): string {
    const tone = s.tone ?? 'neutral';
    switch (s.stage) {
      case 'what':
        return s.askedMore ? t.tellMore[tone] : t.firstQuestion(persona);
      case 'why':
        return t.why[tone];
      case 'change':
        return t.change[tone];
      case 'confirm':
        return t.isThatRight;
      case 'correct':
        return t.whatToCorrect;
      case 'followup':
        return t.followUp;
      case 'done':
        return '';
    }
  }

  /** After an aside (a corpus answer, a redirect): back to where the interview was. */
  function backToInterview(s: InterviewData, t: DialogueText, persona: Persona): string {
    if (s.stage === 'what') return s.what ? t.tellMore[s.tone ?? 'neutral'] : t.backToFirst;
    return `${t.backTo} ${question(s, t, persona)}`;
  }

  function readBack(s: InterviewData, t: DialogueText, language: Language): string {
    const what = clipWords(asSecondPerson(tidy(s.what ?? '', language), language)) || s.what || '';
    const why =
      s.why && !saysNothing(s.why, language)
        ? clipWords(asSecondPerson(reason(s.why, language), language))
        : null;
    const change = s.change && !saysNothing(s.change, language) ? changeClause(s.change, language) : null;
    return t.readBack(what, why || null, change);
  }

  /** The caller answered the current question: record it and ask the next one. */
  function advance(
    s: InterviewData,
    t: DialogueText,
    persona: Persona,
    language: Language,
    text: string,
  ): string[] {
    switch (s.stage) {
      case 'what': {
        if (saysNothing(text, language) && !s.what) {
          if (s.askedMore) return finish(s, 'caller_left', [t.goodbye]);
          s.askedMore = true;
          return [t.tellMore.neutral];
        }
        s.what = s.what ? `${s.what} ${text.trim()}` : text.trim();
        const { tone, upset } = toneOf(s.what, language);
        if (!s.askedMore && wordCount(s.what) < SHORT_ANSWER && tone === 'neutral') {
          s.askedMore = true;
          return [t.tellMore.neutral];
        }
        s.tone = tone;
        s.upset ||= upset;
        s.stage = 'why';
        return [t.acknowledge[tone], t.why[tone]];
      }
      case 'why': {
        s.why = text.trim();
        const { tone, upset } = toneOf(`${s.what ?? ''} ${s.why}`, language);
        if (s.tone === 'neutral') s.tone = tone;
        const becameUpset = upset && !s.upset;
        s.upset ||= upset;
        s.stage = 'change';
        const question = t.change[s.tone ?? 'neutral'];
        return becameUpset ? [t.acknowledge.complaint, question] : [question];
      }
      case 'change':
        s.change = text.trim();
        s.stage = 'confirm';
        return [readBack(s, t, language)];
      case 'correct':
        return corrected(s, t, language, text.trim());
      default:
        return [question(s, t, persona)];
    }
  }

  function corrected(s: InterviewData, t: DialogueText, language: Language, correction: string): string[] {
    s.correction = correction;
    s.stage = 'followup';
    s.unclear = 0;
    return [t.corrected(clipWords(asSecondPerson(tidy(correction, language), language))), t.followUp];
  }

  function finish(s: InterviewData, how: InterviewData['ended'], replies: string[]): string[] {
    s.stage = 'done';
    s.ended ??= how;
    return replies;
  }

  function answerYesNo(s: InterviewData, t: DialogueText, language: Language, text: string): string[] {
    const answer = yesOrNo(text, language);
    if (s.stage === 'confirm') {
      const rest = withoutAnswerWords(text, language);
      if (answer === 'yes' && wordCount(rest) < 3) {
        s.stage = 'followup';
        s.unclear = 0;
        return [t.thankYou, t.followUp];
      }
      // "no, it was the card page" or an addition without yes/no: that is the correction.
      if (wordCount(rest) >= 3 && answer !== 'yes') return corrected(s, t, language, rest);
      if (answer === 'yes') {
        s.notes.push(text.trim());
        s.stage = 'followup';
        s.unclear = 0;
        return [t.thankYou, t.followUp];
      }
      if (answer === 'no') {
        s.stage = 'correct';
        return [t.whatToCorrect];
      }
      if (s.unclear++ < 1) return [t.askAgainIfRight];
      s.stage = 'followup';
      s.unclear = 0;
      return [t.followUp];
    }
    // followup
    if (answer) {
      s.followUp = answer === 'yes';
      return finish(s, 'completed', [answer === 'yes' ? t.followUpYes : t.followUpNo, t.thanks]);
    }
    if (s.unclear++ < 1) return [t.unclearFollowUp];
    return finish(s, 'completed', [t.thanks]);
  }

  function step(persona: Persona, language: Language, s: InterviewData, text: string): Step {
    const t = dialogueText(language);
    const contact = contactFor(persona, language);
    if (s.stage === 'done') return { replies: [t.alreadyDone], finished: true };

    const yesNoStage = s.stage === 'confirm' || s.stage === 'followup';
    // "mm hmm" is silence to the first question but a yes to "did I get that right".
    if (isSilence(text) && !(yesNoStage && yesOrNo(text, language))) {
      s.silences++;
      if (s.silences >= 2) return { replies: finish(s, 'silence', [t.silenceGoodbye]), finished: true };
      return { replies: [t.didNotCatch, question(s, t, persona)] };
    }
    s.silences = 0;
    if (isGoodbye(text, language)) {
      const answer = yesOrNo(text, language);
      if (s.stage === 'followup' && answer) s.followUp = answer === 'yes';
      const how = s.stage === 'followup' || s.stage === 'confirm' ? 'completed' : 'caller_left';
      return { replies: finish(s, how, [t.goodbye]), finished: true };
    }
    if (asksForHuman(text, language)) {
      return {
        replies: [t.humanRedirect(contact), t.orTellMeHere, question(s, t, persona)],
        redirect: 'human',
      };
    }
    if (asksIfAi(text, language))
      return { replies: [t.aiAnswer(persona, contact), backToInterview(s, t, persona)] };
    if (isGreetingOnly(text, language)) return { replies: [t.hello, question(s, t, persona)] };
    const announced = s.stage === 'what' && !s.what ? preamble(text, language) : null;
    if (announced && wordCount(announced.rest) < 3) return { replies: [t.invite[announced.kind]] };

    const collecting =
      s.stage === 'what' || s.stage === 'why' || s.stage === 'change' || s.stage === 'correct';
    const asked = isQuestion(text, language);
    if (asksForCommitment(text, language)) {
      const replies = [t.noPromise];
      let redirect: Redirect = null;
      if (isAccountQuestion(text, language) || mentionsOwnAccount(text, language)) {
        replies.push(t.accountRedirect(contact));
        redirect = 'assistant';
      }
      if (collecting && !asked && wordCount(text) >= SUBSTANTIVE)
        replies.push(...advance(s, t, persona, language, text));
      else replies.push(question(s, t, persona));
      return { replies, redirect, finished: isDone(s) };
    }
    if (isAccountQuestion(text, language)) {
      return { replies: [t.accountRedirect(contact), backToInterview(s, t, persona)], redirect: 'assistant' };
    }
    if (asked && !(yesNoStage && yesOrNo(text, language))) {
      const match = searchCorpus(persona, language, text);
      if (match || refersToCompany(text, language)) {
        s.questions.push({ text: text.trim(), passageId: match?.passage.id ?? null });
        return {
          replies: [match ? match.passage.text : t.dontKnow, backToInterview(s, t, persona)],
          passageId: match?.passage.id ?? null,
        };
      }
    }

    if (yesNoStage) return { replies: answerYesNo(s, t, language, text), finished: isDone(s) };
    const replies = advance(s, t, persona, language, text);
    if (collecting && mentionsOwnAccount(text, language) && !isDone(s)) {
      // Feedback about their own account: recorded, and they learn where the account can be seen.
      replies.splice(replies.length - 1, 0, t.accountRedirect(contact));
      return { replies, redirect: 'assistant' };
    }
    return { replies, finished: isDone(s) };
  }

  return {
    open(persona, language): InterviewTurn {
      const t = dialogueText(language);
      const disclosure = persona.disclosure[language] ?? Object.values(persona.disclosure)[0] ?? '';
      return {
        replies: [disclosure, t.firstQuestion(persona)].filter((r) => r !== ''),
        state: initialState() as unknown as InterviewState,
        passageId: null,
        finished: false,
        redirect: null,
      };
    },

    async respond(persona, language, state, callerText): Promise<InterviewTurn> {
      const s = readState(state);
      const result = step(persona, language, s, callerText ?? '');
      return {
        replies: result.replies.filter((r) => r !== ''),
        state: s as unknown as InterviewState,
        passageId: result.passageId ?? null,
        finished: result.finished === true || s.stage === 'done',
        redirect: result.redirect ?? null,
      };
    },

    outcome(persona, language, state) {
      return callOutcome(persona, language, readState(state), model);
    },
  };
}
