import { access } from 'node:fs/promises';
import type { ChatHistoryItem, Llama, LlamaContext, LlamaGrammar, LlamaModel } from 'node-llama-cpp';
import {
  type ChatCompletion,
  type ChatModel,
  type ChatRequest,
  type ChatStreamChunk,
  collectStream,
  type JsonSchema,
  LlmError,
} from './chat-model.js';

export interface LlamaCppChatModelOptions {
  /** A GGUF file on disk; nothing is downloaded. */
  modelPath: string;
  /** Per request. */
  timeoutMs: number;
  /** CPU threads; unset = node-llama-cpp's choice. On a busy shared machine 1–2 is much faster than "all". */
  threads?: number | undefined;
  contextSize?: number;
}

type NodeLlamaCpp = typeof import('node-llama-cpp');

/** The optional dependency, loaded only when this provider is configured. */
async function loadNodeLlamaCpp(): Promise<NodeLlamaCpp> {
  try {
    return await import('node-llama-cpp');
  } catch (err) {
    throw new LlmError(
      'unavailable',
      'ASSISTANT_PROVIDER=llama-cpp needs the optional dependency node-llama-cpp: run `npm install node-llama-cpp`',
      undefined,
      { cause: err },
    );
  }
}

/**
 * A local GGUF model through node-llama-cpp (prebuilt CPU binaries, no download, no build):
 * chat through the model's own chat template, schema-constrained output through a JSON-schema
 * grammar, a named tool call as schema-constrained arguments, streaming through onTextChunk.
 * One context and one sequence: requests take turns.
 */
export async function createLlamaCppChatModel(options: LlamaCppChatModelOptions): Promise<ChatModel> {
  try {
    await access(options.modelPath);
  } catch {
    throw new LlmError('unavailable', `LLAMA_MODEL_PATH: no model file at ${options.modelPath}`);
  }
  const lib = await loadNodeLlamaCpp();
  let llama: Llama;
  let model: LlamaModel;
  let context: LlamaContext;
  try {
    llama = await lib.getLlama({ gpu: false, build: 'never', logLevel: lib.LlamaLogLevel.error });
    model = await llama.loadModel({ modelPath: options.modelPath });
    context = await model.createContext({
      contextSize: options.contextSize ?? Math.min(4096, model.trainContextSize),
      ...(options.threads ? { threads: options.threads } : {}),
    });
  } catch (err) {
    throw new LlmError(
      'unavailable',
      `cannot load the model at ${options.modelPath}: ${String(err)}`,
      undefined,
      {
        cause: err,
      },
    );
  }
  const sequence = context.getSequence();
  const grammars = new Map<string, LlamaGrammar>();
  let queue: Promise<unknown> = Promise.resolve();

  async function grammarFor(schema: JsonSchema): Promise<LlamaGrammar> {
    const key = JSON.stringify(schema);
    let grammar = grammars.get(key);
    if (!grammar) {
      // The caller's schema is plain JSON Schema; node-llama-cpp checks what it supports.
      grammar = await llama.createGrammarForJsonSchema(
        schema as Parameters<Llama['createGrammarForJsonSchema']>[0],
      );
      grammars.set(key, grammar);
    }
    return grammar;
  }

  /** The schema output must follow: the forced tool's arguments, else the requested JSON schema. */
  function constraint(request: ChatRequest): { schema: JsonSchema; tool: string | null } | null {
    const tools = request.tools ?? [];
    const choice = request.toolChoice;
    const forced =
      typeof choice === 'object'
        ? tools.find((t) => t.name === choice.name)
        : choice === 'required' && tools.length === 1
          ? tools[0]
          : undefined;
    if (forced) return { schema: forced.parameters, tool: forced.name };
    if (request.jsonSchema) return { schema: request.jsonSchema.schema, tool: null };
    return null;
  }

  async function* generate(request: ChatRequest): AsyncIterable<ChatStreamChunk> {
    const wanted = constraint(request);
    const grammar = wanted ? await grammarFor(wanted.schema) : undefined;
    const system = request.messages.filter((m) => m.role === 'system').map((m) => m.content);
    const turns = request.messages.filter((m) => m.role !== 'system');
    const last = turns.at(-1);
    if (last?.role !== 'user') throw new LlmError('malformed', 'the last message must be from the user');
    const history: ChatHistoryItem[] = [
      ...(system.length ? [{ type: 'system' as const, text: system.join('\n\n') }] : []),
      ...turns
        .slice(0, -1)
        .map(
          (m): ChatHistoryItem =>
            m.role === 'user' ? { type: 'user', text: m.content } : { type: 'model', response: [m.content] },
        ),
    ];
    const timeout = AbortSignal.timeout(options.timeoutMs);
    // Aborted when the consumer stops reading early, so generation does not run on for nothing.
    const stop = new AbortController();
    const signal = AbortSignal.any([timeout, stop.signal, ...(request.signal ? [request.signal] : [])]);

    // Chunks arrive by callback; this bridges them to the async iterator.
    const pending: string[] = [];
    let wake: (() => void) | null = null;
    let finished = false;
    let failure: unknown = null;
    const session = new lib.LlamaChatSession({ contextSequence: sequence, autoDisposeSequence: false });
    session.setChatHistory(history);
    const run = session
      .prompt(last.content, {
        maxTokens: request.maxTokens ?? 256,
        ...(request.temperature !== undefined ? { temperature: request.temperature } : {}),
        ...(grammar ? { grammar } : {}),
        signal,
        onTextChunk: (text) => {
          pending.push(text);
          wake?.();
        },
      })
      .catch((err: unknown) => {
        failure = err;
      })
      .finally(() => {
        finished = true;
        wake?.();
      });
    try {
      let text = '';
      while (true) {
        const chunk = pending.shift();
        if (chunk !== undefined) {
          text += chunk;
          if (!wanted?.tool) yield { kind: 'text', text: chunk };
          continue;
        }
        if (finished) break;
        await new Promise<void>((resolve) => {
          wake = resolve;
        });
        wake = null;
      }
      if (failure) {
        if (request.signal?.aborted) throw new LlmError('aborted', 'the request was cancelled');
        if (timeout.aborted) throw new LlmError('timeout', `no answer within ${options.timeoutMs} ms`);
        throw new LlmError('unavailable', `the local model failed: ${String(failure)}`, undefined, {
          cause: failure,
        });
      }
      if (wanted?.tool)
        yield { kind: 'tool_calls', toolCalls: [{ id: 'call_0', name: wanted.tool, arguments: text }] };
    } finally {
      if (!finished) stop.abort();
      await run;
      session.dispose({ disposeSequence: false });
      await sequence.clearHistory();
    }
  }

  /** Runs one request at a time on the single sequence. */
  async function* serialized(request: ChatRequest): AsyncIterable<ChatStreamChunk> {
    const previous = queue;
    let release!: () => void;
    queue = new Promise<void>((resolve) => {
      release = resolve;
    });
    try {
      await previous.catch(() => {});
      yield* generate(request);
    } finally {
      release();
    }
  }

  return {
    id: `llama-cpp:${options.modelPath.split(/[\\/]/).at(-1)}`,
    complete: (request: ChatRequest): Promise<ChatCompletion> => collectStream(serialized(request)),
    stream: serialized,
    async close() {
      await context.dispose();
      await model.dispose();
      await llama.dispose();
    },
  };
}
