import { createHmac, timingSafeEqual } from 'node:crypto';

/** A per-call capability: the media stream and the caller's transcript endpoint accept it instead of a login. */
export interface CallTokens {
  sign(callId: string): string;
  verify(callId: string, token: string | undefined): boolean;
}

export function createCallTokens(secret: string): CallTokens {
  const sign = (callId: string) =>
    createHmac('sha256', secret).update(`hotline-call:${callId}`).digest('base64url');
  return {
    sign,
    verify(callId, token) {
      if (!token) return false;
      const expected = Buffer.from(sign(callId));
      const given = Buffer.from(token);
      return expected.length === given.length && timingSafeEqual(expected, given);
    },
  };
}
