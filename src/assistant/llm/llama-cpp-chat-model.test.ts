import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findPackageRoot } from '../language/package-root.js';
import { type ChatModel, LlmError } from './chat-model.js';
import { createLlamaCppChatModel } from './llama-cpp-chat-model.js';

// The tiny real GGUF shared beside the repository (260K parameters, stories only; it cannot chat,
// but it loads, streams and follows a grammar, which is what this adapter adds).
const MODEL_PATH = join(findPackageRoot(), '..', 'shared', 'models', 'stories260K', 'stories260K.gguf');
const hasModel = existsSync(MODEL_PATH);
const hasLibrary = (() => {
  try {
    createRequire(import.meta.url).resolve('node-llama-cpp');
    return true;
  } catch {
    return false;
  }
})();
const skipReason = !hasModel
  ? `no model file at ${MODEL_PATH}`
  : !hasLibrary
    ? 'the optional dependency node-llama-cpp is not installed'
    : null;
if (skipReason) console.warn(`llama-cpp provider tests skipped: ${skipReason}`);

describe.skipIf(skipReason !== null)('llama-cpp chat model (real tiny GGUF)', () => {
  let model: ChatModel;
  beforeAll(async () => {
    // One thread: llama.cpp's spinning worker threads crawl when the cores are shared.
    model = await createLlamaCppChatModel({
      modelPath: MODEL_PATH,
      timeoutMs: 20_000,
      threads: 1,
      contextSize: 512,
    });
  }, 60_000);
  afterAll(async () => {
    await model?.close?.();
  });

  it('loads the model and streams a reply in several chunks', async () => {
    const chunks: string[] = [];
    for await (const chunk of model.stream({
      messages: [{ role: 'user', content: 'Once upon a time' }],
      maxTokens: 16,
      temperature: 0,
    })) {
      if (chunk.kind === 'text') chunks.push(chunk.text);
    }
    expect(chunks.length).toBeGreaterThan(1);
    expect(chunks.join('').trim().length).toBeGreaterThan(0);
  });

  it('constrains the output to a JSON schema, which then parses and validates', async () => {
    const result = await model.complete({
      messages: [
        { role: 'system', content: 'Choose a flow.' },
        { role: 'user', content: 'When is my next payment?' },
      ],
      jsonSchema: {
        name: 'choice',
        schema: {
          type: 'object',
          properties: {
            intent: { type: 'string', enum: ['next_payment', 'refund_status', 'oos'] },
            confidence: { type: 'number' },
          },
        },
      },
      maxTokens: 60,
      temperature: 0,
    });
    const parsed = JSON.parse(result.text) as { intent: string; confidence: number };
    expect(['next_payment', 'refund_status', 'oos']).toContain(parsed.intent);
    expect(typeof parsed.confidence).toBe('number');
  });

  it('answers a forced tool call with arguments that follow the tool schema', async () => {
    const result = await model.complete({
      messages: [{ role: 'user', content: 'hello' }],
      tools: [
        {
          name: 'choose_flow',
          description: 'Choose the flow',
          parameters: {
            type: 'object',
            properties: { intent: { type: 'string', enum: ['greeting', 'oos'] } },
          },
        },
      ],
      toolChoice: { name: 'choose_flow' },
      maxTokens: 30,
    });
    expect(result.toolCalls).toHaveLength(1);
    expect(result.toolCalls[0]!.name).toBe('choose_flow');
    expect(['greeting', 'oos']).toContain(
      (JSON.parse(result.toolCalls[0]!.arguments) as { intent: string }).intent,
    );
  });

  it('takes one request at a time and stops when the caller aborts', async () => {
    const controller = new AbortController();
    controller.abort();
    const [aborted, fine] = await Promise.allSettled([
      model.complete({
        messages: [{ role: 'user', content: 'Once' }],
        maxTokens: 200,
        signal: controller.signal,
      }),
      model.complete({ messages: [{ role: 'user', content: 'Once' }], maxTokens: 8 }),
    ]);
    expect(aborted.status).toBe('rejected');
    expect((aborted as PromiseRejectedResult).reason).toBeInstanceOf(LlmError);
    expect(fine.status).toBe('fulfilled');
  });
});

describe('llama-cpp chat model configuration', () => {
  it('names the missing model file', async () => {
    const error = await createLlamaCppChatModel({ modelPath: '/nowhere/model.gguf', timeoutMs: 1000 }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(LlmError);
    expect((error as LlmError).message).toContain('/nowhere/model.gguf');
  });
});
