import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { decodeWav } from '../audio/wav.js';
import { createOpenAiRecognizer, createOpenAiSynthesizer } from './openai-speech.js';

interface Recorded {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

/** A local HTTP server standing in for the cloud vendor: records requests, answers with `reply`. */
async function fakeVendor(reply: (req: Recorded, res: import('node:http').ServerResponse) => void) {
  const requests: Recorded[] = [];
  const server: Server = createServer((req, res) => {
    const parts: Buffer[] = [];
    req.on('data', (d: Buffer) => parts.push(d));
    req.on('end', () => {
      const recorded = {
        method: req.method!,
        url: req.url!,
        headers: req.headers,
        body: Buffer.concat(parts),
      };
      requests.push(recorded);
      reply(recorded, res);
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}/v1`,
    requests,
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}

let vendor: Awaited<ReturnType<typeof fakeVendor>> | undefined;
afterEach(async () => {
  await vendor?.close();
  vendor = undefined;
});

describe('OpenAI-compatible speech-to-text', () => {
  it('uploads the turn as a 16 kHz WAV in a multipart form with model and language', async () => {
    vendor = await fakeVendor((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ text: 'My card was declined, at checkout!' }));
    });
    const stt = createOpenAiRecognizer({ baseUrl: vendor.baseUrl, apiKey: 'sk-test', model: 'whisper-1' });
    const session = stt.start({ language: 'sv' });
    session.write(Int16Array.from([1, 2, 3]));
    session.write(Int16Array.from([4, -5]));
    expect(await session.finish()).toEqual({ text: 'my card was declined at checkout', confidence: null });

    const [req] = vendor.requests;
    expect(req!.method).toBe('POST');
    expect(req!.url).toBe('/v1/audio/transcriptions');
    expect(req!.headers.authorization).toBe('Bearer sk-test');
    expect(req!.headers['content-type']).toMatch(/^multipart\/form-data; boundary=/);
    const form = await new Response(new Uint8Array(req!.body), {
      headers: { 'content-type': req!.headers['content-type']! },
    }).formData();
    expect(form.get('model')).toBe('whisper-1');
    expect(form.get('language')).toBe('sv');
    const file = form.get('file') as File;
    expect(file.name).toBe('turn.wav');
    const wav = decodeWav(new Uint8Array(await file.arrayBuffer()));
    expect(wav.sampleRate).toBe(16000);
    expect([...wav.samples]).toEqual([1, 2, 3, 4, -5]);
  });

  it('reports a vendor error as a rejected turn, and sends no Authorization without a key', async () => {
    vendor = await fakeVendor((_req, res) => {
      res.writeHead(401, { 'content-type': 'application/json' });
      res.end('{"error":{"message":"bad key"}}');
    });
    const stt = createOpenAiRecognizer({ baseUrl: vendor.baseUrl, model: 'whisper-1' });
    const session = stt.start({ language: 'en' });
    session.write(Int16Array.from([1]));
    await expect(session.finish()).rejects.toThrow(/HTTP 401/);
    expect(vendor.requests[0]!.headers.authorization).toBeUndefined();
  });
});

describe('OpenAI-compatible text-to-speech', () => {
  it('asks for raw PCM and streams it back resampled from 24 kHz', async () => {
    // One second of a 24 kHz tone, sent in uneven pieces (one splits a sample in half).
    const tone = Int16Array.from({ length: 24000 }, (_, i) =>
      Math.round(8000 * Math.sin((2 * Math.PI * 300 * i) / 24000)),
    );
    const bytes = Buffer.from(tone.buffer);
    vendor = await fakeVendor((_req, res) => {
      res.writeHead(200, { 'content-type': 'audio/pcm' });
      res.write(bytes.subarray(0, 1001));
      setTimeout(() => {
        res.write(bytes.subarray(1001, 30000));
        res.end(bytes.subarray(30000));
      }, 20);
    });
    const tts = createOpenAiSynthesizer({
      baseUrl: vendor.baseUrl,
      apiKey: 'sk-test',
      model: 'tts-1',
      voice: 'alloy',
    });
    const chunks: Int16Array[] = [];
    for await (const c of tts.synthesize('Thanks for calling.', { language: 'en', sampleRate: 8000 }))
      chunks.push(c);
    expect(chunks.length).toBeGreaterThan(1);
    const total = chunks.reduce((n, c) => n + c.length, 0);
    expect(Math.abs(total - 8000)).toBeLessThanOrEqual(1);

    const [req] = vendor.requests;
    expect(req!.method).toBe('POST');
    expect(req!.url).toBe('/v1/audio/speech');
    expect(req!.headers.authorization).toBe('Bearer sk-test');
    expect(req!.headers['content-type']).toBe('application/json');
    expect(JSON.parse(req!.body.toString())).toEqual({
      model: 'tts-1',
      input: 'Thanks for calling.',
      voice: 'alloy',
      response_format: 'pcm',
    });
  });

  it('ends quietly when aborted mid-stream and raises vendor errors', async () => {
    vendor = await fakeVendor((req, res) => {
      if (JSON.parse(req.body.toString()).input === 'fail') {
        res.writeHead(500);
        res.end('overloaded');
        return;
      }
      res.writeHead(200, { 'content-type': 'audio/pcm' });
      res.write(Buffer.alloc(9600)); // then never ends
    });
    const tts = createOpenAiSynthesizer({ baseUrl: vendor.baseUrl, model: 'tts-1', voice: 'alloy' });
    const controller = new AbortController();
    let received = 0;
    for await (const c of tts.synthesize('hello', {
      language: 'en',
      sampleRate: 16000,
      signal: controller.signal,
    })) {
      received += c.length;
      controller.abort();
    }
    expect(received).toBeGreaterThan(0);
    const fail = async () => {
      for await (const _ of tts.synthesize('fail', { language: 'en', sampleRate: 16000 })) {
      }
    };
    await expect(fail()).rejects.toThrow(/HTTP 500 overloaded/);
  });
});
