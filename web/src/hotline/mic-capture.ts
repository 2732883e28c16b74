/**
 * Microphone capture for browser calls: getUserMedia → AudioWorklet (ScriptProcessor where
 * worklets are missing) → 16 kHz PCM16 chunks handed to `onChunk`.
 */
import { Downsampler } from './pcm';

/** The worklet only copies render quanta to the main thread; resampling happens there (see Downsampler). */
const PROCESSOR_SOURCE = `
class TandemCapture extends AudioWorkletProcessor {
  process(inputs) {
    const channel = inputs[0] && inputs[0][0];
    if (channel && channel.length) this.port.postMessage(channel.slice(0));
    return true;
  }
}
registerProcessor('tandem-capture', TandemCapture);
`;

export type MicErrorKind = 'denied' | 'no-device' | 'unsupported' | 'failed';

export class MicError extends Error {
  constructor(
    readonly kind: MicErrorKind,
    message: string,
  ) {
    super(message);
    this.name = 'MicError';
  }
}

export interface MicCapture {
  /** Sample rate of the capture context (what was downsampled from). */
  readonly inputRate: number;
  /** The context, shared with playback so one user gesture unlocks both. */
  readonly context: AudioContext;
  stop(): void;
}

function micError(err: unknown): MicError {
  const name = err instanceof DOMException ? err.name : '';
  if (name === 'NotAllowedError' || name === 'SecurityError')
    return new MicError('denied', 'Microphone access was refused.');
  if (name === 'NotFoundError' || name === 'OverconstrainedError')
    return new MicError('no-device', 'No microphone was found.');
  return new MicError('failed', err instanceof Error ? err.message : 'The microphone could not be started.');
}

/** Asks for the microphone and starts sending 16 kHz PCM16 chunks to `onChunk`. */
export async function startMicCapture(
  context: AudioContext,
  onChunk: (pcm: Int16Array) => void,
): Promise<MicCapture> {
  if (!navigator.mediaDevices?.getUserMedia)
    throw new MicError('unsupported', 'This browser cannot use a microphone here (it needs HTTPS).');
  let stream: MediaStream;
  try {
    stream = await navigator.mediaDevices.getUserMedia({
      audio: { channelCount: 1, echoCancellation: true, noiseSuppression: true, autoGainControl: true },
    });
  } catch (err) {
    throw micError(err);
  }
  const downsampler = new Downsampler(context.sampleRate);
  const feed = (samples: Float32Array) => {
    const pcm = downsampler.push(samples);
    if (pcm.length) onChunk(pcm);
  };
  const source = context.createMediaStreamSource(stream);
  // A muted sink keeps the graph pulling audio without playing the caller back to themselves.
  const sink = context.createGain();
  sink.gain.value = 0;
  sink.connect(context.destination);

  let node: AudioNode;
  if (context.audioWorklet) {
    const url = URL.createObjectURL(new Blob([PROCESSOR_SOURCE], { type: 'application/javascript' }));
    try {
      await context.audioWorklet.addModule(url);
    } finally {
      URL.revokeObjectURL(url);
    }
    const worklet = new AudioWorkletNode(context, 'tandem-capture', {
      numberOfInputs: 1,
      numberOfOutputs: 1,
    });
    worklet.port.onmessage = (e: MessageEvent<Float32Array>) => feed(e.data);
    node = worklet;
  } else {
    // Deprecated but still the only option in some embedded browsers.
    const processor = context.createScriptProcessor(2048, 1, 1);
    processor.onaudioprocess = (e) => feed(new Float32Array(e.inputBuffer.getChannelData(0)));
    node = processor;
  }
  source.connect(node);
  node.connect(sink);

  return {
    inputRate: context.sampleRate,
    context,
    stop() {
      source.disconnect();
      node.disconnect();
      sink.disconnect();
      if (node instanceof AudioWorkletNode) node.port.onmessage = null;
      for (const track of stream.getTracks()) track.stop();
    },
  };
}
