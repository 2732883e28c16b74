/**
 * The one port every LLM provider implements (OpenAI-compatible HTTP, local llama.cpp, a
 * scripted fake for tests). The assistant only ever talks to this interface.
 */

export type ChatRole = 'system' | 'user' | 'assistant';

export interface ChatMessage {
  role: ChatRole;
  content: string;
}

/** A JSON Schema object (the subset the providers accept: object, string, number, enum, array). */
export type JsonSchema = { [key: string]: unknown };

export interface ChatTool {
  name: string;
  description: string;
  /** JSON Schema of the tool's arguments. */
  parameters: JsonSchema;
}

export interface ToolCall {
  id: string;
  name: string;
  /** The arguments as the model wrote them (JSON text); the caller parses and validates. */
  arguments: string;
}

export interface ChatRequest {
  messages: ChatMessage[];
  tools?: ChatTool[];
  /** `required` = some tool; a name = that tool. Default `auto` when tools are given. */
  toolChoice?: 'auto' | 'required' | { name: string };
  /** Constrains the text answer to this schema (structured output). */
  jsonSchema?: { name: string; schema: JsonSchema };
  maxTokens?: number;
  temperature?: number;
  signal?: AbortSignal;
}

export interface ChatCompletion {
  text: string;
  toolCalls: ToolCall[];
}

export type ChatStreamChunk = { kind: 'text'; text: string } | { kind: 'tool_calls'; toolCalls: ToolCall[] };

export interface ChatModel {
  /** Provider and model, for logs and metrics (never a key). */
  readonly id: string;
  complete(request: ChatRequest): Promise<ChatCompletion>;
  /** Text deltas as they are generated; assembled tool calls, if any, come last. */
  stream(request: ChatRequest): AsyncIterable<ChatStreamChunk>;
  close?(): Promise<void>;
}

export type LlmErrorKind =
  | 'timeout'
  | 'aborted'
  | 'rate_limited'
  | 'http'
  | 'network'
  | 'malformed'
  | 'unavailable';

/** Any provider failure, typed so callers can count and fall back without parsing messages. */
export class LlmError extends Error {
  constructor(
    readonly kind: LlmErrorKind,
    message: string,
    readonly status?: number,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'LlmError';
  }
}

/** Collects a stream into one completion (text joined, last tool calls kept). */
export async function collectStream(chunks: AsyncIterable<ChatStreamChunk>): Promise<ChatCompletion> {
  let text = '';
  let toolCalls: ToolCall[] = [];
  for await (const chunk of chunks) {
    if (chunk.kind === 'text') text += chunk.text;
    else toolCalls = chunk.toolCalls;
  }
  return { text, toolCalls };
}
