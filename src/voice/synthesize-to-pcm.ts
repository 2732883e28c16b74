import type { Language } from '../assistant/language/detect-language.js';
import { createEspeakSynthesizer } from './espeak/espeak-synthesizer.js';
import type { SpeechSynthesizer } from './speech-ports.js';

/** Collects a whole utterance (tests, the caller simulator). Defaults to the embedded espeak-ng engine. */
export async function synthesizeToPcm(
  text: string,
  options: { language: Language; sampleRate: number; voice?: string; rate?: number },
  synthesizer: SpeechSynthesizer = createEspeakSynthesizer(),
): Promise<Int16Array> {
  const chunks: Int16Array[] = [];
  for await (const chunk of synthesizer.synthesize(text, options)) chunks.push(chunk);
  const out = new Int16Array(chunks.reduce((n, c) => n + c.length, 0));
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.length;
  }
  return out;
}
