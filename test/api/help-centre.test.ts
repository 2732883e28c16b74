import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCode, injector } from '../support/http.js';
import { startTestServer, type TestServer } from '../support/test-server.js';

describe('public help centre API', () => {
  let server: TestServer;
  const inject = injector(() => server);
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => server?.close());

  it('lists articles per language and serves one by slug', async () => {
    const sv = (await inject({ method: 'GET', url: '/api/v1/help/articles?locale=sv' })).json() as {
      articles: { slug: string; title: string }[];
    };
    expect(sv.articles.length).toBeGreaterThanOrEqual(20);
    const one = await inject({ method: 'GET', url: `/api/v1/help/articles/sv/${sv.articles[0]!.slug}` });
    expect(one.statusCode).toBe(200);
    const missing = await inject({ method: 'GET', url: '/api/v1/help/articles/sv/no-such-article' });
    expect(missing.statusCode).toBe(404);
    expect(errorCode(missing)).toBe('not_found');
  });

  it('finds the returns article for a Swedish question, with a citation link', async () => {
    const res = await inject({
      method: 'GET',
      url: `/api/v1/help/search?locale=sv&q=${encodeURIComponent('hur gör jag en retur?')}`,
    });
    expect(res.statusCode).toBe(200);
    const hits = (res.json() as { hits: { slug: string; title: string }[] }).hits;
    expect(hits[0]?.slug).toBe('returns-and-refunds');
  });

  it('serves and searches the help centre in every language, in that language', async () => {
    const questions = {
      de: 'Wie schicke ich etwas zurück?',
      fr: 'Comment renvoyer un article ?',
      es: '¿Cómo devuelvo un producto?',
      it: 'Come faccio un reso?',
      nl: 'Hoe stuur ik een product terug?',
      vi: 'Làm thế nào để trả lại hàng?',
    };
    for (const [locale, q] of Object.entries(questions)) {
      const list = (
        await inject({ method: 'GET', url: `/api/v1/help/articles?locale=${locale}` })
      ).json() as {
        articles: unknown[];
      };
      expect(list.articles.length, locale).toBeGreaterThanOrEqual(20);
      const res = await inject({
        method: 'GET',
        url: `/api/v1/help/search?locale=${locale}&q=${encodeURIComponent(q)}`,
      });
      expect(res.statusCode).toBe(200);
      const [hit] = (res.json() as { hits: { slug: string; locale: string }[] }).hits;
      expect(hit, locale).toMatchObject({ slug: 'returns-and-refunds', locale });
    }
    expect((await inject({ method: 'GET', url: '/api/v1/help/articles?locale=pt' })).statusCode).toBe(400);
  });

  it('rejects an empty or oversized query', async () => {
    expect((await inject({ method: 'GET', url: '/api/v1/help/search?locale=en&q=' })).statusCode).toBe(400);
    const long = await inject({ method: 'GET', url: `/api/v1/help/search?locale=en&q=${'a'.repeat(600)}` });
    expect(long.statusCode).toBe(400);
  });
});
