import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * The carrier's webhook signature (Twilio's X-Twilio-Signature): base64 HMAC-SHA1 with the
 * account's auth token over the full URL followed by every POST parameter's name and value,
 * sorted by name.
 */
export function carrierSignature(authToken: string, url: string, params: Record<string, string>): string {
  const payload = Object.keys(params)
    .sort()
    .reduce((acc, name) => acc + name + (params[name] ?? ''), url);
  return createHmac('sha1', authToken).update(payload, 'utf8').digest('base64');
}

export function validCarrierSignature(
  authToken: string,
  url: string,
  params: Record<string, string>,
  signature: string | undefined,
): boolean {
  if (!signature) return false;
  const expected = Buffer.from(carrierSignature(authToken, url, params));
  const given = Buffer.from(signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
