import { createHmac } from 'node:crypto';

/**
 * The carrier's webhook signature, the Twilio way (`X-Twilio-Signature`): base64 of
 * HMAC-SHA1(auth token, full URL + every POST parameter name and value, sorted by name).
 */
export function carrierSignature(authToken: string, url: string, params: Record<string, string>): string {
  let payload = url;
  for (const name of Object.keys(params).sort()) payload += name + params[name];
  return createHmac('sha1', authToken).update(payload, 'utf8').digest('base64');
}
