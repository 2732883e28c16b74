import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/platform/config.js';
import { createLogger } from '../../src/platform/logger.js';

const configError = (env: Record<string, string>) => {
  try {
    loadConfig(env);
  } catch (err) {
    if (err instanceof ConfigError) return err.message;
    throw err;
  }
  throw new Error('expected a ConfigError');
};

describe('assistant provider configuration', () => {
  it('runs the builtin assistant with no key and no model by default', () => {
    expect(loadConfig({}).assistant).toEqual({ provider: 'builtin' });
  });

  it('takes an OpenAI-compatible endpoint with or without a key', () => {
    expect(
      loadConfig({
        ASSISTANT_PROVIDER: 'openai',
        OPENAI_BASE_URL: 'http://127.0.0.1:8080/v1',
        OPENAI_MODEL: 'qwen',
      }).assistant,
    ).toEqual({
      provider: 'openai',
      baseUrl: 'http://127.0.0.1:8080/v1',
      apiKey: undefined,
      model: 'qwen',
      timeoutMs: 8000,
      maxRetries: 2,
    });
  });

  it('says which setting is missing or wrong for a provider', () => {
    expect(configError({ ASSISTANT_PROVIDER: 'openai' })).toMatch(
      /OPENAI_BASE_URL: required.*\n.*OPENAI_MODEL: required/,
    );
    expect(configError({ ASSISTANT_PROVIDER: 'llama-cpp' })).toMatch(/LLAMA_MODEL_PATH: required/);
    expect(configError({ ASSISTANT_PROVIDER: 'gpt' })).toMatch(/ASSISTANT_PROVIDER/);
    expect(
      configError({ ASSISTANT_PROVIDER: 'openai', OPENAI_BASE_URL: 'ftp://x', OPENAI_MODEL: 'm' }),
    ).toMatch(/OPENAI_BASE_URL must be an http\(s\) URL/);
    expect(configError({ LLM_TIMEOUT_MS: '5' })).toMatch(/LLM_TIMEOUT_MS/);
  });

  it('never writes the API key to the log', () => {
    let out = '';
    const sink = new Writable({
      write(chunk: Buffer, _enc, done) {
        out += chunk.toString();
        done();
      },
    });
    const config = loadConfig({
      ASSISTANT_PROVIDER: 'openai',
      OPENAI_BASE_URL: 'https://llm.example.com/v1',
      OPENAI_MODEL: 'm',
      OPENAI_API_KEY: 'sk-live-very-secret',
    });
    createLogger({ level: 'info' }, sink).info({ assistant: config.assistant }, 'config');
    expect(out).toContain('llm.example.com');
    expect(out).not.toContain('sk-live-very-secret');
  });
});
