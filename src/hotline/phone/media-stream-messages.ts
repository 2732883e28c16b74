import { z } from 'zod';

const sid = z.string().min(1).max(100);
const base64 = z
  .string()
  .max(64_000)
  .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'payload must be base64');

/** Carrier → Tandem messages of the Media Streams protocol; anything else is a protocol error. */
export const carrierMessage = z.discriminatedUnion('event', [
  z.object({
    event: z.literal('connected'),
    protocol: z.string().max(40).optional(),
    version: z.string().max(40).optional(),
  }),
  z.object({
    event: z.literal('start'),
    sequenceNumber: z.string().max(20).optional(),
    streamSid: sid.optional(),
    start: z.object({
      streamSid: sid,
      accountSid: sid.optional(),
      callSid: sid.optional(),
      tracks: z.array(z.string().max(40)).max(4).optional(),
      customParameters: z.record(z.string().max(100), z.string().max(500)).default({}),
      mediaFormat: z.object({
        encoding: z.string().max(40),
        sampleRate: z.number(),
        channels: z.number(),
      }),
    }),
  }),
  z.object({
    event: z.literal('media'),
    sequenceNumber: z.string().max(20).optional(),
    streamSid: sid.optional(),
    media: z.object({
      track: z.string().max(40).optional(),
      chunk: z.string().max(20).optional(),
      timestamp: z.string().max(20).optional(),
      payload: base64,
    }),
  }),
  z.object({
    event: z.literal('mark'),
    streamSid: sid.optional(),
    sequenceNumber: z.string().max(20).optional(),
    mark: z.object({ name: z.string().max(100) }),
  }),
  z.object({
    event: z.literal('dtmf'),
    streamSid: sid.optional(),
    sequenceNumber: z.string().max(20).optional(),
    dtmf: z.object({ track: z.string().max(40).optional(), digit: z.string().max(2) }),
  }),
  z.object({
    event: z.literal('stop'),
    streamSid: sid.optional(),
    sequenceNumber: z.string().max(20).optional(),
    stop: z.object({ accountSid: sid.optional(), callSid: sid.optional() }).optional(),
  }),
]);

export type CarrierMessage = z.infer<typeof carrierMessage>;

/** Only 8 kHz mono μ-law is spoken here (what every Media Streams carrier sends). */
export function supportedFormat(format: { encoding: string; sampleRate: number; channels: number }): boolean {
  return format.encoding === 'audio/x-mulaw' && format.sampleRate === 8000 && format.channels === 1;
}
