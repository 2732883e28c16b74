import { decodeMulaw, encodeMulaw } from '../../voice/audio/mulaw.js';
import { resamplePcm, upsamplePhoneAudioForRecognition } from '../../voice/audio/resample.js';
import type { AudioCodec } from './call-session-ports.js';

/**
 * The codec calls use. Phone audio on its way to the 16 kHz recogniser is upsampled by
 * sample-and-hold, not filtered (see `upsamplePhoneAudioForRecognition`): pocketsphinx's
 * en-US model recognises almost nothing when the 4–8 kHz band is empty.
 */
export const voiceCodec: AudioCodec = {
  decodeMuLaw: decodeMulaw,
  encodeMuLaw: encodeMulaw,
  resample: (samples, fromRate, toRate) =>
    fromRate === 8000 && toRate === 16_000
      ? upsamplePhoneAudioForRecognition(samples)
      : resamplePcm(samples, fromRate, toRate),
};
