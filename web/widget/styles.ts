/** Lives in the widget's shadow root, so neither the host page's CSS nor ours leaks across. */
export const WIDGET_CSS = `
:host { all: initial; display: block; font-family: system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif;
  font-size: 15px; line-height: 1.45; color: #17202a; --tc-accent: #0b5fff; --tc-ink: #17202a;
  --tc-muted: #5b6672; --tc-line: #dfe3e8; --tc-bg: #ffffff; --tc-soft: #f3f5f8; }
* { box-sizing: border-box; }
[hidden] { display: none !important; }
button, textarea { font: inherit; color: inherit; }
:focus-visible { outline: 3px solid var(--tc-accent); outline-offset: 2px; }
.tc-panel { display: flex; flex-direction: column; background: var(--tc-bg); border: 1px solid var(--tc-line);
  border-radius: 16px; overflow: hidden; height: 520px; max-height: 80vh; box-shadow: 0 6px 24px rgba(23,32,42,.08); }
.tc-floating .tc-panel { position: fixed; right: 20px; bottom: 88px; width: min(380px, calc(100vw - 24px));
  height: min(600px, calc(100vh - 120px)); z-index: 2147483000; box-shadow: 0 12px 40px rgba(23,32,42,.25); }
.tc-launcher { position: fixed; right: 20px; bottom: 20px; z-index: 2147483000; border: 0; border-radius: 999px;
  background: var(--tc-ink); color: #fff; padding: 12px 18px; font-weight: 600; cursor: pointer;
  box-shadow: 0 6px 20px rgba(23,32,42,.3); }
.tc-header { display: flex; align-items: center; gap: 12px; padding: 12px 16px; background: var(--tc-ink); color: #fff; }
.tc-header-text { flex: 1; min-width: 0; }
.tc-title { margin: 0; font-size: 16px; font-weight: 700; }
.tc-subtitle { margin: 0; font-size: 12.5px; opacity: .8; }
.tc-close { border: 0; background: transparent; color: #fff; font-size: 22px; line-height: 1; width: 32px;
  height: 32px; border-radius: 8px; cursor: pointer; }
.tc-close:hover { background: rgba(255,255,255,.12); }
.tc-close:focus-visible { outline-color: #fff; }
.tc-banner { padding: 10px 16px; background: #fff6db; border-bottom: 1px solid #f0dfa8; font-size: 14px; }
.tc-banner strong { display: block; }
.tc-banner span { display: block; color: #4d3d00; }
.tc-banner-action { margin: 8px 8px 0 0; border: 1px solid #8a6d00; background: #fff; color: #4d3d00; border-radius: 999px;
  padding: 5px 12px; font: inherit; font-size: 13px; cursor: pointer; }
.tc-banner-action:focus-visible { outline: 2px solid var(--tc-ink); outline-offset: 2px; }
.tc-banner-action:disabled { opacity: .6; cursor: default; }
.tc-banner.tc-with-human { background: #e6f6ec; border-color: #b9e2c7; }
.tc-log { flex: 1; overflow-y: auto; padding: 14px 12px; margin: 0; list-style: none; display: flex;
  flex-direction: column; gap: 10px; background: var(--tc-soft); }
.tc-msg { max-width: 85%; display: flex; flex-direction: column; gap: 2px; }
.tc-msg-customer { align-self: flex-end; align-items: flex-end; }
.tc-msg-system { align-self: center; align-items: center; max-width: 95%; }
.tc-msg-system .tc-who { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); }
.tc-who { font-size: 11.5px; color: var(--tc-muted); padding: 0 6px; }
.tc-bubble { padding: 9px 12px; border-radius: 14px; background: #fff; border: 1px solid var(--tc-line);
  white-space: pre-wrap; overflow-wrap: anywhere; }
.tc-msg-customer .tc-bubble { background: var(--tc-accent); border-color: var(--tc-accent); color: #fff; }
.tc-msg-agent .tc-bubble { border-color: #6bbf8a; }
.tc-msg-system .tc-bubble { background: transparent; border: 0; color: var(--tc-muted); font-size: 13px; text-align: center; }
.tc-msg-pending .tc-bubble { opacity: .7; }
.tc-msg-failed .tc-bubble { background: #fde8e8; border-color: #e5a1a1; color: #7a1010; }
.tc-citations { margin: 4px 0 0; padding: 0 6px; font-size: 13px; }
.tc-citations-label { color: var(--tc-muted); }
.tc-citations ul { margin: 2px 0 0; padding-left: 18px; }
.tc-citations a { color: var(--tc-accent); }
.tc-failed { font-size: 12.5px; color: #7a1010; display: flex; gap: 8px; align-items: center; padding: 0 6px; }
.tc-link-button { border: 0; background: none; padding: 0; color: var(--tc-accent); text-decoration: underline; cursor: pointer; }
.tc-typing { padding: 4px 16px 0; font-size: 13px; color: var(--tc-muted); background: var(--tc-soft); min-height: 22px; }
.tc-dots { display: inline-flex; gap: 3px; margin-right: 6px; vertical-align: middle; }
.tc-dots i { width: 6px; height: 6px; border-radius: 50%; background: var(--tc-muted); animation: tc-blink 1.2s infinite; }
.tc-dots i:nth-child(2) { animation-delay: .2s; } .tc-dots i:nth-child(3) { animation-delay: .4s; }
@keyframes tc-blink { 0%, 80%, 100% { opacity: .25; } 40% { opacity: 1; } }
@media (prefers-reduced-motion: reduce) { .tc-dots i { animation: none; } }
.tc-rating { padding: 10px 16px; border-top: 1px solid #e5e7eb; font-size: 14px; }
.tc-rating-form { display: flex; flex-direction: column; gap: 6px; }
.tc-stars { border: 0; margin: 0; padding: 0; display: flex; gap: 4px; }
.tc-stars legend { font-weight: 600; margin-bottom: 4px; }
.tc-star { font-size: 24px; color: #c4c7cc; cursor: pointer; }
.tc-star-input { position: absolute; opacity: 0; width: 1px; height: 1px; }
.tc-star:has(.tc-star-input:checked), .tc-star:has(~ .tc-star .tc-star-input:checked) { color: #e0a100; }
.tc-star:has(.tc-star-input:focus-visible) { outline: 2px solid #1f5eff; outline-offset: 2px; }
.tc-rating-thanks { margin: 0; }
.tc-error { padding: 8px 16px; background: #fde8e8; color: #7a1010; font-size: 14px; display: flex; gap: 8px; }
.tc-compose { border-top: 1px solid var(--tc-line); padding: 10px 12px 12px; display: flex; flex-direction: column; gap: 8px; }
.tc-visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
.tc-row { display: flex; gap: 8px; align-items: flex-end; }
.tc-input { flex: 1; resize: none; min-height: 42px; max-height: 140px; padding: 9px 12px; border: 1px solid #aeb6bf;
  border-radius: 10px; background: #fff; }
.tc-send { border: 0; border-radius: 10px; background: var(--tc-accent); color: #fff; font-weight: 600;
  padding: 10px 16px; cursor: pointer; }
.tc-send:disabled { opacity: .5; cursor: default; }
.tc-foot { display: flex; justify-content: space-between; align-items: center; gap: 8px; }
.tc-human { border: 1px solid var(--tc-ink); background: #fff; border-radius: 999px; padding: 6px 14px;
  font-weight: 600; font-size: 13.5px; cursor: pointer; }
.tc-human:hover { background: var(--tc-soft); }
.tc-human:disabled { opacity: .5; cursor: default; }
.tc-counter { font-size: 12px; color: var(--tc-muted); font-variant-numeric: tabular-nums; }
.tc-counter.tc-near { color: #a3460a; font-weight: 600; }
`;
