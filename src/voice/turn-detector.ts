import type { TurnDetector, VoiceActivityEvent } from './speech-ports.js';

export interface TurnDetectorOptions {
  sampleRate: number;
  frameMs: number;
  /** Voiced audio needed before `speech_start` (barge-in reacts to this). */
  speechStartMs: number;
  /** Trailing silence that ends the caller's turn. */
  endOfTurnMs: number;
  /** Shorter bursts (a cough, a click, a bump on the handset) never make a turn. */
  minSpeechMs: number;
  /** A frame is voiced when its RMS is this many times the noise floor… */
  voicedRatio: number;
  /** …and at least this loud (PCM16 RMS), so digital silence plus dither is not speech. */
  minVoicedRms: number;
  /** Unvoiced frames tolerated inside the run that starts speech (plosives, short dips). */
  startGapFrames: number;
}

export const DEFAULT_TURN_DETECTOR_OPTIONS: Omit<TurnDetectorOptions, 'sampleRate'> = {
  frameMs: 20,
  speechStartMs: 120,
  endOfTurnMs: 500,
  minSpeechMs: 300,
  voicedRatio: 3,
  minVoicedRms: 250,
  startGapFrames: 1,
};

/**
 * Energy VAD over 20 ms frames with an adaptive noise floor. The floor follows quieter frames
 * fast and louder ones slowly (about 4 s), so steady background noise (a street, a fan) is
 * learned without speech ever being absorbed into it.
 */
export function createTurnDetector(
  options: Partial<TurnDetectorOptions> & { sampleRate: number },
): TurnDetector {
  const o: TurnDetectorOptions = { ...DEFAULT_TURN_DETECTOR_OPTIONS, ...options };
  const frameSize = Math.max(1, Math.round((o.sampleRate * o.frameMs) / 1000));
  const frameMs = (frameSize * 1000) / o.sampleRate;
  const startFrames = Math.ceil(o.speechStartMs / frameMs);

  let carry = new Int16Array(0);
  let frameIndex = 0;
  let noiseFloor = 0;
  let floorKnown = false;
  // Candidate run before speech_start.
  let runStartFrame = -1;
  let runVoiced = 0;
  let runGap = 0;
  // Current turn.
  let speaking = false;
  let speechStartMs = 0;
  let lastVoicedEndMs = 0;

  function reset(): void {
    carry = new Int16Array(0);
    frameIndex = 0;
    noiseFloor = 0;
    floorKnown = false;
    runStartFrame = -1;
    runVoiced = 0;
    runGap = 0;
    speaking = false;
  }

  function analyse(frame: Int16Array, events: VoiceActivityEvent[]): void {
    let sum = 0;
    for (let i = 0; i < frame.length; i++) sum += frame[i]! * frame[i]!;
    const rms = Math.sqrt(sum / frame.length);
    const startMs = frameIndex * frameMs;
    const endMs = startMs + frameMs;
    frameIndex++;

    if (!floorKnown) {
      noiseFloor = rms;
      floorKnown = true;
    }
    const voiced = rms >= Math.max(o.minVoicedRms, noiseFloor * o.voicedRatio);
    noiseFloor =
      rms < noiseFloor ? noiseFloor + (rms - noiseFloor) * 0.2 : noiseFloor + (rms - noiseFloor) * 0.005;

    if (!speaking) {
      if (voiced) {
        if (runStartFrame < 0) runStartFrame = frameIndex - 1;
        runVoiced++;
        runGap = 0;
        if (runVoiced >= startFrames) {
          speaking = true;
          speechStartMs = runStartFrame * frameMs;
          lastVoicedEndMs = endMs;
          events.push({ type: 'speech_start', atMs: endMs });
        }
      } else if (runStartFrame >= 0 && ++runGap > o.startGapFrames) {
        runStartFrame = -1;
        runVoiced = 0;
        runGap = 0;
      }
      return;
    }

    if (voiced) {
      lastVoicedEndMs = endMs;
      return;
    }
    if (endMs - lastVoicedEndMs >= o.endOfTurnMs) {
      speaking = false;
      runStartFrame = -1;
      runVoiced = 0;
      runGap = 0;
      const speechMs = lastVoicedEndMs - speechStartMs;
      if (speechMs >= o.minSpeechMs) {
        events.push({ type: 'end_of_turn', atMs: endMs, speechEndMs: lastVoicedEndMs, speechMs });
      }
    }
  }

  return {
    get speaking() {
      return speaking;
    },
    reset,
    push(samples) {
      const events: VoiceActivityEvent[] = [];
      let data = samples;
      if (carry.length) {
        data = new Int16Array(carry.length + samples.length);
        data.set(carry);
        data.set(samples, carry.length);
      }
      let offset = 0;
      for (; offset + frameSize <= data.length; offset += frameSize) {
        analyse(data.subarray(offset, offset + frameSize), events);
      }
      carry = data.slice(offset);
      return events;
    },
  };
}
