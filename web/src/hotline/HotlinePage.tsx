import { useCallback, useEffect, useId, useRef, useState } from 'react';
import type { TandemChatApi } from '../../widget/types';
import { ApiError, api, errorMessage } from '../api';
import { loadChatWidget } from '../chat-widget';
import { BrandMark } from '../demo/brand-mark';
import '../demo/demo.css';
import { BrowserCall, type CallState, type CallView, IDLE_CALL } from './browser-call';
import { endReasonText } from './call-events';
import './hotline.css';
import {
  CALL_LANGUAGES,
  type CallLanguage,
  displayNumber,
  groupLines,
  type HotlineLine,
  LANGUAGE_NAMES,
  marketName,
  type PersonaLines,
  preCallNotice,
} from './lines';

type Load<T> = { status: 'loading' } | { status: 'error'; error: unknown } | { status: 'ready'; value: T };

const STATE_TEXT: Record<CallState, string> = {
  idle: 'Not connected',
  connecting: 'Connecting…',
  listening: 'Listening: go ahead and speak',
  speaking: 'Speaking',
  ended: 'Call ended',
};

/** `/hotline`: the founder hotline's public page: the numbers, a browser call and a text version. */
export default function HotlinePage() {
  const [lines, setLines] = useState<Load<PersonaLines[]>>({ status: 'loading' });
  const [personaId, setPersonaId] = useState<string | undefined>(undefined);
  const [language, setLanguage] = useState<CallLanguage>('en');
  const personaSelect = useId();

  useEffect(() => {
    document.title = 'Founder hotline · Tandem Pay (demo)';
    const controller = new AbortController();
    api<{ lines: HotlineLine[] }>('/api/v1/hotline/lines', { signal: controller.signal })
      .then(({ lines }) => setLines({ status: 'ready', value: groupLines(lines) }))
      .catch((error: unknown) => {
        if (error instanceof DOMException && error.name === 'AbortError') return;
        setLines({ status: 'error', error });
      });
    return () => controller.abort();
  }, []);

  const personas = lines.status === 'ready' ? lines.value : [];
  const persona = personas.find((p) => p.personaId === personaId) ?? personas[0];
  const offered = new Set(persona?.lines.map((l) => l.language));
  // A language without a line for this persona cannot be chosen; fall back to the first offered.
  const chosen: CallLanguage = offered.has(language)
    ? language
    : (CALL_LANGUAGES.find((l) => offered.has(l)) ?? language);

  return (
    <div className="tp-root">
      <a className="skip-link" href="#hl-main">
        Skip to main content
      </a>
      <div className="tp-demo-bar" role="note">
        <span>
          <strong>Demo</strong> · The founder hotline of a made-up company, served by Tandem.
        </span>
        {personas.length > 1 ? (
          <span className="tp-demo-picker">
            <label htmlFor={personaSelect}>Hotline</label>
            <select
              id={personaSelect}
              value={persona?.personaId}
              onChange={(e) => setPersonaId(e.target.value)}
            >
              {personas.map((p) => (
                <option key={p.personaId} value={p.personaId}>
                  {p.personaName} ({p.company})
                </option>
              ))}
            </select>
          </span>
        ) : null}
      </div>
      <header className="tp-header">
        <div className="tp-header-inner">
          <span className="tp-logo">
            <BrandMark />
            <span>{persona?.company ?? 'Founder hotline'}</span>
          </span>
        </div>
      </header>

      <main id="hl-main" className="tp-main hl-main" tabIndex={-1}>
        {lines.status === 'loading' ? (
          <div className="tp-loading" role="status">
            <span className="tp-spinner" aria-hidden="true" /> Loading the hotline…
          </div>
        ) : null}
        {lines.status === 'error' ? (
          <div className="tp-card tp-error" role="alert">
            <p>
              {lines.error instanceof ApiError && lines.error.status === 404
                ? 'The founder hotline is not set up on this server.'
                : `Could not load the hotline: ${errorMessage(lines.error)}`}
            </p>
          </div>
        ) : null}
        {lines.status === 'ready' && !persona ? (
          <div className="tp-card tp-error" role="alert">
            <p>No hotline numbers are configured yet.</p>
          </div>
        ) : null}
        {persona ? (
          <HotlineView
            key={persona.personaId}
            persona={persona}
            language={chosen}
            offered={offered}
            onLanguage={setLanguage}
          />
        ) : null}
        {/* The text version needs no phone line: it stays available when none is configured. */}
        {lines.status !== 'loading' ? (
          <TextChannel personaName={persona?.personaName} language={chosen} />
        ) : null}
      </main>

      <footer className="tp-footer">
        <p>
          The founder hotline is part of <a href="/login">Tandem</a>, the open-source customer-engagement
          platform. The persona is always an AI, and says so.
        </p>
      </footer>
    </div>
  );
}

function HotlineView({
  persona,
  language,
  offered,
  onLanguage,
}: {
  persona: PersonaLines;
  language: CallLanguage;
  offered: ReadonlySet<string>;
  onLanguage: (language: CallLanguage) => void;
}) {
  const line = persona.lines.find((l) => l.language === language);
  const noticeId = useId();
  const [inCall, setInCall] = useState(false);
  return (
    <>
      <h1 className="tp-greeting">Call {persona.personaName}</h1>
      <p className="tp-sub">
        Tell the founder of {persona.company} what works, what does not and what you would change. You talk to
        an AI version of {persona.personaName}; the product team reads every call.
      </p>

      <div className="hl-grid">
        <section className="tp-card hl-call" aria-labelledby={`${noticeId}-h`}>
          <h2 id={`${noticeId}-h`}>Call from your browser</h2>
          <fieldset className="hl-languages">
            <legend>Language</legend>
            {CALL_LANGUAGES.map((l) => (
              <label key={l} className="hl-language">
                <input
                  type="radio"
                  name="hotline-language"
                  value={l}
                  checked={language === l}
                  disabled={!offered.has(l) || inCall}
                  onChange={() => onLanguage(l)}
                />
                {LANGUAGE_NAMES[l]}
              </label>
            ))}
          </fieldset>
          <div className="hl-notice" id={noticeId} data-testid="hotline-notice" lang={language}>
            <strong>Before you call</strong>
            <p>{preCallNotice(language, persona.personaName, persona.company)}</p>
          </div>
          <VoiceCall
            persona={persona}
            language={language}
            line={line}
            noticeId={noticeId}
            onActive={setInCall}
          />
        </section>

        <aside className="tp-card hl-numbers" aria-labelledby={`${noticeId}-numbers`}>
          <h2 id={`${noticeId}-numbers`}>Or call from a phone</h2>
          <ul>
            {persona.lines.map((l) => (
              <li key={l.number} data-testid="hotline-number">
                <a href={`tel:${l.number}`} className="hl-number">
                  {displayNumber(l.number)}
                </a>
                <span className="tp-muted tp-small">
                  {marketName(l.market)} · {LANGUAGE_NAMES[l.language] ?? l.language}
                </span>
              </li>
            ))}
          </ul>
          <p className="tp-muted tp-small">Free local numbers. Calls are recorded and transcribed.</p>
        </aside>
      </div>
    </>
  );
}

function VoiceCall({
  persona,
  language,
  line,
  noticeId,
  onActive,
}: {
  persona: PersonaLines;
  language: CallLanguage;
  line: HotlineLine | undefined;
  noticeId: string;
  /** The language cannot change during a call. */
  onActive: (active: boolean) => void;
}) {
  const [view, setView] = useState<CallView>(IDLE_CALL);
  const call = useRef<BrowserCall | undefined>(undefined);

  // Leaving the page hangs up.
  useEffect(() => () => call.current?.hangUp(), []);

  const start = useCallback(() => {
    call.current?.hangUp();
    const next = new BrowserCall(
      line ? { number: line.number, language } : { personaId: persona.personaId, language },
      setView,
    );
    call.current = next;
    void next.start();
  }, [line, language, persona.personaId]);

  const active = view.state === 'connecting' || view.state === 'listening' || view.state === 'speaking';
  const name = view.personaName || persona.personaName;
  useEffect(() => onActive(active), [active, onActive]);

  return (
    <div
      className="hl-voice"
      data-call-state={view.state}
      data-call-id={view.callId}
      data-heard-seconds={view.heardSeconds.toFixed(1)}
    >
      <div className="hl-controls">
        {active ? (
          <button
            type="button"
            className="hl-button hl-hangup"
            onClick={() => call.current?.hangUp()}
            aria-label={`Hang up the call with ${name}`}
          >
            Hang up
          </button>
        ) : (
          <button
            type="button"
            className="hl-button hl-call-button"
            onClick={start}
            aria-describedby={noticeId}
          >
            {view.state === 'ended' && view.callId ? `Call ${name} again` : `Call ${name}`}
          </button>
        )}
        <p className="hl-state" role="status" data-testid="call-state">
          <span className={`hl-dot hl-dot-${view.state}`} aria-hidden="true" />
          {/* A call that never connected (microphone refused, server unreachable) did not "end". */}
          {view.state === 'ended' && !view.callId ? STATE_TEXT.idle : STATE_TEXT[view.state]}
          {view.state === 'ended' && view.endReason && !view.problem
            ? ` · ${endReasonText(view.endReason)}`
            : ''}
        </p>
      </div>
      {view.problem ? (
        <div className="tp-card tp-error hl-problem" role="alert" data-problem={view.problem.kind}>
          <p>{view.problem.message}</p>
        </div>
      ) : null}
      {view.disclosure ? (
        <p className="hl-disclosure" data-testid="call-disclosure" lang={language}>
          <strong>{name} (AI):</strong> {view.disclosure}
        </p>
      ) : null}
      <section aria-label="Live transcript" className="hl-transcript-box">
        <h3>Transcript</h3>
        {view.transcript.length === 0 ? (
          <p className="tp-muted tp-small">
            {active
              ? 'What you and the persona say appears here.'
              : 'The transcript of your call appears here.'}
          </p>
        ) : null}
        <ol
          className="hl-transcript"
          role="log"
          aria-live="polite"
          aria-relevant="additions text"
          data-testid="transcript"
        >
          {view.transcript.map((l) => (
            <li
              key={l.seq}
              className={`hl-turn hl-turn-${l.speaker}`}
              data-speaker={l.speaker}
              data-seq={l.seq}
              lang={language}
            >
              <span className="hl-speaker">{l.speaker === 'persona' ? `${name} (AI)` : 'You'}</span>
              <span className="hl-text">{l.text}</span>
            </li>
          ))}
        </ol>
      </section>
    </div>
  );
}

/** "Prefer to type?": the same persona over the conversation API (`channel: hotline`), in the chat widget. */
// A plain id: the widget finds its mount point with a CSS selector.
const slotId = 'hotline-chat-slot';

function TextChannel({ personaName, language }: { personaName: string | undefined; language: CallLanguage }) {
  const [open, setOpen] = useState(false);
  const [problem, setProblem] = useState<string | undefined>(undefined);

  useEffect(() => {
    if (!open) return;
    let cancelled = false;
    let chat: TandemChatApi | undefined;
    loadChatWidget()
      .then((widget) => {
        if (cancelled) return;
        chat = widget;
        widget.open({
          channel: 'hotline',
          locale: language === 'sv' ? 'sv-SE' : 'en-US',
          mount: `#${slotId}`,
          title: personaName
            ? `${personaName} (AI)`
            : language === 'sv'
              ? 'Grundaren (AI)'
              : 'The founder (AI)',
          subtitle:
            language === 'sv'
              ? 'AI-version av grundaren · produktteamet läser allt'
              : 'AI version of the founder · the product team reads every chat',
        });
      })
      .catch((error: unknown) => setProblem(errorMessage(error)));
    return () => {
      cancelled = true;
      chat?.close();
    };
  }, [open, language, personaName]);

  return (
    <section className="tp-help hl-text-channel" aria-labelledby={`${slotId}-h`}>
      <h2 id={`${slotId}-h`}>Prefer to type?</h2>
      <p className="tp-muted">
        Chat with the same AI persona instead. It asks the same questions, and the product team reads the chat
        like a call.
      </p>
      <button
        type="button"
        className="tp-link-button"
        aria-expanded={open}
        aria-controls={slotId}
        onClick={() => setOpen((o) => !o)}
      >
        {open ? 'Close the chat' : `Chat with ${personaName ?? 'the founder'} (AI)`}
      </button>
      {problem ? (
        <p className="tp-error hl-problem" role="alert">
          The chat could not be opened: {problem}
        </p>
      ) : null}
      {/* The chat widget renders itself in here (shadow DOM); React leaves it empty. */}
      <div id={slotId} className="hl-chat-slot" hidden={!open} />
    </section>
  );
}
