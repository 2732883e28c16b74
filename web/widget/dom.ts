/** Tiny DOM helpers. Text always goes in through textContent, never innerHTML, so message text is inert. */

type Attrs = Record<string, string | number | boolean | undefined>;

export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Attrs = {},
  ...children: (Node | string | null | undefined)[]
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === undefined || value === false) continue;
    if (name === 'text') node.textContent = String(value);
    else node.setAttribute(name, value === true ? '' : String(value));
  }
  for (const child of children) {
    if (child === null || child === undefined) continue;
    node.append(typeof child === 'string' ? document.createTextNode(child) : child);
  }
  return node;
}

/** Only same-site paths and http(s) links: a citation must never become a javascript: URL. */
export function safeHref(url: string, apiBase: string): string | undefined {
  try {
    const base = apiBase || window.location.origin;
    const resolved = new URL(url, base);
    if (resolved.protocol !== 'http:' && resolved.protocol !== 'https:') return undefined;
    // Keep relative links relative when the API is on this page's origin.
    return !apiBase && url.startsWith('/') && !url.startsWith('//') ? url : resolved.href;
  } catch {
    return undefined;
  }
}
