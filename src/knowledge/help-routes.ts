import { z } from 'zod';
import { notFound } from '../platform/errors.js';
import type { RouteModule } from '../platform/http/types.js';
import { getArticle, KB_LOCALES, type KbLocale, listArticles } from './list-articles.js';
import type { KnowledgeBaseSearch } from './search-articles.js';

const localeSchema = z.enum(KB_LOCALES as [KbLocale, ...KbLocale[]]);

const hitSchema = z.object({
  articleId: z.string(),
  slug: z.string(),
  title: z.string(),
  locale: z.string(),
  passage: z.string(),
  score: z.number(),
  confidence: z.number(),
});

/**
 * The public help centre: no authentication, read-only. Takes the app's one search index
 * (shared with the assistant); a restart or `invalidate()` picks up newly imported articles.
 */
export const helpRoutes =
  (knowledgeBase: KnowledgeBaseSearch): RouteModule =>
  (app, deps) => {
    app.get(
      '/api/v1/help/articles',
      {
        schema: {
          tags: ['help'],
          summary: 'Help-centre articles of one language (no bodies)',
          querystring: z.object({ locale: localeSchema.default('en') }),
          response: {
            200: z.object({
              articles: z.array(z.object({ slug: z.string(), title: z.string(), tags: z.array(z.string()) })),
            }),
          },
        },
      },
      async (request) => ({
        articles: (await listArticles(deps.db, request.query.locale)).map((a) => ({
          slug: a.slug,
          title: a.title,
          tags: a.tags,
        })),
      }),
    );

    app.get(
      '/api/v1/help/articles/:locale/:slug',
      {
        schema: {
          tags: ['help'],
          summary: 'One help-centre article with its Markdown body',
          params: z.object({ locale: localeSchema, slug: z.string().min(1).max(200) }),
          response: {
            200: z.object({
              article: z.object({
                slug: z.string(),
                locale: z.string(),
                title: z.string(),
                tags: z.array(z.string()),
                bodyMarkdown: z.string(),
                updatedAt: z.string(),
              }),
            }),
          },
        },
      },
      async (request) => {
        const article = await getArticle(deps.db, request.params.slug, request.params.locale);
        if (!article) throw notFound('Article');
        return {
          article: {
            slug: article.slug,
            locale: article.locale,
            title: article.title,
            tags: article.tags,
            bodyMarkdown: article.bodyMarkdown,
            updatedAt: article.updatedAt.toISOString(),
          },
        };
      },
    );

    app.get(
      '/api/v1/help/search',
      {
        schema: {
          tags: ['help'],
          summary: 'Search the help centre; each hit has a confidence between 0 and 1',
          querystring: z.object({
            locale: localeSchema.default('en'),
            q: z.string().trim().min(1).max(500),
            limit: z.coerce.number().int().min(1).max(20).default(5),
          }),
          response: { 200: z.object({ hits: z.array(hitSchema) }) },
        },
      },
      async (request) => ({
        hits: await knowledgeBase.search(request.query.locale, request.query.q, {
          limit: request.query.limit,
        }),
      }),
    );
  };
