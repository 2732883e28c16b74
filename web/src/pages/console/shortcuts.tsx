import { useEffect, useRef } from 'react';

export const REPLY_BOX_ID = 'console-reply';

interface ShortcutActions {
  accept: () => void;
  decline: () => void;
  switchTo: (n: number) => void;
}

/**
 * Alt+Shift+A accepts the oldest offer, Alt+Shift+D declines it, Alt+Shift+1…9 opens that conversation,
 * Alt+Shift+R moves to the reply box. Not plain Alt: browsers keep Alt+D (address bar) and Alt+1…8
 * (tabs, on Linux) for themselves; not Ctrl+Alt: that is AltGr, which types @ and € on European
 * keyboards. `event.code` keeps them working whatever the layout types with the modifiers.
 */
export function useConsoleShortcuts(actions: ShortcutActions): void {
  const ref = useRef(actions);
  ref.current = actions;
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!e.altKey || !e.shiftKey || e.ctrlKey || e.metaKey) return;
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
  ['Alt+Shift+A', 'Accept the oldest offer'],
  ['Alt+Shift+D', 'Decline the oldest offer'],
  ['Alt+Shift+1 … Alt+Shift+9', 'Open conversation 1 to 9'],
  ['Alt+Shift+R', 'Go to the reply box'],
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
