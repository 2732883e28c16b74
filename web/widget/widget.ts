/**
 * The embeddable Tandem chat widget, built to dist/web/widget.js (IIFE, no dependencies).
 *
 *   <script src="/widget.js" data-locale="sv-SE" data-customer-token="…" data-api-base=""
 *           data-mount="#tandem-chat-widget-slot" defer></script>
 *
 * or, when the host gets the token later: `window.TandemChat.open({ token, locale, mount })`.
 */
import { ChatWidget } from './chat';
import type { OpenOptions, TandemChatApi } from './types';

let current: ChatWidget | undefined;

function open(options: OpenOptions = {}): void {
  const locale = options.locale;
  if (
    current?.attached &&
    current.token === (options.token || undefined) &&
    (locale === undefined || current.locale === locale) &&
    current.mountKey === options.mount &&
    current.channel === (options.channel ?? 'chat')
  ) {
    current.setOpen(true);
    return;
  }
  current?.destroy();
  const widget = new ChatWidget(options);
  current = widget;
  void widget.start();
}

function close(): void {
  current?.destroy();
  current = undefined;
}

export const TandemChat: TandemChatApi = { open, close };

if (typeof window !== 'undefined' && !window.TandemChat) {
  window.TandemChat = TandemChat;
  // A <script> tag that carries a token or a mount point opens the chat by itself.
  const script = document.currentScript;
  if (script instanceof HTMLScriptElement && (script.dataset.customerToken || script.dataset.mount)) {
    const options: OpenOptions = {
      token: script.dataset.customerToken,
      locale: script.dataset.locale,
      mount: script.dataset.mount,
      apiBase: script.dataset.apiBase,
    };
    const go = () => open(options);
    if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', go, { once: true });
    else go();
  }
}
