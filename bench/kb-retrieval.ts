/**
 * Help-centre retrieval quality per language, on the question set in `src/knowledge/kb-questions*.ts`:
 * top-1 accuracy on answerable questions, the share of them answered (top hit right and above
 * the threshold), and false answers on questions the help centre does not answer.
 * `npm run bench:kb [-- --split tune|test|all] [-- --misses]`.
 */
import { answerFromKnowledgeBase } from '../src/knowledge/answer-from-knowledge-base.js';
import { readArticleFiles } from '../src/knowledge/import-articles.js';
import { KB_QUESTIONS, type KbQuestion, kbQuestionSplit } from '../src/knowledge/kb-questions.js';
import { KB_LOCALES } from '../src/knowledge/list-articles.js';
import {
  buildKnowledgeBaseIndex,
  KB_ANSWER_THRESHOLD,
  searchKnowledgeBase,
} from '../src/knowledge/search-articles.js';

const args = process.argv.slice(2);
const split = args[args.indexOf('--split') + 1] ?? 'all';
const showMisses = args.includes('--misses');
const threshold = args.includes('--threshold')
  ? Number(args[args.indexOf('--threshold') + 1])
  : KB_ANSWER_THRESHOLD;

const articles = (await readArticleFiles()).map((a) => ({
  id: `${a.locale}/${a.slug}`,
  slug: a.slug,
  locale: a.locale,
  title: a.title,
  tags: a.tags,
  bodyMarkdown: a.body,
}));
const { tune, test } = kbQuestionSplit(KB_QUESTIONS);
const questions: readonly KbQuestion[] = split === 'tune' ? tune : split === 'test' ? test : KB_QUESTIONS;

const pct = (n: number, of: number) => (of === 0 ? '   -  ' : `${((100 * n) / of).toFixed(1).padStart(5)}%`);
console.log(`split=${split} threshold=${threshold}`);
console.log('lang  answerable  top-1          answered       unanswerable  false answers');
const totals = { n: 0, top1: 0, answered: 0, u: 0, falseAnswers: 0 };
for (const locale of KB_LOCALES) {
  const index = buildKnowledgeBaseIndex(articles, locale);
  const own = questions.filter((q) => q.locale === locale);
  let n = 0;
  let top1 = 0;
  let answered = 0;
  let u = 0;
  let falseAnswers = 0;
  for (const q of own) {
    const hits = searchKnowledgeBase(index, q.question, { limit: 3 });
    const answer = answerFromKnowledgeBase(q.question, hits, { threshold, index });
    if (q.expectedSlug === null) {
      u++;
      if (answer.kind === 'answer') {
        falseAnswers++;
        if (showMisses)
          console.log(`  FALSE ${locale} ${q.question} -> ${hits[0]?.slug} ${hits[0]?.confidence}`);
      }
      continue;
    }
    n++;
    if (hits[0]?.slug === q.expectedSlug) {
      top1++;
      if (answer.kind === 'answer') answered++;
      else if (showMisses) console.log(`  LOW   ${locale} ${q.question} (${hits[0]?.confidence})`);
    } else if (showMisses) {
      console.log(
        `  MISS  ${locale} ${q.question} -> ${hits[0]?.slug} ${hits[0]?.confidence} (want ${q.expectedSlug})`,
      );
    }
  }
  totals.n += n;
  totals.top1 += top1;
  totals.answered += answered;
  totals.u += u;
  totals.falseAnswers += falseAnswers;
  console.log(
    `${locale.padEnd(4)}  ${String(n).padStart(10)}  ${String(top1).padStart(3)} ${pct(top1, n)}   ${String(answered).padStart(3)} ${pct(answered, n)}   ${String(u).padStart(12)}  ${falseAnswers}`,
  );
}
console.log(
  `all   ${String(totals.n).padStart(10)}  ${String(totals.top1).padStart(3)} ${pct(totals.top1, totals.n)}   ${String(totals.answered).padStart(3)} ${pct(totals.answered, totals.n)}   ${String(totals.u).padStart(12)}  ${totals.falseAnswers}`,
);
