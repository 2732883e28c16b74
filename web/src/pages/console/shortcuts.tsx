import { useEffect, useRef } from 'react';

export const REPLY_BOX_ID = 'console-reply';

interface ShortcutActions {
  accept: () => void;
  decline: () => void;
  switchTo: (n: number) => void;
}

/**
 * Alt+A accepts the oldest offer, Alt+D declines it, Alt+1…9 opens that conversation, Alt+R moves to the
 * reply box. `event.code` keeps them working whatever the keyboard layout types with Alt.
 */
export function useConsoleShortcuts(actions: ShortcutActions): void {
  const ref = useRef(actions);
  ref.current = actions;
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!e.altKey || e.ctrlKey || e.metaKey || e.shiftKey) return;
      const digit = /^Digit([1-9])$/.exec(e.code);
      if (e.code === 'KeyA') ref.current.accept();
      else if (e.code === 'KeyD') ref.current.decline();
      else if (e.code === 'KeyR') document.getElementById(REPLY_BOX_ID)?.focus();
      else if (digit) ref.current.switchTo(Number(digit[1]));
      else return;
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}

const SHORTCUTS: [string, string][] = [
  ['Alt+A', 'Accept the oldest offer'],
  ['Alt+D', 'Decline the oldest offer'],
  ['Alt+1 … Alt+9', 'Open conversation 1 to 9'],
  ['Alt+R', 'Go to the reply box'],
  ['Enter', 'Send the reply (Shift+Enter: new line)'],
];

export function ShortcutHelp() {
  return (
    <section className="card shortcut-help" aria-labelledby="shortcuts-title" data-testid="shortcuts">
      <h2 id="shortcuts-title">Keyboard shortcuts</h2>
      <dl>
        {SHORTCUTS.map(([keys, what]) => (
          <div key={keys}>
            <dt>
              {keys.split(' … ').map((k, i) => (
                <span key={k}>
                  {i > 0 ? ' … ' : ''}
                  <kbd>{k}</kbd>
                </span>
              ))}
            </dt>
            <dd>{what}</dd>
          </div>
        ))}
      </dl>
      <p className="small muted">
        Tab moves through everything on the page; the focused control is outlined.
      </p>
    </section>
  );
}
