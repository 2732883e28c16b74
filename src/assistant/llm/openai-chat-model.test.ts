import { afterEach, describe, expect, it } from 'vitest';
import {
  completionBody,
  type FakeAnswer,
  type FakeOpenAiServer,
  type RecordedRequest,
  startFakeOpenAiServer,
} from '../../../test/support/fake-openai-server.js';
import { type ChatStreamChunk, collectStream, LlmError } from './chat-model.js';
import { createOpenAiChatModel, parseRetryAfter } from './openai-chat-model.js';

/** The OpenAI adapter against a real local HTTP server speaking the chat-completions wire format. */
describe('OpenAI-compatible chat model', () => {
  let server: FakeOpenAiServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  async function modelFor(
    answer: (request: RecordedRequest, index: number) => FakeAnswer,
    options: { apiKey?: string; timeoutMs?: number; maxRetries?: number } = {},
  ) {
    server = await startFakeOpenAiServer(answer);
    return createOpenAiChatModel({
      baseUrl: `${server.baseUrl}/`,
      apiKey: options.apiKey,
      model: 'tiny-test',
      timeoutMs: options.timeoutMs ?? 2000,
      maxRetries: options.maxRetries ?? 2,
      retryBaseMs: 5,
    });
  }

  const expectLlmError = async (promise: Promise<unknown>, kind: LlmError['kind']) => {
    const error = await promise.then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(LlmError);
    expect((error as LlmError).kind).toBe(kind);
    return error as LlmError;
  };

  it('sends the messages, tools, tool choice and JSON schema in the wire format and reads tool calls back', async () => {
    const model = await modelFor(
      () => ({
        json: completionBody(null, [
          { name: 'choose_flow', arguments: { intent: 'next_payment', confidence: 0.9 } },
        ]),
      }),
      { apiKey: 'sk-test-123' },
    );
    const result = await model.complete({
      messages: [
        { role: 'system', content: 'Pick a flow.' },
        { role: 'user', content: 'When is my next payment?' },
      ],
      tools: [
        {
          name: 'choose_flow',
          description: 'Choose the flow',
          parameters: { type: 'object', properties: { intent: { type: 'string' } }, required: ['intent'] },
        },
      ],
      toolChoice: { name: 'choose_flow' },
      jsonSchema: { name: 'answer', schema: { type: 'object' } },
      maxTokens: 50,
      temperature: 0,
    });
    expect(result.toolCalls).toEqual([
      { id: 'call_0', name: 'choose_flow', arguments: '{"intent":"next_payment","confidence":0.9}' },
    ]);
    const sent = server!.requests[0]!;
    expect(sent.method).toBe('POST');
    expect(sent.url).toBe('/v1/chat/completions');
    expect(sent.headers.authorization).toBe('Bearer sk-test-123');
    expect(sent.headers['content-type']).toBe('application/json');
    expect(sent.body).toEqual({
      model: 'tiny-test',
      messages: [
        { role: 'system', content: 'Pick a flow.' },
        { role: 'user', content: 'When is my next payment?' },
      ],
      max_tokens: 50,
      temperature: 0,
      tools: [
        {
          type: 'function',
          function: {
            name: 'choose_flow',
            description: 'Choose the flow',
            parameters: { type: 'object', properties: { intent: { type: 'string' } }, required: ['intent'] },
          },
        },
      ],
      tool_choice: { type: 'function', function: { name: 'choose_flow' } },
      response_format: {
        type: 'json_schema',
        json_schema: { name: 'answer', schema: { type: 'object' }, strict: true },
      },
    });
  });

  it('sends no Authorization header when no key is configured (local servers)', async () => {
    const model = await modelFor(() => ({ json: completionBody('Hej!') }));
    expect(await model.complete({ messages: [{ role: 'user', content: 'hej' }] })).toEqual({
      text: 'Hej!',
      toolCalls: [],
    });
    expect(server!.requests[0]!.headers.authorization).toBeUndefined();
    expect(server!.requests[0]!.body.tools).toBeUndefined();
    expect(server!.requests[0]!.body.stream).toBeUndefined();
  });

  it('streams text deltas as they arrive and assembles tool-call fragments', async () => {
    const delta = (d: unknown) => JSON.stringify({ choices: [{ index: 0, delta: d }] });
    const model = await modelFor(() => ({
      sse: [
        delta({ role: 'assistant', content: '' }),
        delta({ content: 'Your next ' }),
        delta({ content: 'payment' }),
        delta({ tool_calls: [{ index: 0, id: 'call_a', function: { name: 'choose_flow', arguments: '' } }] }),
        delta({ tool_calls: [{ index: 0, function: { arguments: '{"intent":' } }] }),
        delta({ tool_calls: [{ index: 0, function: { arguments: '"next_payment"}' } }] }),
        JSON.stringify({ choices: [{ index: 0, delta: {}, finish_reason: 'stop' }] }),
        '[DONE]',
      ],
      delayBetweenMs: 5,
    }));
    const chunks: ChatStreamChunk[] = [];
    for await (const chunk of model.stream({ messages: [{ role: 'user', content: 'next payment?' }] })) {
      chunks.push(chunk);
    }
    expect(server!.requests[0]!.body.stream).toBe(true);
    expect(server!.requests[0]!.headers.accept).toBe('text/event-stream');
    expect(chunks).toEqual([
      { kind: 'text', text: 'Your next ' },
      { kind: 'text', text: 'payment' },
      {
        kind: 'tool_calls',
        toolCalls: [{ id: 'call_a', name: 'choose_flow', arguments: '{"intent":"next_payment"}' }],
      },
    ]);
  });

  it('retries a 429 after the Retry-After the server asked for, then succeeds', async () => {
    const model = await modelFor((_r, i) =>
      i === 0
        ? { status: 429, headers: { 'retry-after': '1' }, json: { error: { message: 'slow down' } } }
        : { json: completionBody('ok') },
    );
    const started = Date.now();
    const result = await model.complete({ messages: [{ role: 'user', content: 'hi' }] });
    expect(result.text).toBe('ok');
    expect(server!.requests).toHaveLength(2);
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
  });

  it('gives up after the configured retries on repeated 500s with a typed error naming the status', async () => {
    const model = await modelFor(() => ({ status: 500, json: { error: { message: 'boom' } } }), {
      maxRetries: 2,
    });
    const error = await expectLlmError(
      model.complete({ messages: [{ role: 'user', content: 'hi' }] }),
      'http',
    );
    expect(error.status).toBe(500);
    expect(error.message).toContain('500: boom');
    expect(server!.requests).toHaveLength(3);
  });

  it('does not retry a client error such as 401', async () => {
    const model = await modelFor(() => ({ status: 401, json: { error: { message: 'bad key' } } }));
    const error = await expectLlmError(
      model.complete({ messages: [{ role: 'user', content: 'hi' }] }),
      'http',
    );
    expect(error.status).toBe(401);
    expect(server!.requests).toHaveLength(1);
  });

  it('times out a hanging server per attempt and reports a timeout', async () => {
    const model = await modelFor(() => ({ hangMs: 5000 }), { timeoutMs: 150, maxRetries: 1 });
    const started = Date.now();
    await expectLlmError(model.complete({ messages: [{ role: 'user', content: 'hi' }] }), 'timeout');
    expect(Date.now() - started).toBeLessThan(2000);
    expect(server!.requests).toHaveLength(2);
  });

  it('stops at once when the caller aborts', async () => {
    const model = await modelFor(() => ({ hangMs: 5000 }), { timeoutMs: 4000 });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    await expectLlmError(
      model.complete({ messages: [{ role: 'user', content: 'hi' }], signal: controller.signal }),
      'aborted',
    );
    expect(server!.requests).toHaveLength(1);
  });

  it('rejects malformed JSON and unexpected shapes as malformed', async () => {
    const model = await modelFor((_r, i) => (i === 0 ? { raw: '{"choices": [' } : { json: { choices: [] } }));
    await expectLlmError(model.complete({ messages: [{ role: 'user', content: 'hi' }] }), 'malformed');
    await expectLlmError(model.complete({ messages: [{ role: 'user', content: 'hi' }] }), 'malformed');
  });

  it('rejects a stream with an invalid chunk', async () => {
    const model = await modelFor(() => ({ sse: ['{"choices":[{"delta":{"content":"a"}}]}', 'not json'] }));
    await expectLlmError(
      collectStream(model.stream({ messages: [{ role: 'user', content: 'hi' }] })),
      'malformed',
    );
  });

  it('reports a server that is not there as a network error', async () => {
    const model = createOpenAiChatModel({
      baseUrl: 'http://127.0.0.1:9/v1',
      model: 'x',
      timeoutMs: 1000,
      maxRetries: 1,
      retryBaseMs: 5,
    });
    await expectLlmError(model.complete({ messages: [{ role: 'user', content: 'hi' }] }), 'network');
  });

  it('reads Retry-After as seconds or as an HTTP date', () => {
    expect(parseRetryAfter('2')).toBe(2000);
    expect(
      parseRetryAfter('Wed, 21 Oct 2015 07:28:10 GMT', Date.parse('Wed, 21 Oct 2015 07:28:00 GMT')),
    ).toBe(10_000);
    expect(parseRetryAfter('soon')).toBeNull();
    expect(parseRetryAfter(null)).toBeNull();
  });
});
