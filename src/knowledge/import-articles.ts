import { createHash, randomUUID } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { systemActor, writeAudit } from '../platform/audit/write-audit.js';
import type { Sql } from '../platform/db/database.js';
import { FrontMatterError, parseFrontMatter } from './front-matter.js';

// Works from both src/knowledge and dist/knowledge.
export const KB_DIR = fileURLToPath(new URL('../../content/kb/', import.meta.url));

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const LOCALE_DIR = /^[a-z]{2}$/;

export interface ArticleFile {
  slug: string;
  locale: string;
  title: string;
  tags: string[];
  body: string;
  file: string;
}

export interface ImportResult {
  created: string[];
  updated: string[];
  unchanged: number;
}

/** Reads `<dir>/<locale>/<slug>.md` files; the directory name is the article's locale. */
export async function readArticleFiles(dir: string = KB_DIR): Promise<ArticleFile[]> {
  const articles: ArticleFile[] = [];
  const entries = await readdir(dir, { withFileTypes: true });
  for (const entry of entries.filter((e) => e.isDirectory()).sort((a, b) => a.name.localeCompare(b.name))) {
    if (!LOCALE_DIR.test(entry.name)) continue;
    const locale = entry.name;
    const files = (await readdir(join(dir, locale))).filter((f) => f.endsWith('.md')).sort();
    const seen = new Set<string>();
    for (const name of files) {
      const file = join(dir, locale, name);
      const article = parseArticle(await readFile(file, 'utf8'), locale, file);
      if (article.slug !== name.slice(0, -3)) {
        throw new Error(`${file}: slug "${article.slug}" does not match the file name`);
      }
      if (seen.has(article.slug)) throw new Error(`${file}: duplicate slug "${article.slug}"`);
      seen.add(article.slug);
      articles.push(article);
    }
  }
  return articles;
}

export function parseArticle(text: string, locale: string, file = '(text)'): ArticleFile {
  let parsed: ReturnType<typeof parseFrontMatter>;
  try {
    parsed = parseFrontMatter(text);
  } catch (err) {
    if (err instanceof FrontMatterError) throw new Error(`${file}: ${err.message}`);
    throw err;
  }
  const { slug, title, tags = [] } = parsed.attributes;
  if (typeof slug !== 'string' || !SLUG.test(slug)) throw new Error(`${file}: "slug" must be kebab-case`);
  if (typeof title !== 'string' || title.trim() === '') throw new Error(`${file}: "title" is required`);
  if (!Array.isArray(tags)) throw new Error(`${file}: "tags" must be a [list]`);
  if (parsed.body === '') throw new Error(`${file}: the article has no body`);
  return { slug, locale, title: title.trim(), tags, body: parsed.body, file };
}

const digest = (text: string) => createHash('sha256').update(text).digest('hex').slice(0, 16);

const sameTags = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((tag, i) => tag === b[i]);

/**
 * Upserts the help-centre articles into kb_articles (unique by slug and locale) in one
 * transaction. Unchanged articles are not touched, so running it again changes nothing;
 * every created or changed article gets an audit row. Articles removed from disk are kept.
 */
export async function importKnowledgeBase(db: Sql, dir: string = KB_DIR): Promise<ImportResult> {
  const articles = await readArticleFiles(dir);
  if (articles.length === 0) throw new Error(`No articles found under ${dir}`);
  return db.transaction().execute(async (trx) => {
    const result: ImportResult = { created: [], updated: [], unchanged: 0 };
    const existing = await trx
      .selectFrom('kb_articles')
      .select(['id', 'slug', 'locale', 'title', 'body_markdown', 'tags'])
      .forUpdate()
      .execute();
    const byKey = new Map(existing.map((a) => [`${a.locale}/${a.slug}`, a]));
    for (const article of articles) {
      const key = `${article.locale}/${article.slug}`;
      const snapshot = {
        slug: article.slug,
        locale: article.locale,
        title: article.title,
        tags: article.tags,
        bodySha256: digest(article.body),
      };
      const current = byKey.get(key);
      if (!current) {
        const id = randomUUID();
        await trx
          .insertInto('kb_articles')
          .values({
            id,
            slug: article.slug,
            locale: article.locale,
            title: article.title,
            body_markdown: article.body,
            tags: article.tags,
          })
          .execute();
        await writeAudit(trx, systemActor, {
          action: 'kb.article_created',
          entityType: 'kb_article',
          entityId: id,
          after: snapshot,
        });
        result.created.push(key);
        continue;
      }
      if (
        current.title === article.title &&
        current.body_markdown === article.body &&
        sameTags(current.tags, article.tags)
      ) {
        result.unchanged++;
        continue;
      }
      await trx
        .updateTable('kb_articles')
        .set({
          title: article.title,
          body_markdown: article.body,
          tags: article.tags,
          updated_at: new Date(),
        })
        .where('id', '=', current.id)
        .execute();
      await writeAudit(trx, systemActor, {
        action: 'kb.article_updated',
        entityType: 'kb_article',
        entityId: current.id,
        before: {
          slug: current.slug,
          locale: current.locale,
          title: current.title,
          tags: current.tags,
          bodySha256: digest(current.body_markdown),
        },
        after: snapshot,
      });
      result.updated.push(key);
    }
    return result;
  });
}
