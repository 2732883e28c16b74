import type { Logger } from 'pino';
import type { Registry } from 'prom-client';
import type { Assistant } from '../../conversations/assistant-port.js';
import type { AssistantProviderConfig } from '../../platform/config.js';
import type { BuiltinAssistantDeps } from '../responder/builtin-assistant.js';
import { createBuiltinAssistant } from '../responder/builtin-assistant.js';
import type { ChatModel } from './chat-model.js';
import { createLlamaCppChatModel } from './llama-cpp-chat-model.js';
import { createLlmAssistant } from './llm-assistant.js';
import { createOpenAiChatModel } from './openai-chat-model.js';

export interface ConfiguredAssistant {
  assistant: Assistant;
  /** The configured LLM, if any (also writes handoff notes for agents). */
  model?: ChatModel;
  /** Frees a local model; nothing to do for HTTP providers. */
  close(): Promise<void>;
}

/** The builtin assistant, wrapped by the LLM assistant when a provider is configured. */
export async function createConfiguredAssistant(
  config: AssistantProviderConfig,
  deps: BuiltinAssistantDeps & { logger: Logger; metrics?: Registry },
): Promise<ConfiguredAssistant> {
  const builtin = createBuiltinAssistant(deps);
  if (config.provider === 'builtin') return { assistant: builtin, close: async () => {} };
  let model: ChatModel;
  if (config.provider === 'openai') {
    model = createOpenAiChatModel({
      baseUrl: config.baseUrl,
      apiKey: config.apiKey,
      model: config.model,
      timeoutMs: config.timeoutMs,
      maxRetries: config.maxRetries,
    });
  } else {
    model = await createLlamaCppChatModel({
      modelPath: config.modelPath,
      threads: config.threads,
      timeoutMs: config.timeoutMs,
    });
  }
  deps.logger.info(
    { provider: model.id },
    'assistant: LLM provider configured, figures checked against the flows',
  );
  const assistant = createLlmAssistant({
    builtin,
    intents: deps.intents,
    model,
    timeoutMs: config.timeoutMs,
    logger: deps.logger,
    ...(deps.metrics ? { metrics: deps.metrics } : {}),
  });
  return { assistant, model, close: async () => model.close?.() };
}
