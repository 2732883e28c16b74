import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../../src/platform/logger.js';

function capture() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _enc, done) {
      lines.push(chunk.toString());
      done();
    },
  });
  return { logger: createLogger({ level: 'info' }, stream), lines };
}

describe('log redaction', () => {
  it('redacts personal data and credentials in structured fields', () => {
    const { logger, lines } = capture();
    logger.info(
      {
        customer: { id: 'c1', email: 'alice@example.com', phone: '+46701234567', given_name: 'Alice' },
        login: { password: 'hunter2-hunter2' },
        req: {
          method: 'GET',
          url: '/api/v1/live?token=eyJsecret',
          headers: { authorization: 'Bearer eyJsecret' },
        },
        message: { text: 'my card number is 4111 1111 1111 1111' },
      },
      'something happened',
    );
    const out = lines.join('');
    for (const secret of ['alice@example.com', '+46701234567', 'Alice', 'hunter2', 'eyJsecret', '4111']) {
      expect(out).not.toContain(secret);
    }
    expect(out).toContain('"id":"c1"'); // identifiers stay, so logs remain useful
    expect(out).toContain('/api/v1/live'); // path kept, query string dropped
  });
});
