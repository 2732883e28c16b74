import { describe, expect, it } from 'vitest';
import { carrierSignature } from './carrier-signature.js';

describe('carrierSignature', () => {
  const url = 'https://mycompany.com/myapp.php?foo=1&bar=2';
  const params = {
    CallSid: 'CA1234567890ABCDE',
    Caller: '+12349013030',
    Digits: '1234',
    From: '+12349013030',
    To: '+18005551212',
  };

  it("matches Twilio's documented example", () => {
    expect(carrierSignature('12345', url, params)).toBe('0/KCTR6DLpKmkAf8muzZqo1nDgQ=');
  });

  it('does not depend on the order the parameters come in, but on every value, the URL and the token', () => {
    const reversed = Object.fromEntries(Object.entries(params).reverse());
    expect(carrierSignature('12345', url, reversed)).toBe('0/KCTR6DLpKmkAf8muzZqo1nDgQ=');
    expect(carrierSignature('12345', url, { ...params, Digits: '1235' })).not.toBe(
      '0/KCTR6DLpKmkAf8muzZqo1nDgQ=',
    );
    expect(carrierSignature('12345', url.replace('https', 'http'), params)).not.toBe(
      '0/KCTR6DLpKmkAf8muzZqo1nDgQ=',
    );
    expect(carrierSignature('12346', url, params)).not.toBe('0/KCTR6DLpKmkAf8muzZqo1nDgQ=');
  });
});
