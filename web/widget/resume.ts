/**
 * Remembers a conversation a person is involved in (waiting for or talking to one), so a
 * customer who reloads or comes back finds it, and the "we will contact you here" promise holds.
 * A signed-in customer's is kept per customer (token subject) for a day; an anonymous visitor's
 * only for this tab, so the next person at a shared computer never sees it.
 */
const DAY_MS = 24 * 60 * 60 * 1000;

interface Saved {
  id: string;
  savedAt: number;
}

function tokenSubject(token: string): string | undefined {
  try {
    const payload = token.split('.')[1];
    if (!payload) return undefined;
    const json = JSON.parse(atob(payload.replace(/-/g, '+').replace(/_/g, '/'))) as { sub?: unknown };
    return typeof json.sub === 'string' ? json.sub : undefined;
  } catch {
    return undefined;
  }
}

function place(token: string | undefined): { storage: Storage; key: string } | undefined {
  try {
    if (!token) return { storage: window.sessionStorage, key: 'tandem-chat:anonymous' };
    const sub = tokenSubject(token);
    return sub ? { storage: window.localStorage, key: `tandem-chat:${sub}` } : undefined;
  } catch {
    return undefined; // storage disabled (privacy mode): nothing to resume
  }
}

export function rememberConversation(token: string | undefined, id: string | undefined): void {
  const where = place(token);
  if (!where) return;
  try {
    if (id) where.storage.setItem(where.key, JSON.stringify({ id, savedAt: Date.now() } satisfies Saved));
    else where.storage.removeItem(where.key);
  } catch {}
}

export function rememberedConversation(token: string | undefined): string | undefined {
  const where = place(token);
  if (!where) return undefined;
  try {
    const saved = JSON.parse(where.storage.getItem(where.key) ?? 'null') as Saved | null;
    if (saved && typeof saved.id === 'string' && Date.now() - saved.savedAt < DAY_MS) return saved.id;
  } catch {}
  return undefined;
}
