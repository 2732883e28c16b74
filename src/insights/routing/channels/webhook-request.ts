import { createHmac, timingSafeEqual } from 'node:crypto';
import type { InsightPayload, OutgoingRequest } from '../insight-payload.js';

export const SIGNATURE_HEADER = 'x-tandem-signature';

/** `t=<unix>,v1=<hex HMAC-SHA256 of "<t>.<body>">`, like Stripe: the timestamp stops replays. */
export function signBody(secret: string, body: string, unixSeconds: number): string {
  const mac = createHmac('sha256', secret).update(`${unixSeconds}.${body}`).digest('hex');
  return `t=${unixSeconds},v1=${mac}`;
}

/** For receivers (and tests): checks the signature and that t is within `toleranceSeconds` of now. */
export function verifySignature(
  secret: string,
  body: string,
  header: string,
  nowSeconds: number,
  toleranceSeconds = 300,
): boolean {
  const m = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(header);
  if (!m) return false;
  const t = Number(m[1]);
  if (Math.abs(nowSeconds - t) > toleranceSeconds) return false;
  const expected = Buffer.from(signBody(secret, body, t).slice(-64), 'hex');
  return timingSafeEqual(expected, Buffer.from(m[2]!, 'hex'));
}

/** Generic webhook: the JSON payload, signed when the team has a secret. */
export function webhookRequest(
  url: string,
  secret: string | null,
  payload: InsightPayload,
  now: Date,
): OutgoingRequest {
  const body = JSON.stringify(payload);
  const t = Math.floor(now.getTime() / 1000);
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    'user-agent': 'Tandem-Insights/1',
    'x-tandem-event': payload.event,
    'x-tandem-delivery': payload.deliveryId,
    'x-tandem-timestamp': String(t),
  };
  if (secret) headers[SIGNATURE_HEADER] = signBody(secret, body, t);
  return { url, method: 'POST', headers, body };
}
