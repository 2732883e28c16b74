import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, openDatabase } from '../platform/db/database.js';
import { migrate } from '../platform/db/migrate.js';
import { answerFromKnowledgeBase, KB_ANSWER_LEAD_IN, splitSentences } from './answer-from-knowledge-base.js';
import { bm25Idf, bm25Score, buildBm25 } from './bm25.js';
import { importKnowledgeBase, readArticleFiles } from './import-articles.js';
import { KB_QUESTIONS, kbQuestionSplit } from './kb-questions.js';
import { stemDutch, stemFrench, stemGerman, stemItalian, stemSpanish } from './kb-stemmers.js';
import { editDistance, foldText, splitCompound, stemEnglish, stemSwedish, tokenise } from './kb-tokenise.js';
import { KB_LOCALES, type KbLocale } from './list-articles.js';
import {
  buildKnowledgeBaseIndex,
  citationFor,
  createKnowledgeBaseSearch,
  KB_ANSWER_THRESHOLD,
  type KbSourceArticle,
  type KnowledgeBaseIndex,
  searchKnowledgeBase,
  splitPassages,
} from './search-articles.js';

describe('tokenisation', () => {
  it('folds case and accents and drops stop words', () => {
    expect(foldText('Återbetalning ÖRE café')).toBe('aterbetalning ore cafe');
    expect(tokenise("How do I postpone my payments? Don't know.", 'en')).toEqual(['postpon', 'payment']);
    expect(tokenise('Hur skjuter jag upp betalningen?', 'sv')).toEqual(['skjut', 'upp', 'betal']);
  });

  it('makes English inflections meet', () => {
    const same = (words: string[]) => new Set(words.map(stemEnglish)).size;
    expect(same(['postpone', 'postponed', 'postponing', 'postpones'])).toBe(1);
    expect(same(['refund', 'refunds', 'refunded'])).toBe(1);
    expect(same(['cancelled', 'cancel'])).toBe(1);
    expect(same(['recognise', 'recognize', 'recognised'])).toBe(1);
    expect(stemEnglish('fees')).toBe('fee');
    expect(stemEnglish('call')).toBe('call');
  });

  it('makes Swedish inflections meet', () => {
    const same = (words: string[]) => new Set(words.map((w) => stemSwedish(foldText(w)))).size;
    expect(same(['betalning', 'betalningen', 'betalningar', 'betalningarna'])).toBe(1);
    expect(same(['avgift', 'avgiften', 'avgifter'])).toBe(1);
    expect(same(['stulet', 'stulits'])).toBe(1);
    expect(same(['köpgräns', 'köpgränsen'])).toBe(1);
  });

  it('makes German, French, Spanish, Italian and Dutch inflections meet', () => {
    const same = (stemmer: (w: string) => string, words: string[]) =>
      new Set(words.map((w) => stemmer(foldText(w)))).size;
    expect(same(stemGerman, ['Gebühr', 'Gebühren'])).toBe(1);
    expect(same(stemGerman, ['Zahlung', 'Zahlungen'])).toBe(1);
    expect(same(stemFrench, ['remboursé', 'remboursement', 'rembourser', 'remboursements'])).toBe(1);
    expect(same(stemSpanish, ['pagos', 'pagar', 'pagado'])).toBe(1);
    expect(same(stemSpanish, ['devolución', 'devoluciones'])).toBe(1);
    expect(same(stemItalian, ['rimborso', 'rimborsi', 'rimborsato'])).toBe(1);
    expect(same(stemDutch, ['betaling', 'betalingen', 'betalen', 'betaal'])).toBe(1);
    expect(same(stemDutch, ['sturen', 'stuur'])).toBe(1);
  });

  it('keeps French elisions apart and pairs Vietnamese syllables', () => {
    expect(tokenise("l'article d'un achat", 'fr')).toEqual(['articl', 'achat']);
    expect(tokenise('Làm thế nào để trả hàng?', 'vi')).toEqual(['trả', 'hàng', 'trả_hàng']);
    expect(tokenise('lam the nao de tra hang', 'vi')).toEqual(['tra', 'hang', 'tra_hang']);
    // Tones tell "tối" (evening) from "tôi" (I): only the typed spelling is searched.
    expect(tokenise('Tối qua', 'vi')).toEqual(['tối', 'qua', 'tối_qua']);
    expect(foldText('Đường dây')).toBe('duong day');
  });

  it('splits German and Dutch compounds too', () => {
    expect(splitCompound('mahngebuhr', new Set(['mahn', 'gebuhr']), 'de')).toEqual(['mahn', 'gebuhr']);
    expect(splitCompound('betalingsregeling', new Set(['betal', 'regel']), 'nl')).toEqual(['betal', 'regel']);
  });

  it('splits Swedish compounds on known words', () => {
    const vocabulary = new Set(['kop', 'gran', 'betal', 'plan']);
    expect(splitCompound('kopgrans', vocabulary)).toEqual(['kop', 'gran']);
    expect(splitCompound('betalningsplan', new Set(['betalning', 'plan']))).toEqual(['betalning', 'plan']);
    expect(splitCompound('surdegsbrod', vocabulary)).toEqual([]);
  });

  it('measures edit distance with transpositions', () => {
    expect(editDistance('postpne', 'postpone', 2)).toBe(1);
    expect(editDistance('betalnig', 'betalning', 2)).toBe(1);
    expect(editDistance('recieve', 'receive', 2)).toBe(1);
    expect(editDistance('bread', 'refund', 1)).toBe(2);
  });
});

describe('bm25', () => {
  const index = buildBm25([
    [{ tokens: ['late', 'fee', 'payment'], weight: 1 }],
    [{ tokens: ['refund', 'return', 'payment'], weight: 1 }],
    [{ tokens: ['card', 'lost', 'card', 'block'], weight: 1 }],
  ]);

  it('ranks the document with the rare query word first', () => {
    const scores = [0, 1, 2].map((d) => bm25Score(index, d, ['refund', 'payment']));
    expect(scores[1]).toBeGreaterThan(scores[0]!);
    expect(scores[2]).toBe(0);
  });

  it('gives common words less weight and saturates repeated ones', () => {
    expect(bm25Idf(index, 'payment')).toBeLessThan(bm25Idf(index, 'refund'));
    expect(bm25Idf(index, 'unknown')).toBeGreaterThan(bm25Idf(index, 'refund'));
    const once = bm25Score(buildBm25([[{ tokens: ['card', 'x'], weight: 1 }]]), 0, ['card']);
    const twice = bm25Score(buildBm25([[{ tokens: ['card', 'card'], weight: 1 }]]), 0, ['card']);
    expect(twice).toBeLessThan(2 * once);
  });

  it('weights fields', () => {
    const weighted = buildBm25([
      [
        { tokens: ['fee'], weight: 3 },
        { tokens: ['other', 'words'], weight: 1 },
      ],
      [
        { tokens: ['fee'], weight: 1 },
        { tokens: ['other', 'words'], weight: 1 },
      ],
    ]);
    expect(bm25Score(weighted, 0, ['fee'])).toBeGreaterThan(bm25Score(weighted, 1, ['fee']));
  });
});

describe('passages and citations', () => {
  it('splits at headings and turns markdown into plain lines', () => {
    const passages = splitPassages(
      'Intro **bold**.\n\n## Rules\n\n- One _rule_.\n- Two.\n\n| A | B |\n| - | - |\n| x | y |',
    );
    expect(passages).toEqual([
      { heading: '', text: 'Intro bold.' },
      { heading: 'Rules', text: 'One rule.\nTwo.\n\nx: y' },
    ]);
    expect(splitSentences('First one. Second one? third stays\nA line')).toEqual([
      'First one.',
      'Second one? third stays',
      'A line',
    ]);
  });

  it('cites the help-centre page', () => {
    expect(citationFor({ id: 'a1', slug: 'paying-early', locale: 'sv', title: 'Betala i förtid' })).toEqual({
      articleId: 'a1',
      title: 'Betala i förtid',
      url: '/help/sv/paying-early',
    });
  });
});

describe('retrieval quality on the real help centre', () => {
  const indexes = new Map<string, KnowledgeBaseIndex>();

  beforeAll(async () => {
    const articles: KbSourceArticle[] = (await readArticleFiles()).map((a) => ({
      id: `${a.locale}/${a.slug}`,
      slug: a.slug,
      locale: a.locale,
      title: a.title,
      tags: a.tags,
      bodyMarkdown: a.body,
    }));
    for (const locale of KB_LOCALES) indexes.set(locale, buildKnowledgeBaseIndex(articles, locale));
  });

  const run = (locale: KbLocale, questions = KB_QUESTIONS) =>
    questions
      .filter((q) => q.locale === locale)
      .map((q) => ({
        ...q,
        hits: searchKnowledgeBase(indexes.get(locale)!, q.question, { limit: 3 }),
      }));

  // en and sv are held to the bar they had before; the six newer languages to what their
  // held-out questions reach today (see `npm run bench:kb`), so a regression fails.
  const TOP1: Record<KbLocale, number> = {
    en: 0.85,
    sv: 0.85,
    de: 0.6,
    fr: 0.75,
    es: 0.7,
    it: 0.7,
    nl: 0.6,
    vi: 0.65,
  };

  it.each(KB_LOCALES)('%s: top-1 accuracy on answerable questions', (locale) => {
    const answerable = run(locale).filter((r) => r.expectedSlug !== null);
    expect(answerable.length).toBeGreaterThanOrEqual(locale === 'en' || locale === 'sv' ? 30 : 20);
    const correct = answerable.filter((r) => r.hits[0]?.slug === r.expectedSlug);
    const misses = answerable.filter((r) => r.hits[0]?.slug !== r.expectedSlug).map((r) => r.question);
    expect(correct.length / answerable.length, misses.join('\n')).toBeGreaterThanOrEqual(TOP1[locale]);
  });

  it.each(KB_LOCALES)('%s: ≥ 85% of unanswerable questions fall below the threshold', (locale) => {
    const unanswerable = run(locale).filter((r) => r.expectedSlug === null);
    expect(unanswerable.length).toBeGreaterThanOrEqual(8);
    const rejected = unanswerable.filter((r) => (r.hits[0]?.confidence ?? 0) < KB_ANSWER_THRESHOLD);
    expect(rejected.length / unanswerable.length).toBeGreaterThanOrEqual(0.85);
    for (const r of unanswerable) {
      if ((r.hits[0]?.confidence ?? 0) < KB_ANSWER_THRESHOLD) {
        expect(answerFromKnowledgeBase(r.question, r.hits)).toEqual({ kind: 'no_answer' });
      }
    }
  });

  it('reports figures on held-out questions only', () => {
    const { tune, test } = kbQuestionSplit(KB_QUESTIONS);
    expect(tune.length + test.length).toBe(KB_QUESTIONS.length);
    expect(test.length).toBeGreaterThan(tune.length);
    for (const locale of KB_LOCALES) expect(test.some((q) => q.locale === locale)).toBe(true);
  });

  it.each(KB_LOCALES)('%s: answers quote the right article and cite it', (locale) => {
    let answered = 0;
    for (const r of run(locale).filter((q) => q.expectedSlug !== null)) {
      const index = indexes.get(locale)!;
      const answer = answerFromKnowledgeBase(r.question, r.hits, { index });
      if (answer.kind === 'no_answer' || r.hits[0]?.slug !== r.expectedSlug) continue;
      answered++;
      expect(answer.locale).toBe(locale);
      expect(answer.citations).toEqual([
        {
          articleId: `${locale}/${r.expectedSlug}`,
          title: r.hits[0]!.title,
          url: `/help/${locale}/${r.expectedSlug}`,
        },
      ]);
      expect(answer.text.startsWith(KB_ANSWER_LEAD_IN[locale])).toBe(true);
      // Extractive: everything after the lead-in is whole sentences of the passage.
      const quoted = answer.text.slice(KB_ANSWER_LEAD_IN[locale].length).trim();
      expect(
        splitSentences(r.hits[0]!.passage)
          .filter((s) => quoted.includes(s))
          .join(' '),
      ).toBe(quoted);
    }
    // Most right answers are also confident enough to be given.
    expect(answered).toBeGreaterThanOrEqual(locale === 'en' || locale === 'sv' ? 20 : 10);
  });

  it('quotes the sentence that answers, not the first one of the passage', () => {
    const question = '¿Cuánto me cobráis si pago tarde?';
    const index = indexes.get('es')!;
    const answer = answerFromKnowledgeBase(question, searchKnowledgeBase(index, question), { index });
    expect(answer.kind).toBe('answer');
    if (answer.kind === 'answer') {
      expect(answer.citations[0]?.url).toBe('/help/es/fees-and-late-fees');
      expect(answer.text).toMatch(/recargo/);
      expect(answer.text).not.toMatch(/no tiene comisiones de cuenta/);
    }
  });

  it('answers in the article language, with typos in the question', () => {
    const en = answerFromKnowledgeBase(
      'how do i postpne a payment',
      searchKnowledgeBase(indexes.get('en')!, 'how do i postpne a payment'),
    );
    expect(en.kind).toBe('answer');
    if (en.kind === 'answer') {
      expect(en.text).toMatch(/^From our help centre: /);
      expect(en.citations[0]?.url).toBe('/help/en/postponing-a-payment');
    }
    const sv = answerFromKnowledgeBase(
      'hur skjuter jag upp en betalnig',
      searchKnowledgeBase(indexes.get('sv')!, 'hur skjuter jag upp en betalnig'),
    );
    expect(sv.kind === 'answer' && sv.text.startsWith('Från vårt hjälpcenter: ')).toBe(true);
  });
});

describe('createKnowledgeBaseSearch on pglite', () => {
  let database: Database;

  beforeAll(async () => {
    database = await openDatabase({ kind: 'pglite', dataDir: undefined, schema: 'public' });
    await migrate(database);
  });

  afterAll(async () => {
    await database?.close();
  });

  it('builds the index from kb_articles per locale, and rebuilds after invalidate', async () => {
    const kb = createKnowledgeBaseSearch(database.db);
    expect(await kb.search('en', 'late fee')).toEqual([]);
    await importKnowledgeBase(database.db);
    // Still the cached, empty index until invalidated.
    expect(await kb.search('en', 'late fee')).toEqual([]);
    kb.invalidate();
    const [hit] = await kb.search('en', 'What is the late fee?', { limit: 1 });
    expect(hit?.slug).toBe('fees-and-late-fees');
    expect(hit?.confidence).toBeGreaterThanOrEqual(KB_ANSWER_THRESHOLD);
    const row = await database.db
      .selectFrom('kb_articles')
      .select('id')
      .where('slug', '=', 'fees-and-late-fees')
      .where('locale', '=', 'en')
      .executeTakeFirstOrThrow();
    expect(hit?.articleId).toBe(row.id);
    const [sv] = await kb.search('sv-SE', 'Vad kostar det om jag betalar för sent?', { limit: 1 });
    expect(sv?.locale).toBe('sv');
    expect(sv?.slug).toBe('fees-and-late-fees');
    expect(
      await kb.search('en', 'How do I bake sourdough bread?').then((h) => h[0]?.confidence ?? 0),
    ).toBeLessThan(KB_ANSWER_THRESHOLD);
  });
});
