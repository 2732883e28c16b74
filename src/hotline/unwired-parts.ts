import { AppError } from '../platform/errors.js';
import type { HotlineInterview } from './interview/interview-port.js';
import type { AudioCodec, HotlineSpeech } from './session/call-session-ports.js';

// TODO(lead, issue 5 merge): replace these with the real parts once src/voice and
// src/hotline/interview are merged: `createSpeechEngines(config)` (recogniser, synthesiser,
// turn detector), the μ-law/resampling codec from src/voice, and `createHotlineInterview()`.
// Until then a call or hotline chat fails with 503 instead of the app refusing to start.

const unavailable = (what: string) => () => {
  throw new AppError(503, 'service_unavailable', `The hotline ${what} is not configured in this build`);
};

export const unwiredInterview: HotlineInterview = {
  open: unavailable('interview'),
  respond: unavailable('interview'),
  outcome: unavailable('interview'),
};

export const unwiredSpeech: HotlineSpeech = {
  recognizer: {
    name: 'unwired',
    sampleRate: 16_000,
    supports: () => false,
    start: unavailable('speech recogniser'),
    close: async () => {},
  },
  synthesizer: {
    name: 'unwired',
    supports: () => false,
    synthesize: unavailable('speech synthesiser'),
    close: async () => {},
  },
  createTurnDetector: unavailable('turn detector'),
};

export const unwiredCodec: AudioCodec = {
  decodeMuLaw: unavailable('audio codec'),
  encodeMuLaw: unavailable('audio codec'),
  resample: unavailable('audio codec'),
};
