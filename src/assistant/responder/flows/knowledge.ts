import type { AssistantReply } from '../../../conversations/assistant-port.js';
import { answerFromKnowledgeBase } from '../../../knowledge/answer-from-knowledge-base.js';
import {
  KB_ANSWER_THRESHOLD,
  type KbSearchHit,
  type KnowledgeBaseIndex,
  searchKnowledgeBase,
} from '../../../knowledge/search-articles.js';
import type { BuiltinAssistantDeps, Turn } from './types.js';

/** The help article that answers an intent when the customer's words alone do not find it (e.g. a German question over the English KB). */
const INTENT_ARTICLE: Readonly<Record<string, string>> = {
  late_fees: 'fees-and-late-fees',
  how_it_works: 'how-pay-in-4-works',
  declined_purchase: 'declined-purchases',
  postpone_payment: 'postponing-a-payment',
  update_payment_method: 'changing-payment-method',
  close_account: 'closing-your-account',
  register_return: 'returns-and-refunds',
  refund_status: 'returns-and-refunds',
  pay_installment: 'paying-early',
  pay_off_plan: 'paying-early',
  dispute_purchase: 'disputes',
  hardship: 'hardship-support',
  unrecognised_purchase: 'unrecognised-purchases',
  lost_card: 'lost-or-stolen-card',
  next_payment: 'payment-due-dates',
  payment_schedule: 'payment-due-dates',
  talk_to_human: 'talking-to-a-human',
};

const searched = new WeakMap<Turn, Promise<{ index: KnowledgeBaseIndex; hits: KbSearchHit[] }>>();

/** The help-centre search for this turn's text, run once however many flows ask for it. */
function searchOnce(deps: BuiltinAssistantDeps, turn: Turn) {
  let result = searched.get(turn);
  if (!result) {
    result = deps.kb
      .index(turn.language)
      .then((index) => ({ index, hits: searchKnowledgeBase(index, turn.text) }));
    searched.set(turn, result);
  }
  return result;
}

/**
 * A cited, extractive answer from the help centre in the customer's language, or null when
 * nothing is confident enough. A language without its own articles reads the English ones,
 * with a note in its own language.
 */
export async function knowledgeAnswer(
  deps: BuiltinAssistantDeps,
  turn: Turn,
  options: { useIntentArticle: boolean },
): Promise<AssistantReply | null> {
  const { index, hits } = await searchOnce(deps, turn);
  let answer = answerFromKnowledgeBase(turn.text, hits, { index });
  const slug = INTENT_ARTICLE[turn.intent];
  if (answer.kind === 'no_answer' && options.useIntentArticle && slug) {
    const hit = await intentArticleHit(deps, turn, slug);
    if (hit) answer = answerFromKnowledgeBase(turn.text, [hit], { index });
  }
  if (answer.kind === 'no_answer') return null;
  const inEnglish = answer.locale !== turn.language;
  return {
    text: inEnglish ? `${turn.copy.articleInEnglish} ${answer.text}` : answer.text,
    citations: answer.citations,
  };
}

/**
 * When the classifier is unsure, a confident help-centre hit in the customer's own language
 * about a different topic than the guessed intent's article answers instead ("Hoe stuur ik een
 * product terug?" is a return, even if the intent model leans towards a dispute). Null otherwise.
 */
export async function helpCentreOverUnsureIntent(
  deps: BuiltinAssistantDeps,
  turn: Turn,
): Promise<AssistantReply | null> {
  const { index, hits } = await searchOnce(deps, turn);
  const top = hits[0];
  if (!top || top.locale !== turn.language || top.slug === INTENT_ARTICLE[turn.intent]) return null;
  const answer = answerFromKnowledgeBase(turn.text, hits, { index });
  return answer.kind === 'answer' ? { text: answer.text, citations: answer.citations } : null;
}

/** The classifier is confident about the topic, so its article's opening passage is the answer. */
async function intentArticleHit(
  deps: BuiltinAssistantDeps,
  turn: Turn,
  slug: string,
): Promise<KbSearchHit | null> {
  const index = await deps.kb.index(turn.language);
  const articleNumber = index.articles.findIndex((a) => a.slug === slug);
  const article = index.articles[articleNumber];
  const passage = index.passages.find((p) => p.article === articleNumber);
  if (!article || !passage) return null;
  return {
    articleId: article.id,
    slug: article.slug,
    title: article.title,
    locale: article.locale,
    passage: passage.text,
    score: 0,
    confidence: KB_ANSWER_THRESHOLD,
  };
}
