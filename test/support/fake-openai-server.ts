import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedRequest {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: Record<string, unknown>;
}

/** What the fake answers: JSON, an SSE stream (each string one `data:` event), raw text, or nothing for a while. */
export type FakeAnswer =
  | { status?: number; headers?: Record<string, string>; json: unknown }
  | { status?: number; headers?: Record<string, string>; raw: string }
  | { sse: string[]; delayBetweenMs?: number }
  | { hangMs: number };

export interface FakeOpenAiServer {
  /** `http://127.0.0.1:<port>/v1` */
  baseUrl: string;
  requests: RecordedRequest[];
  close(): Promise<void>;
}

/** The body of a non-streaming chat completion with this text and these tool calls. */
export function completionBody(text: string | null, toolCalls: { name: string; arguments: unknown }[] = []) {
  return {
    id: 'chatcmpl-test',
    object: 'chat.completion',
    choices: [
      {
        index: 0,
        finish_reason: toolCalls.length ? 'tool_calls' : 'stop',
        message: {
          role: 'assistant',
          content: text,
          ...(toolCalls.length
            ? {
                tool_calls: toolCalls.map((c, i) => ({
                  id: `call_${i}`,
                  type: 'function',
                  function: { name: c.name, arguments: JSON.stringify(c.arguments) },
                })),
              }
            : {}),
        },
      },
    ],
  };
}

/**
 * A real HTTP server on 127.0.0.1 that speaks the OpenAI chat-completions wire format,
 * answering each request with what `answer` returns and recording what it was sent.
 */
export async function startFakeOpenAiServer(
  answer: (request: RecordedRequest, index: number) => FakeAnswer,
): Promise<FakeOpenAiServer> {
  const requests: RecordedRequest[] = [];
  const server: Server = createServer((req, res) => {
    let raw = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => {
      raw += chunk;
    });
    req.on('end', () => {
      let body: Record<string, unknown> = {};
      try {
        body = JSON.parse(raw) as Record<string, unknown>;
      } catch {
        // Recorded as empty: the test asserts on it.
      }
      const recorded = { method: req.method ?? '', url: req.url ?? '', headers: req.headers, body };
      requests.push(recorded);
      const reply = answer(recorded, requests.length - 1);
      if ('hangMs' in reply) {
        const timer = setTimeout(() => res.end(), reply.hangMs);
        res.on('close', () => clearTimeout(timer));
        return;
      }
      if ('sse' in reply) {
        res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
        const events = [...reply.sse];
        const next = () => {
          const event = events.shift();
          if (event === undefined) return void res.end();
          res.write(`data: ${event}\n\n`);
          setTimeout(next, reply.delayBetweenMs ?? 0);
        };
        next();
        return;
      }
      const text = 'json' in reply ? JSON.stringify(reply.json) : reply.raw;
      res.writeHead(reply.status ?? 200, { 'content-type': 'application/json', ...reply.headers });
      res.end(text);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}/v1`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
