import WebSocket from 'ws';
import { fakeCodec } from './hotline-fakes.js';

/** A tone (speech to the fake turn detector) or silence, as 20 ms μ-law media payloads. */
export function mulawFrames(ms: number, loud: boolean): string[] {
  const frames: string[] = [];
  for (let f = 0; f < ms / 20; f++) {
    const pcm = new Int16Array(160);
    if (loud)
      for (let i = 0; i < 160; i++)
        pcm[i] = Math.round(8000 * Math.sin((2 * Math.PI * 300 * (f * 160 + i)) / 8000));
    frames.push(Buffer.from(fakeCodec.encodeMuLaw(pcm)).toString('base64'));
  }
  return frames;
}

export type CarrierFrame = {
  event: string;
  streamSid?: string;
  media?: { payload: string };
  mark?: { name: string };
};

/**
 * The carrier side of a Media Streams socket: keeps every frame, echoes marks (as a carrier
 * does once the audio before them has played) unless told not to, and sends caller audio.
 */
export function connectCarrier(url: string, options: { echoMarks?: boolean } = {}) {
  const socket = new WebSocket(url);
  const frames: CarrierFrame[] = [];
  const streamSid = 'MZ00000000000000000000000000000001';
  let echo = options.echoMarks ?? true;
  const closed = new Promise<{ code: number }>((resolve) => socket.on('close', (code) => resolve({ code })));
  socket.on('message', (raw) => {
    const frame = JSON.parse(raw.toString()) as CarrierFrame;
    frames.push(frame);
    if (frame.event === 'mark' && echo)
      socket.send(JSON.stringify({ event: 'mark', streamSid, mark: frame.mark }));
  });
  const opened = new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('error', reject);
  });
  const send = (message: unknown) =>
    socket.send(typeof message === 'string' ? message : JSON.stringify(message));
  let seq = 1;
  return {
    socket,
    frames,
    closed,
    opened,
    streamSid,
    setEcho(on: boolean) {
      echo = on;
    },
    send,
    start(
      callId: string,
      token: string,
      mediaFormat = { encoding: 'audio/x-mulaw', sampleRate: 8000, channels: 1 },
    ) {
      send({ event: 'connected', protocol: 'Call', version: '1.0.0' });
      send({
        event: 'start',
        sequenceNumber: String(seq++),
        start: {
          streamSid,
          accountSid: 'AC1',
          callSid: 'CA1',
          tracks: ['inbound'],
          customParameters: { callId, token },
          mediaFormat,
        },
        streamSid,
      });
    },
    say(ms: number, silenceAfterMs = 400) {
      for (const payload of [...mulawFrames(ms, true), ...mulawFrames(silenceAfterMs, false)]) {
        send({
          event: 'media',
          sequenceNumber: String(seq++),
          media: { track: 'inbound', payload },
          streamSid,
        });
      }
    },
    stop() {
      send({ event: 'stop', streamSid, stop: { accountSid: 'AC1', callSid: 'CA1' } });
    },
    waitFor(predicate: (f: CarrierFrame) => boolean, ms = 10_000) {
      return new Promise<CarrierFrame>((resolve, reject) => {
        const timer = setTimeout(
          () =>
            reject(
              new Error(
                `timed out; got ${frames
                  .filter((f) => f.event !== 'media')
                  .map((f) => JSON.stringify(f))
                  .join(' ')}`,
              ),
            ),
          ms,
        );
        const look = () => {
          const found = frames.find(predicate);
          if (found) {
            clearTimeout(timer);
            socket.off('message', look);
            resolve(found);
          }
        };
        socket.on('message', look);
        look();
      });
    },
  };
}

/** Polls until `check` returns a value (for state that settles after a socket closes). */
export async function eventually<T>(
  check: () => Promise<T | null | undefined | false>,
  ms = 10_000,
): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > until) throw new Error('condition not reached');
    await new Promise((r) => setTimeout(r, 50));
  }
}
