/**
 * Word error rate and finish() latency of the embedded recogniser on held-out caller sentences
 * (not in the domain corpus) spoken by espeak-ng, at 16 kHz and through the phone path
 * (8 kHz μ-law, back to 16 kHz by sample-and-hold), and espeak-ng's time to first audio.
 * Run: npx tsx bench/voice-engines.ts   (VERBOSE=1 prints every transcript; PS_ARGS adds decoder flags)
 */
import { readFileSync } from 'node:fs';
import { decodeMulaw, encodeMulaw } from '../src/voice/audio/mulaw.js';
import { resamplePcm, upsamplePhoneAudioForRecognition } from '../src/voice/audio/resample.js';
import { createEspeakSynthesizer } from '../src/voice/espeak/espeak-synthesizer.js';
import { createPocketsphinxRecognizer } from '../src/voice/pocketsphinx/pocketsphinx-recognizer.js';
import { wordErrors } from '../src/voice/pocketsphinx/word-error-rate.js';
import { synthesizeToPcm } from '../src/voice/synthesize-to-pcm.js';

const sentences = readFileSync(
  new URL('../src/voice/pocketsphinx/fixtures/held-out.en.txt', import.meta.url),
  'utf8',
)
  .split('\n')
  .filter(Boolean);
const voices = (process.env.VOICES ?? 'en-us,en-us+m3,en-us+f2').split(',');
const extraArgs = process.env.PS_ARGS ? process.env.PS_ARGS.split(' ') : [];
const recognizer = createPocketsphinxRecognizer({ poolSize: 1, extraArgs });
await new Promise((r) => setTimeout(r, 500));

async function recognise(pcm16k: Int16Array): Promise<{ text: string; finishMs: number }> {
  const session = recognizer.start({ language: 'en' });
  // 20 ms frames, as a call delivers them (without the real-time wait).
  for (let i = 0; i < pcm16k.length; i += 320) session.write(pcm16k.subarray(i, i + 320));
  await new Promise((r) => setTimeout(r, 100 + pcm16k.length / 16 / 20)); // let decoding catch up as in a live call
  const t = performance.now();
  const { text } = await session.finish();
  return { text, finishMs: performance.now() - t };
}

for (const path of ['16k', 'phone', 'phone-sinc'] as const) {
  let errors = 0;
  let words = 0;
  const latencies: number[] = [];
  for (const [i, sentence] of sentences.entries()) {
    const voice = voices[i % voices.length]!;
    let pcm: Int16Array;
    if (path === '16k') pcm = await synthesizeToPcm(sentence, { language: 'en', sampleRate: 16000, voice });
    else {
      const phone = decodeMulaw(
        encodeMulaw(await synthesizeToPcm(sentence, { language: 'en', sampleRate: 8000, voice })),
      );
      // phone-sinc: the filtered upsample, to show why the phone path uses sample-and-hold.
      pcm = path === 'phone' ? upsamplePhoneAudioForRecognition(phone) : resamplePcm(phone, 8000, 16000);
    }
    const { text, finishMs } = await recognise(pcm);
    const e = wordErrors(sentence, text);
    errors += e.errors;
    words += e.words;
    latencies.push(finishMs);
    if (process.env.VERBOSE) console.log(`${voice}\t${sentence}\t→ ${text}`);
  }
  latencies.sort((a, b) => a - b);
  const pct = (p: number) =>
    latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))]!.toFixed(0);
  console.log(
    `${path}: WER ${((100 * errors) / words).toFixed(1)}% over ${sentences.length} sentences (${words} words); finish() p50 ${pct(0.5)} ms p95 ${pct(0.95)} ms`,
  );
}
await recognizer.close();

const firsts: number[] = [];
const espeak = createEspeakSynthesizer();
for (const sentence of sentences.slice(0, 15)) {
  const t = performance.now();
  for await (const _ of espeak.synthesize(`Thanks. ${sentence}. Can you tell me more about that?`, {
    language: 'en',
    sampleRate: 8000,
  })) {
    firsts.push(performance.now() - t);
    break;
  }
}
firsts.sort((a, b) => a - b);
console.log(
  `espeak-ng time to first chunk (8 kHz): p50 ${firsts[Math.floor(firsts.length / 2)]!.toFixed(0)} ms, max ${firsts.at(-1)!.toFixed(0)} ms`,
);
