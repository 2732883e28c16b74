import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, openDatabase } from '../platform/db/database.js';
import { migrate } from '../platform/db/migrate.js';
import { parseFrontMatter } from './front-matter.js';
import { importKnowledgeBase, KB_DIR, parseArticle, readArticleFiles } from './import-articles.js';
import { getArticle, KB_LOCALES, kbLocaleFor, listArticles } from './list-articles.js';

describe('parseFrontMatter', () => {
  it('reads keys, quoted values and lists', () => {
    const doc = parseFrontMatter('---\nslug: a-b\ntitle: "Hello: world"\ntags: [x, "y z"]\n---\n\nBody\n');
    expect(doc.attributes).toEqual({ slug: 'a-b', title: 'Hello: world', tags: ['x', 'y z'] });
    expect(doc.body).toBe('Body');
  });

  it('rejects malformed front matter', () => {
    expect(() => parseFrontMatter('no front matter')).toThrow(/must start/);
    expect(() => parseFrontMatter('---\nslug: a\n')).toThrow(/not closed/);
    expect(() => parseFrontMatter('---\njust text\n---\nbody')).toThrow(/key: value/);
    expect(() => parseFrontMatter('---\na: 1\na: 2\n---\nbody')).toThrow(/twice/);
    expect(() => parseFrontMatter('---\ntags: [a, b\n---\nbody')).toThrow(/not closed/);
  });

  it('validates article fields', () => {
    expect(() => parseArticle('---\nslug: Not_Kebab\ntitle: T\n---\nbody', 'en')).toThrow(/kebab-case/);
    expect(() => parseArticle('---\nslug: ok\n---\nbody', 'en')).toThrow(/title/);
    expect(() => parseArticle('---\nslug: ok\ntitle: T\n---\n', 'en')).toThrow(/no body/);
  });
});

describe('help-centre content', () => {
  it('has the same articles in every language, each a sensible length', async () => {
    const articles = await readArticleFiles();
    const slugs = (locale: string) =>
      articles
        .filter((a) => a.locale === locale)
        .map((a) => a.slug)
        .sort();
    expect(slugs('en').length).toBeGreaterThanOrEqual(20);
    for (const locale of KB_LOCALES) expect(slugs(locale), locale).toEqual(slugs('en'));
    for (const article of articles) {
      const words = article.body.split(/\s+/).filter(Boolean).length;
      // Vietnamese writes every syllable apart, so the same text has more "words".
      const max = article.locale === 'vi' ? 500 : 350;
      expect(words, article.file).toBeGreaterThanOrEqual(120);
      expect(words, article.file).toBeLessThanOrEqual(max);
      expect(article.tags.length, article.file).toBeGreaterThan(0);
    }
  });

  it('states the same key numbers in every language', async () => {
    const articles = await readArticleFiles();
    const body = (slug: string, locale: string) =>
      articles.find((a) => a.slug === slug && a.locale === locale)!.body;
    for (const locale of KB_LOCALES) {
      expect(body('fees-and-late-fees', locale), locale).toMatch(/60 kr/);
      expect(body('fees-and-late-fees', locale), locale).toMatch(/\b10\b/);
      expect(body('postponing-a-payment', locale), locale).toMatch(/\b14\b/);
      expect(body('monthly-financing-and-apr', locale), locale).toMatch(/29[.,]99/);
      expect(body('founder-hotline', locale), locale).toMatch(/\b(AI|KI|IA)\b/);
      expect(body('disputes', locale), locale).toMatch(/\b180\b/);
      expect(body('returns-and-refunds', locale), locale).toMatch(/\b14\b/);
    }
  });
});

interface Target {
  name: string;
  open: () => Promise<Database>;
  cleanup: (database: Database) => Promise<void>;
}

const targets: Target[] = [
  {
    name: 'pglite',
    open: () => openDatabase({ kind: 'pglite', dataDir: undefined, schema: 'public' }),
    cleanup: async () => {},
  },
];
const url = process.env.DATABASE_URL;
if (url) {
  const schema = `kb_test_${process.pid}_${Date.now().toString(36)}`;
  targets.push({
    name: 'postgres',
    open: () => openDatabase({ kind: 'postgres', url, poolSize: 2, schema }),
    cleanup: async (database) => {
      await database.pool?.query(`drop schema if exists ${schema} cascade`);
    },
  });
}

describe.each(targets)('importKnowledgeBase on $name', (target) => {
  let database: Database;
  let dir: string;

  beforeAll(async () => {
    database = await target.open();
    await migrate(database);
    dir = await mkdtemp(join(tmpdir(), 'tandem-kb-'));
    await cp(KB_DIR, dir, { recursive: true });
  });

  afterAll(async () => {
    if (database) {
      await target.cleanup(database);
      await database.close();
    }
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  const auditRows = () =>
    database.db
      .selectFrom('audit_log')
      .select(['action', 'actor_type'])
      .where('entity_type', '=', 'kb_article')
      .orderBy('id')
      .execute();

  it('imports every article once, with an audit row each', async () => {
    const files = await readArticleFiles(dir);
    const result = await importKnowledgeBase(database.db, dir);
    expect(result.created).toHaveLength(files.length);
    expect(result.updated).toEqual([]);
    const audit = await auditRows();
    expect(audit).toHaveLength(files.length);
    expect(audit.every((a) => a.action === 'kb.article_created' && a.actor_type === 'system')).toBe(true);
  });

  it('is idempotent: a second run changes nothing and audits nothing', async () => {
    const before = (await auditRows()).length;
    const result = await importKnowledgeBase(database.db, dir);
    expect(result.created).toEqual([]);
    expect(result.updated).toEqual([]);
    expect(result.unchanged).toBeGreaterThanOrEqual(40);
    expect((await auditRows()).length).toBe(before);
  });

  it('updates a changed article and audits only that change', async () => {
    const file = join(dir, 'sv', 'paying-early.md');
    const text = await readFile(file, 'utf8');
    await writeFile(
      file,
      text.replace('Det kostar aldrig något.', 'Det kostar aldrig något, oavsett belopp.'),
    );
    const before = (await auditRows()).length;
    const result = await importKnowledgeBase(database.db, dir);
    expect(result.updated).toEqual(['sv/paying-early']);
    expect(result.created).toEqual([]);
    const audit = await auditRows();
    expect(audit).toHaveLength(before + 1);
    expect(audit.at(-1)?.action).toBe('kb.article_updated');
    const article = await getArticle(database.db, 'paying-early', 'sv');
    expect(article?.bodyMarkdown).toContain('oavsett belopp');
  });

  it('lists and reads articles by locale and slug', async () => {
    const en = await listArticles(database.db, 'en');
    const sv = await listArticles(database.db, 'sv');
    expect(en.length).toBe(sv.length);
    expect(en.map((a) => a.title)).toContain('How Pay in 4 works');
    expect(sv.map((a) => a.title)).toContain('Så fungerar Dela upp i 4');
    const article = await getArticle(database.db, 'disputes', kbLocaleFor('sv-SE'));
    expect(article?.title).toBe('Ärenden och tvister');
    expect(article?.tags).toContain('tvister');
    expect(await getArticle(database.db, 'no-such-article', 'en')).toBeUndefined();
    expect((await getArticle(database.db, 'disputes', 'de', { fallback: true }))?.title).toBe(
      'Reklamationen',
    );
    expect((await getArticle(database.db, 'disputes', 'pt', { fallback: true }))?.locale).toBe('en');
    for (const locale of KB_LOCALES) {
      expect((await listArticles(database.db, locale)).length, locale).toBe(en.length);
    }
    expect(kbLocaleFor('en-US')).toBe('en');
    expect(kbLocaleFor('de-DE')).toBe('de');
    expect(kbLocaleFor('vi-VN')).toBe('vi');
    expect(kbLocaleFor('pt-BR')).toBe('en');
    expect(kbLocaleFor(undefined)).toBe('en');
  });
});
