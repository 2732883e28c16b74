import { z } from 'zod';
import {
  type ChatCompletion,
  type ChatModel,
  type ChatRequest,
  type ChatStreamChunk,
  LlmError,
  type ToolCall,
} from './chat-model.js';
import { readServerSentEvents } from './server-sent-events.js';

export interface OpenAiChatModelOptions {
  /** E.g. `https://api.openai.com/v1` or a local server's `http://127.0.0.1:8080/v1`. */
  baseUrl: string;
  /** Optional: local OpenAI-compatible servers need none. */
  apiKey?: string | undefined;
  model: string;
  /** Per HTTP attempt. */
  timeoutMs: number;
  /** Extra attempts after the first, on 429, 5xx and network errors. */
  maxRetries: number;
  /** First backoff step; doubles each retry, with jitter. */
  retryBaseMs?: number;
  /** Never wait longer than this between attempts, whatever Retry-After says. */
  maxRetryDelayMs?: number;
  fetch?: typeof fetch;
}

const toolCallSchema = z.object({
  id: z.string().default(''),
  type: z.string().optional(),
  function: z.object({ name: z.string(), arguments: z.string().default('') }),
});

const completionSchema = z.object({
  choices: z
    .array(
      z.object({
        message: z.object({
          content: z.string().nullable().optional(),
          tool_calls: z.array(toolCallSchema).nullable().optional(),
        }),
      }),
    )
    .min(1),
});

const chunkSchema = z.object({
  choices: z.array(
    z.object({
      delta: z
        .object({
          content: z.string().nullable().optional(),
          tool_calls: z
            .array(
              z.object({
                index: z.number().int().min(0),
                id: z.string().optional(),
                function: z
                  .object({ name: z.string().optional(), arguments: z.string().optional() })
                  .optional(),
              }),
            )
            .nullable()
            .optional(),
        })
        .optional(),
    }),
  ),
});

const RETRYABLE_STATUS = new Set([408, 409, 429, 500, 502, 503, 504]);

/**
 * Any OpenAI-compatible `/chat/completions` endpoint (OpenAI, vLLM, llama.cpp server, Ollama,
 * LM Studio …) over plain fetch: tools, JSON-schema output, SSE streaming, a timeout per
 * attempt, and retries with backoff and jitter that honour Retry-After.
 */
export function createOpenAiChatModel(options: OpenAiChatModelOptions): ChatModel {
  const doFetch = options.fetch ?? fetch;
  const url = `${options.baseUrl.replace(/\/+$/, '')}/chat/completions`;
  const retryBaseMs = options.retryBaseMs ?? 250;
  const maxRetryDelayMs = options.maxRetryDelayMs ?? 10_000;

  function body(request: ChatRequest, stream: boolean): Record<string, unknown> {
    const tools = request.tools ?? [];
    const choice = request.toolChoice;
    return {
      model: options.model,
      messages: request.messages,
      ...(request.maxTokens !== undefined ? { max_tokens: request.maxTokens } : {}),
      ...(request.temperature !== undefined ? { temperature: request.temperature } : {}),
      ...(tools.length
        ? {
            tools: tools.map((t) => ({
              type: 'function',
              function: { name: t.name, description: t.description, parameters: t.parameters },
            })),
            tool_choice:
              typeof choice === 'object'
                ? { type: 'function', function: { name: choice.name } }
                : (choice ?? 'auto'),
          }
        : {}),
      ...(request.jsonSchema
        ? {
            response_format: {
              type: 'json_schema',
              json_schema: { name: request.jsonSchema.name, schema: request.jsonSchema.schema, strict: true },
            },
          }
        : {}),
      ...(stream ? { stream: true } : {}),
    };
  }

  /** One POST with retries; resolves with the first successful response. */
  async function post(request: ChatRequest, stream: boolean): Promise<Response> {
    const payload = JSON.stringify(body(request, stream));
    const headers: Record<string, string> = {
      'content-type': 'application/json',
      accept: stream ? 'text/event-stream' : 'application/json',
    };
    if (options.apiKey) headers.authorization = `Bearer ${options.apiKey}`;
    let lastError: LlmError | undefined;
    let hintedDelay: number | null = null;
    for (let attempt = 0; attempt <= options.maxRetries; attempt++) {
      if (attempt > 0) await sleep(retryDelay(attempt, hintedDelay), request.signal);
      hintedDelay = null;
      const timeout = AbortSignal.timeout(options.timeoutMs);
      const signal = request.signal ? AbortSignal.any([request.signal, timeout]) : timeout;
      let response: Response;
      try {
        response = await doFetch(url, { method: 'POST', headers, body: payload, signal });
      } catch (err) {
        if (request.signal?.aborted)
          throw new LlmError('aborted', 'the request was cancelled', undefined, { cause: err });
        lastError = timeout.aborted
          ? new LlmError('timeout', `no answer within ${options.timeoutMs} ms`, undefined, { cause: err })
          : new LlmError('network', `cannot reach the model server: ${errorMessage(err)}`, undefined, {
              cause: err,
            });
        continue;
      }
      if (response.ok) return response;
      const detail = await errorDetail(response);
      lastError = new LlmError(
        response.status === 429 ? 'rate_limited' : 'http',
        `the model server answered ${response.status}${detail ? `: ${detail}` : ''}`,
        response.status,
      );
      hintedDelay = parseRetryAfter(response.headers.get('retry-after'));
      if (!RETRYABLE_STATUS.has(response.status)) throw lastError;
    }
    throw lastError ?? new LlmError('network', 'no attempt was made');
  }

  function retryDelay(attempt: number, hinted: number | null): number {
    if (hinted !== null) return Math.min(hinted, maxRetryDelayMs);
    // Full jitter: spreads the retries of many processes hitting the same rate limit.
    const ceiling = Math.min(retryBaseMs * 2 ** (attempt - 1), maxRetryDelayMs);
    return ceiling / 2 + Math.random() * (ceiling / 2);
  }

  return {
    id: `openai:${options.model}`,

    async complete(request: ChatRequest): Promise<ChatCompletion> {
      const response = await post(request, false);
      let json: unknown;
      try {
        json = await response.json();
      } catch (err) {
        throw new LlmError('malformed', 'the model server sent invalid JSON', response.status, {
          cause: err,
        });
      }
      const parsed = completionSchema.safeParse(json);
      if (!parsed.success) {
        throw new LlmError(
          'malformed',
          'the model server sent an unexpected completion shape',
          response.status,
        );
      }
      const message = parsed.data.choices[0]!.message;
      return {
        text: message.content ?? '',
        toolCalls: (message.tool_calls ?? []).map((c, i) => ({
          id: c.id || `call_${i}`,
          name: c.function.name,
          arguments: c.function.arguments,
        })),
      };
    },

    async *stream(request: ChatRequest): AsyncIterable<ChatStreamChunk> {
      const response = await post(request, true);
      if (!response.body) throw new LlmError('malformed', 'the model server sent no stream');
      // Tool calls arrive as fragments keyed by index: name first, arguments in pieces.
      const calls = new Map<number, ToolCall>();
      try {
        for await (const data of readServerSentEvents(response.body)) {
          if (data === '[DONE]') break;
          let json: unknown;
          try {
            json = JSON.parse(data);
          } catch {
            throw new LlmError('malformed', 'the model server sent an invalid stream chunk');
          }
          const chunk = chunkSchema.safeParse(json);
          if (!chunk.success)
            throw new LlmError('malformed', 'the model server sent an unexpected stream chunk');
          for (const choice of chunk.data.choices) {
            const delta = choice.delta;
            if (delta?.content) yield { kind: 'text', text: delta.content };
            for (const part of delta?.tool_calls ?? []) {
              const call = calls.get(part.index) ?? { id: `call_${part.index}`, name: '', arguments: '' };
              if (part.id) call.id = part.id;
              if (part.function?.name) call.name += part.function.name;
              if (part.function?.arguments) call.arguments += part.function.arguments;
              calls.set(part.index, call);
            }
          }
        }
      } catch (err) {
        if (err instanceof LlmError) throw err;
        if (request.signal?.aborted)
          throw new LlmError('aborted', 'the request was cancelled', undefined, { cause: err });
        throw new LlmError('network', `the stream broke off: ${errorMessage(err)}`, undefined, {
          cause: err,
        });
      }
      if (calls.size) {
        yield {
          kind: 'tool_calls',
          toolCalls: [...calls.entries()].sort(([a], [b]) => a - b).map(([, c]) => c),
        };
      }
    },
  };
}

/** Seconds or an HTTP date, in ms; null when absent or unreadable. */
export function parseRetryAfter(value: string | null, now = Date.now()): number | null {
  if (!value) return null;
  if (/^\d+(\.\d+)?$/.test(value.trim())) return Math.round(Number(value) * 1000);
  const at = Date.parse(value);
  return Number.isNaN(at) ? null : Math.max(0, at - now);
}

async function errorDetail(response: Response): Promise<string> {
  try {
    const text = (await response.text()).slice(0, 2000);
    const json = JSON.parse(text) as { error?: { message?: unknown } };
    const message = json.error?.message;
    return typeof message === 'string' ? message.slice(0, 200) : '';
  } catch {
    return '';
  }
}

function errorMessage(err: unknown): string {
  if (err instanceof Error) {
    const cause = err.cause instanceof Error ? ` (${err.cause.message})` : '';
    return `${err.message}${cause}`;
  }
  return String(err);
}

function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(new LlmError('aborted', 'the request was cancelled'));
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(new LlmError('aborted', 'the request was cancelled'));
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
