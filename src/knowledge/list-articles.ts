import type { Sql } from '../platform/db/database.js';

export type KbLocale = 'en' | 'sv' | 'de' | 'fr' | 'es' | 'it' | 'nl' | 'vi';

/** Languages the help centre is written in; `content/kb/<locale>/` holds the same slugs for each. */
export const KB_LOCALES: readonly KbLocale[] = ['en', 'sv', 'de', 'fr', 'es', 'it', 'nl', 'vi'];

export interface KbArticleSummary {
  id: string;
  slug: string;
  locale: string;
  title: string;
  tags: string[];
  updatedAt: Date;
}

export interface KbArticle extends KbArticleSummary {
  bodyMarkdown: string;
}

/** The help-centre language for a customer locale such as `sv-SE`; English otherwise. */
export function kbLocaleFor(customerLocale: string | null | undefined): KbLocale {
  const language = (customerLocale ?? '').slice(0, 2).toLowerCase();
  return (KB_LOCALES as readonly string[]).includes(language) ? (language as KbLocale) : 'en';
}

/** Every article of one locale, ordered by title (no bodies). */
export async function listArticles(db: Sql, locale: string): Promise<KbArticleSummary[]> {
  const rows = await db
    .selectFrom('kb_articles')
    .select(['id', 'slug', 'locale', 'title', 'tags', 'updated_at'])
    .where('locale', '=', locale)
    .orderBy('title')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    slug: r.slug,
    locale: r.locale,
    title: r.title,
    tags: r.tags,
    updatedAt: r.updated_at,
  }));
}

/** One article by slug in `locale`; with `fallback`, the English one when it is missing. */
export async function getArticle(
  db: Sql,
  slug: string,
  locale: string,
  options: { fallback?: boolean } = {},
): Promise<KbArticle | undefined> {
  const locales = options.fallback && locale !== 'en' ? [locale, 'en'] : [locale];
  const rows = await db
    .selectFrom('kb_articles')
    .selectAll()
    .where('slug', '=', slug)
    .where('locale', 'in', locales)
    .execute();
  const row = locales.map((l) => rows.find((r) => r.locale === l)).find((r) => r !== undefined);
  if (!row) return undefined;
  return {
    id: row.id,
    slug: row.slug,
    locale: row.locale,
    title: row.title,
    tags: row.tags,
    updatedAt: row.updated_at,
    bodyMarkdown: row.body_markdown,
  };
}
