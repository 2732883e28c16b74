/**
 * Plays the persona's PCM16 16 kHz audio through Web Audio, chunk after chunk without gaps
 * (see PlaybackSchedule), and stops everything at once on barge-in.
 */
import { CALL_SAMPLE_RATE, Pcm16Decoder } from './pcm';
import { PlaybackSchedule } from './playback-schedule';

export class PlaybackQueue {
  private readonly schedule = new PlaybackSchedule();
  private readonly decoder = new Pcm16Decoder();
  private readonly sources = new Set<AudioBufferSourceNode>();

  /** `onPlayingChange(true)` when audio starts, `(false)` when the queue has played out or was cleared. */
  constructor(
    private readonly context: AudioContext,
    private readonly onPlayingChange: (playing: boolean) => void = () => {},
  ) {}

  get playing(): boolean {
    return this.sources.size > 0;
  }

  /** Queues one binary frame of PCM16LE 16 kHz audio. */
  enqueue(bytes: ArrayBuffer): void {
    const samples = this.decoder.decode(bytes);
    if (samples.length === 0) return;
    // The context may run at 44.1/48 kHz: a 16 kHz buffer is resampled by Web Audio when played.
    const buffer = this.context.createBuffer(1, samples.length, CALL_SAMPLE_RATE);
    buffer.copyToChannel(samples, 0);
    const source = this.context.createBufferSource();
    source.buffer = buffer;
    source.connect(this.context.destination);
    const wasPlaying = this.playing;
    this.sources.add(source);
    source.onended = () => {
      this.sources.delete(source);
      if (!this.playing) this.onPlayingChange(false);
    };
    source.start(this.schedule.schedule(this.context.currentTime, buffer.duration));
    if (!wasPlaying) this.onPlayingChange(true);
  }

  /** Barge-in: silence now, drop everything queued. */
  clear(): void {
    const had = this.playing;
    for (const source of this.sources) {
      source.onended = null;
      try {
        source.stop();
      } catch {}
      source.disconnect();
    }
    this.sources.clear();
    this.schedule.reset();
    this.decoder.reset();
    if (had) this.onPlayingChange(false);
  }
}
