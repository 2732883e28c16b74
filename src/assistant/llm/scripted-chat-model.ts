import type { ChatCompletion, ChatModel, ChatRequest, ChatStreamChunk } from './chat-model.js';

/** What the fake answers to one request: a completion, or an error to throw. */
export type ScriptedAnswer = ChatCompletion | Error | ((request: ChatRequest) => ChatCompletion | Error);

/**
 * A predictable model for tests: answers requests in order from a script (the last answer
 * repeats) or with one function, records every request, and can be made to hang until aborted.
 */
export class ScriptedChatModel implements ChatModel {
  readonly id = 'scripted';
  readonly requests: ChatRequest[] = [];
  private readonly script: ScriptedAnswer[];

  constructor(
    script: ScriptedAnswer[] | ((request: ChatRequest) => ChatCompletion | Error),
    private readonly options: { hang?: boolean } = {},
  ) {
    this.script = Array.isArray(script) ? [...script] : [script];
  }

  async complete(request: ChatRequest): Promise<ChatCompletion> {
    this.requests.push(request);
    if (this.options.hang) {
      await new Promise<never>((_, reject) => {
        const fail = () => reject(request.signal?.reason ?? new Error('aborted'));
        if (request.signal?.aborted) fail();
        request.signal?.addEventListener('abort', fail, { once: true });
      });
    }
    const next = this.script.length > 1 ? this.script.shift() : this.script[0];
    if (next === undefined) throw new Error('scripted model: script is empty');
    const answer = typeof next === 'function' ? next(request) : next;
    if (answer instanceof Error) throw answer;
    return answer;
  }

  async *stream(request: ChatRequest): AsyncIterable<ChatStreamChunk> {
    const answer = await this.complete(request);
    for (const word of answer.text.split(/(?<= )/)) yield { kind: 'text', text: word };
    if (answer.toolCalls.length) yield { kind: 'tool_calls', toolCalls: answer.toolCalls };
  }
}

/** A completion that calls one tool with these arguments. */
export function toolCallAnswer(name: string, args: unknown): ChatCompletion {
  return { text: '', toolCalls: [{ id: 'call_1', name, arguments: JSON.stringify(args) }] };
}

export function textAnswer(text: string): ChatCompletion {
  return { text, toolCalls: [] };
}
