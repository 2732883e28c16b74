import type { TandemChatApi } from '../widget/types';

let chatWidget: Promise<TandemChatApi> | undefined;

/**
 * Loads the embeddable chat widget (dist/web/widget.js) once per page. The demo page and the
 * hotline's text channel use it, so the customer-facing chat has one implementation.
 */
export function loadChatWidget(): Promise<TandemChatApi> {
  chatWidget ??= new Promise<TandemChatApi>((resolve, reject) => {
    if (window.TandemChat) return resolve(window.TandemChat);
    const script = document.createElement('script');
    script.src = '/widget.js';
    script.async = true;
    script.onload = () =>
      window.TandemChat ? resolve(window.TandemChat) : reject(new Error('widget.js did not load'));
    script.onerror = () => {
      chatWidget = undefined;
      script.remove();
      reject(new Error('Could not load /widget.js'));
    };
    document.head.append(script);
  });
  return chatWidget;
}
