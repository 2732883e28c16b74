import { performance } from 'node:perf_hooks';
import type { Language } from '../../assistant/language/detect-language.js';
import type { HotlineCallEndReason } from '../../platform/db/schema.js';
import { endCall } from '../calls/end-call.js';
import type { CallDeps } from '../calls/hotline-deps.js';
import { recordTurn } from '../calls/record-turn.js';
import { markTurnInterrupted, recordAudioLatency, recordTurnEnd } from '../calls/update-turn.js';
import type { InterviewState } from '../interview/interview-port.js';
import type { Persona } from '../persona/persona.js';
import type { AudioCodec, CallTransport, HotlineSpeech, RecognitionSession } from './call-session-ports.js';

export interface CallSessionDeps extends CallDeps {
  speech: HotlineSpeech;
  codec: Pick<AudioCodec, 'resample'>;
}

export interface SessionCall {
  id: string;
  persona: Persona;
  language: Language;
  state: InterviewState;
}

/** How far persona audio may run ahead of real time: enough to ride out jitter, little to clear on barge-in. */
const LEAD_MS = 300;
/** After the last reply, how long to wait for the far end's playback confirmation beyond the audio's length. */
const PLAYBACK_GRACE_MS = 5_000;
/** Caller audio kept for the recording at most (then only the transcript continues). */
const MAX_RECORDING_MS = 30 * 60_000;

/** What the persona says when speech in the line's language cannot be recognised here. */
const SPEECH_UNSUPPORTED: Partial<Record<Language, string>> = {
  en: 'I am sorry, I cannot understand speech in this language on the phone yet. Please write to me in the chat at /hotline instead. Goodbye.',
  sv: 'Tyvärr kan jag inte förstå tal på svenska i telefon än. Skriv till mig i chatten på /hotline i stället. Hej då!',
  de: 'Leider verstehe ich am Telefon noch keine Sprache auf Deutsch. Bitte schreiben Sie mir im Chat unter /hotline. Auf Wiederhören!',
  fr: 'Désolé, je ne comprends pas encore la parole en français au téléphone. Écrivez-moi dans le chat sur /hotline. Au revoir !',
  es: 'Lo siento, todavía no entiendo la voz en español por teléfono. Escríbeme en el chat en /hotline. ¡Adiós!',
};

interface Playback {
  seq: number;
  abort: AbortController;
  done: Promise<void>;
  settle: () => void;
  confirmed: boolean;
}

/**
 * One live voice call, independent of the transport: caller audio → turn detection →
 * recognition (written while the caller speaks) → interview → stored turn → synthesis
 * streamed to the transport, with barge-in, per-turn latency and the end of the call.
 */
export class CallSession {
  private readonly detector;
  private readonly recogniserRate: number;
  private recognition: { session: RecognitionSession; startedAt: Date } | null = null;
  private readonly recording: Int16Array[] = [];
  private recordedSamples = 0;
  private turns: Promise<void> = Promise.resolve();
  private playback: Playback | null = null;
  private ending: Promise<void> | null = null;
  private closed = false;

  constructor(
    private readonly deps: CallSessionDeps,
    private readonly call: SessionCall,
    private readonly transport: CallTransport,
  ) {
    this.recogniserRate = deps.speech.recognizer.sampleRate;
    this.detector = deps.speech.createTurnDetector(this.recogniserRate);
  }

  /** Hung up or ending: no more persona audio. */
  private get stopping() {
    return this.closed || this.ending !== null;
  }

  get callId() {
    return this.call.id;
  }

  /** Speaks the opening (disclosure, first question); or, when speech in this language cannot be recognised, says so and ends. */
  begin(): Promise<void> {
    return this.serially(async () => {
      const { persona, language } = this.call;
      if (!this.deps.speech.recognizer.supports(language)) {
        const text = [persona.disclosure[language], SPEECH_UNSUPPORTED[language] ?? SPEECH_UNSUPPORTED.en]
          .filter(Boolean)
          .join(' ');
        const turn = await this.record({ speaker: 'persona', text, startedAt: this.deps.clock.now() });
        if (turn) await this.speak(turn.seq, [text], null);
        void this.end('completed');
        return;
      }
      const open = this.deps.interview.open(persona, language);
      this.call.state = open.state;
      const text = open.replies.join(' ');
      const turn = await this.record({
        speaker: 'persona',
        text,
        startedAt: this.deps.clock.now(),
        passageId: open.passageId,
        interviewState: open.state,
      });
      if (turn) await this.speak(turn.seq, open.replies, null);
    });
  }

  /** Caller audio at the transport's rate, in arrival order. */
  pushAudio(samples: Int16Array): void {
    if (this.ending || !samples.length) return;
    if ((this.recordedSamples / this.transport.sampleRate) * 1000 < MAX_RECORDING_MS) {
      this.recording.push(samples);
      this.recordedSamples += samples.length;
    }
    const audio =
      this.transport.sampleRate === this.recogniserRate
        ? samples
        : this.deps.codec.resample(samples, this.transport.sampleRate, this.recogniserRate);
    for (const event of this.detector.push(audio)) {
      if (event.type === 'speech_start') {
        this.bargeIn();
        if (!this.recognition) {
          this.recognition = {
            session: this.deps.speech.recognizer.start({ language: this.call.language }),
            startedAt: this.deps.clock.now(),
          };
        }
      } else if (this.recognition) {
        const finished = this.recognition;
        this.recognition = null;
        finished.session.write(audio);
        const endOfTurnMs = Math.max(0, event.atMs - event.speechEndMs);
        const heardAt = performance.now();
        void this.serially(() => this.answer(finished, endOfTurnMs, heardAt));
      }
    }
    this.recognition?.session.write(audio);
  }

  /** The far end played persona turn `seq` to the end (a phone mark came back). */
  playbackReached(seq: number): void {
    if (this.playback?.seq === seq) this.settlePlayback(true);
  }

  /** A key press: 0 asks for a person. */
  dtmf(digit: string): void {
    if (digit !== '0' || this.ending) return;
    void this.serially(async () => {
      const text = this.call.persona.humanContact[this.call.language] ?? this.call.persona.humanContact.en;
      if (!text) return;
      const turn = await this.record({ speaker: 'persona', text, startedAt: this.deps.clock.now() });
      if (turn) await this.speak(turn.seq, [text], null);
    });
  }

  /**
   * Ends the call once: a caller turn still being spoken is recognised and stored, then the
   * call record is closed with `reason` and the connection too.
   */
  end(reason: HotlineCallEndReason): Promise<void> {
    this.ending ??= (async () => {
      const partial = this.recognition;
      this.recognition = null;
      this.settlePlayback(false);
      if (partial) void this.serially(() => this.storePartial(partial));
      await this.turns;
      this.closed = true;
      try {
        await endCall(this.deps, {
          callId: this.call.id,
          reason,
          audio: { chunks: this.recording, sampleRate: this.transport.sampleRate },
        });
      } finally {
        this.transport.close(reason);
      }
    })();
    return this.ending;
  }

  private async answer(
    finished: { session: RecognitionSession; startedAt: Date },
    endOfTurnMs: number,
    heardAt: number,
  ) {
    const recognised = await finished.session.finish();
    const recognitionMs = performance.now() - heardAt;
    const text = recognised.text.trim();
    if (!text || this.closed) return;
    const callerTurn = await this.record({
      speaker: 'caller',
      text,
      startedAt: finished.startedAt,
      endedAt: this.deps.clock.now(),
    });
    if (!callerTurn || this.stopping) return;
    const replyStart = performance.now();
    const { persona, language } = this.call;
    const turn = await this.deps.interview.respond(persona, language, this.call.state, text);
    const replyMs = performance.now() - replyStart;
    this.call.state = turn.state;
    const personaTurn = await this.record({
      speaker: 'persona',
      text: turn.replies.join(' '),
      startedAt: this.deps.clock.now(),
      passageId: turn.passageId,
      endOfTurnMs,
      recognitionMs,
      replyMs,
      interviewState: turn.state,
    });
    if (!personaTurn) return;
    await this.speak(personaTurn.seq, turn.replies, { endOfTurnMs, heardAt });
    if (turn.finished) void this.end('completed');
  }

  private async storePartial(partial: { session: RecognitionSession; startedAt: Date }) {
    const { text } = await partial.session.finish();
    if (text.trim()) {
      await this.record({
        speaker: 'caller',
        text: text.trim(),
        startedAt: partial.startedAt,
        endedAt: this.deps.clock.now(),
      });
    }
  }

  /** Streams the replies' audio, paced near real time; resolves once played, cut off, or the grace period passed. */
  private async speak(
    seq: number,
    replies: string[],
    timing: { endOfTurnMs: number; heardAt: number } | null,
  ) {
    if (this.stopping) return;
    const abort = new AbortController();
    let settle!: () => void;
    const done = new Promise<void>((resolve) => {
      settle = resolve;
    });
    const playback: Playback = { seq, abort, done, settle, confirmed: false };
    this.playback = playback;
    const { persona, language } = this.call;
    const rate = this.transport.sampleRate;
    const synthesisStart = performance.now();
    let startedAt = 0;
    let sentMs = 0;
    try {
      for (const text of replies) {
        const audio = this.deps.speech.synthesizer.synthesize(text, {
          ...persona.voice[language],
          language,
          sampleRate: rate,
          signal: abort.signal,
        });
        for await (const chunk of audio) {
          if (abort.signal.aborted || this.stopping) break;
          if (!startedAt) {
            startedAt = performance.now();
            if (timing) {
              void recordAudioLatency(this.deps.db, this.call.id, seq, {
                synthesisMs: startedAt - synthesisStart,
                firstAudioMs: timing.endOfTurnMs + (startedAt - timing.heardAt),
              }).catch((err) =>
                this.deps.logger.warn({ err, callId: this.call.id }, 'turn latency not stored'),
              );
            }
          }
          const ahead = sentMs - (performance.now() - startedAt);
          if (ahead > LEAD_MS) await sleep(ahead - LEAD_MS);
          if (abort.signal.aborted || this.stopping) break;
          this.transport.sendAudio(chunk);
          sentMs += (chunk.length / rate) * 1000;
        }
        if (abort.signal.aborted || this.stopping) break;
      }
    } catch (err) {
      this.deps.logger.error({ err, callId: this.call.id }, 'speech synthesis failed');
    }
    if (abort.signal.aborted || this.stopping) {
      this.settlePlayback(false);
      return;
    }
    this.transport.endReply(seq);
    const remaining = Math.max(0, sentMs - (performance.now() - (startedAt || performance.now())));
    // Without playback reports the audio has played when its length has passed; with them, that plus a grace.
    const timer = setTimeout(
      () => this.playback === playback && this.settlePlayback(true),
      this.transport.confirmsPlayback ? remaining + PLAYBACK_GRACE_MS : remaining,
    );
    await done;
    clearTimeout(timer);
  }

  /** The caller started speaking: cut off persona audio still playing. */
  private bargeIn() {
    const playing = this.playback;
    if (!playing || playing.confirmed) return;
    playing.abort.abort();
    this.transport.clear();
    this.playback = null;
    playing.settle();
    void markTurnInterrupted(this.deps.db, this.call.id, playing.seq).catch((err) =>
      this.deps.logger.warn({ err, callId: this.call.id }, 'barge-in not stored'),
    );
  }

  private settlePlayback(played: boolean) {
    const playing = this.playback;
    if (!playing) return;
    this.playback = null;
    playing.confirmed = played;
    if (!played) playing.abort.abort();
    playing.settle();
    if (played) {
      void recordTurnEnd(this.deps.db, this.call.id, playing.seq, this.deps.clock.now()).catch(() => {});
    }
  }

  private async record(turn: Parameters<typeof recordTurn>[2]) {
    const view = await recordTurn(this.deps, this.call.id, turn);
    if (view && !this.closed) this.transport.transcript(view.speaker, view.seq, view.text);
    return view;
  }

  /** Turns run one after another, so each starts from the previous interview state. */
  private serially(work: () => Promise<void>): Promise<void> {
    const next = this.turns.then(work).catch((err) => {
      this.deps.logger.error({ err, callId: this.call.id }, 'hotline call turn failed');
    });
    this.turns = next;
    return next;
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
