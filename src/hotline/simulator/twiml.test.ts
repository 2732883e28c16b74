import { describe, expect, it } from 'vitest';
import { SimulatorError } from './simulator-error.js';
import { parseTwiml } from './twiml.js';

describe('parseTwiml', () => {
  it('reads <Connect><Stream> with its parameters, decoding entities', () => {
    const xml = `<?xml version="1.0" encoding="UTF-8"?>
      <Response>
        <!-- the persona line -->
        <Connect>
          <Stream url="wss://hotline.example.com/api/v1/hotline/media-stream?a=1&amp;b=2">
            <Parameter name="callId" value="0b6c4f1e-2b1a-4a43-9a55-6c1d2a3b4c5d"/>
            <Parameter name='token' value='abc&quot;def'></Parameter>
          </Stream>
        </Connect>
      </Response>`;
    expect(parseTwiml(xml)).toEqual({
      kind: 'stream',
      url: 'wss://hotline.example.com/api/v1/hotline/media-stream?a=1&b=2',
      parameters: { callId: '0b6c4f1e-2b1a-4a43-9a55-6c1d2a3b4c5d', token: 'abc"def' },
    });
  });

  it('reports what was said before a hang-up (unknown number)', () => {
    const xml =
      '<Response><Say language="en-US">Sorry, this number is not in service &amp; cannot take calls.</Say><Hangup/></Response>';
    expect(parseTwiml(xml)).toEqual({
      kind: 'hangup',
      said: ['Sorry, this number is not in service & cannot take calls.'],
    });
    expect(parseTwiml('<Response/>')).toEqual({ kind: 'hangup', said: [] });
    expect(parseTwiml('<Response><Reject/></Response>')).toEqual({ kind: 'hangup', said: [] });
  });

  it('refuses what a carrier could not act on, with the reason', () => {
    const cases: [string, RegExp][] = [
      ['{"error":"nope"}', /not TwiML/],
      ['<html><body>Not found</body></html>', /not TwiML/],
      ['<Response><Connect><Stream url="wss://x/y"></Connect></Response>', /closes <Connect>/],
      ['<Response><Connect></Connect></Response>', /no <Stream>/],
      ['<Response><Connect><Stream url="https://x/y"/></Connect></Response>', /ws:\/\/ or wss:\/\//],
      ['<Response><Start><Stream url="wss://x/y"/></Start></Response>', /listen-only/],
      ['<Response><Dial>+1555</Dial></Response>', /<Dial> is not supported/],
      ['<Response><Say>unterminated', /not well-formed/],
    ];
    for (const [xml, message] of cases) {
      expect(() => parseTwiml(xml), xml).toThrow(SimulatorError);
      expect(() => parseTwiml(xml), xml).toThrow(message);
    }
  });
});
