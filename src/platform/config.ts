import { z } from 'zod';
import { type EscalationPolicy, escalationPolicy } from '../handoff/escalation-policy.js';

const booleanFromEnv = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  HOST: z.string().min(1).default('localhost'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'DATABASE_URL must start with postgres:// or postgresql://')
    .optional(),
  DATABASE_SCHEMA: z
    .string()
    .regex(/^[a-z_][a-z0-9_]{0,40}$/, 'DATABASE_SCHEMA must be a lower-case SQL identifier')
    .default('public'),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  /** Off for a pooler that cannot keep a server connection per client (PgBouncer in transaction mode before 1.21). */
  DATABASE_PREPARED_STATEMENTS: booleanFromEnv.default(true),
  TANDEM_DATA_DIR: z.string().min(1).default('./data'),
  TANDEM_DEMO: booleanFromEnv.optional(),
  /** JSON merged over the default escalation policy (src/handoff/escalation-policy.ts). */
  TANDEM_ESCALATION_POLICY: z.string().optional(),
  TANDEM_SEED_CUSTOMERS: z.coerce.number().int().min(1).max(10_000_000).default(200),
  CUSTOMER_TOKEN_SECRET: z
    .string()
    .min(32, 'CUSTOMER_TOKEN_SECRET must be at least 32 characters')
    .optional(),
  SESSION_TTL_HOURS: z.coerce
    .number()
    .positive()
    .max(24 * 30)
    .default(12),
  LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).default(5),
  LOGIN_LOCKOUT_MINUTES: z.coerce.number().positive().default(15),
  LOGIN_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(20),
  BODY_LIMIT_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .default(1024 * 1024),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  TRUST_PROXY: booleanFromEnv.default(false),
  // Pages that may embed the chat widget (CORS on the conversation API): `*` or a comma-separated list of origins.
  WIDGET_ORIGINS: z
    .string()
    .default('*')
    .transform((v) =>
      v
        .split(',')
        .map((o) => o.trim().replace(/\/+$/, ''))
        .filter(Boolean),
    )
    .refine((list) => list.every((o) => o === '*' || /^https?:\/\/[^/\s]+$/.test(o)), {
      message: 'WIDGET_ORIGINS must be * or comma-separated origins like https://shop.example',
    }),
  JOB_WORKERS: z.coerce.number().int().min(0).max(64).default(2),
  ASSISTANT_PROVIDER: z.enum(['builtin', 'openai', 'llama-cpp']).default('builtin'),
  OPENAI_BASE_URL: z
    .url({ protocol: /^https?$/, error: 'OPENAI_BASE_URL must be an http(s) URL' })
    .optional(),
  OPENAI_API_KEY: z.string().min(1).optional(),
  OPENAI_MODEL: z.string().min(1).optional(),
  LLM_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(8000),
  LLM_MAX_RETRIES: z.coerce.number().int().min(0).max(10).default(2),
  LLAMA_MODEL_PATH: z.string().min(1).optional(),
  LLAMA_THREADS: z.coerce.number().int().min(1).max(256).optional(),
  OFFER_TIMEOUT_SECONDS: z.coerce.number().int().min(1).max(600).default(15),
  PRESENCE_TIMEOUT_SECONDS: z.coerce.number().int().min(1).max(3600).default(30),
  WAIT_TARGET_SECONDS: z.coerce.number().int().min(1).default(60),
  DISPATCH_SWEEP_SECONDS: z.coerce.number().int().min(1).max(300).default(5),
  DEFAULT_HANDLE_SECONDS: z.coerce.number().int().min(10).default(300),
  AGENT_RATE_MINOR: z.coerce.number().int().min(0).default(250),
  AGENT_CURRENCY: z.enum(['USD', 'SEK']).default('USD'),
  DEMAND_INCENTIVE_MINOR: z.coerce.number().int().min(0).default(100),
  DEMAND_NOTIFY_COOLDOWN_MINUTES: z.coerce.number().int().min(1).default(30),
  /** Share of queued chats to answer within WAIT_TARGET_SECONDS (the service-level target, percent). */
  SERVICE_LEVEL_TARGET_PERCENT: z.coerce.number().int().min(1).max(100).default(80),
  /** What one conversation costs in model/inference fees, minor units of AI_COST_CURRENCY. */
  AI_COST_PER_CONVERSATION_MINOR: z.coerce.number().int().min(0).default(2),
  AI_COST_CURRENCY: z.enum(['USD', 'SEK']).default('USD'),
  /** A conversation the assistant has and nobody wrote in for this long counts as finished (idle). */
  CONVERSATION_IDLE_MINUTES: z.coerce.number().int().min(1).default(30),
  /** The carrier account's auth token; signs incoming-call webhooks (X-Twilio-Signature). Required in production. */
  HOTLINE_CARRIER_AUTH_TOKEN: z.string().min(1).optional(),
  /** How the carrier reaches this server, e.g. https://tandem.example; the signed URL and the wss:// stream URL. */
  HOTLINE_PUBLIC_URL: z
    .url({ protocol: /^https?$/, error: 'HOTLINE_PUBLIC_URL must be an http(s) URL' })
    .optional(),
  /** Where call audio (WAV) is kept; default <TANDEM_DATA_DIR>/hotline-audio. */
  HOTLINE_AUDIO_DIR: z.string().min(1).optional(),
  /** Days call audio is kept; 0 = audio is not stored at all. */
  HOTLINE_AUDIO_RETENTION_DAYS: z.coerce.number().int().min(0).max(3650).default(30),
  /** A media stream that sends no `start` within this many seconds is closed. */
  HOTLINE_STREAM_START_SECONDS: z.coerce.number().positive().max(300).default(10),
  /** An active call with no activity for this long is ended (a process that crashed mid-call). */
  HOTLINE_IDLE_CALL_MINUTES: z.coerce.number().positive().max(1440).default(15),
  /** Voice calls one process holds at once; more are told the lines are busy (see bench:voice for capacity). */
  HOTLINE_MAX_CALLS: z.coerce.number().int().min(1).max(1000).default(6),
  /** Speech engines for the founder hotline (src/voice): embedded ones run offline. */
  SPEECH_RECOGNIZER: z.enum(['pocketsphinx', 'openai']).default('pocketsphinx'),
  SPEECH_SYNTHESIZER: z.enum(['espeak', 'openai']).default('espeak'),
  SPEECH_OPENAI_BASE_URL: z
    .url({ protocol: /^https?$/, error: 'SPEECH_OPENAI_BASE_URL must be an http(s) URL' })
    .default('https://api.openai.com/v1'),
  SPEECH_OPENAI_API_KEY: z.string().min(1).optional(),
  SPEECH_OPENAI_STT_MODEL: z.string().min(1).default('whisper-1'),
  SPEECH_OPENAI_TTS_MODEL: z.string().min(1).default('tts-1'),
  SPEECH_OPENAI_VOICE: z.string().min(1).default('alloy'),
  SPEECH_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(15_000),
  /** Trailing silence that ends a caller's turn. */
  SPEECH_END_OF_TURN_MS: z.coerce.number().int().min(100).max(5000).default(500),
  /** Warm pocketsphinx processes kept loaded and waiting. */
  SPEECH_RECOGNIZER_POOL: z.coerce.number().int().min(0).max(32).default(2),
  /** Product areas for feedback (JSON, see config/insights-taxonomy.json); default: that file. */
  INSIGHTS_TAXONOMY_FILE: z.string().min(1).optional(),
  /** How often new chat messages, CSAT comments and agents' notes are scanned for feedback. */
  INSIGHTS_EXTRACT_EVERY_SECONDS: z.coerce.number().int().min(1).max(86_400).default(60),
  /** Longer texts are not feedback items (imports skip them with a count, the API refuses them). */
  INSIGHTS_MAX_TEXT_CHARS: z.coerce.number().int().min(100).max(1_000_000).default(10_000),
  /** Safety-net period of the theming job (it is also enqueued whenever items are stored). */
  INSIGHTS_THEME_EVERY_SECONDS: z.coerce.number().int().min(1).max(86_400).default(30),
  /** Cosine similarity an item needs to join an existing theme (src/insights/themes). */
  INSIGHTS_THEME_THRESHOLD: z.coerce.number().min(0).max(1).default(0.45),
  /** Owning teams per product area (JSON, see config/insights-teams.json); default: that file. */
  INSIGHTS_TEAMS_FILE: z.string().min(1).optional(),
  /** HMAC key for teams' webhooks that set none of their own. Never logged. */
  INSIGHTS_WEBHOOK_SECRET: z.string().min(16).optional(),
  INSIGHTS_DELIVERY_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(10_000),
  INSIGHTS_DELIVERY_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(20).default(6),
  INSIGHTS_SLA_TARGET_HOURS: z.coerce
    .number()
    .positive()
    .max(24 * 30)
    .default(24),
  INSIGHTS_SLA_WARNING_HOURS: z.coerce
    .number()
    .positive()
    .max(24 * 30)
    .default(20),
  INSIGHTS_SLA_CHECK_EVERY_SECONDS: z.coerce.number().int().min(1).max(86_400).default(300),
  INSIGHTS_GITHUB_API_URL: z.string().url().default('https://api.github.com'),
  INSIGHTS_GITHUB_TOKEN: z.string().min(1).optional(),
  INSIGHTS_JIRA_EMAIL: z.string().min(1).optional(),
  INSIGHTS_JIRA_TOKEN: z.string().min(1).optional(),
  INSIGHTS_LINEAR_API_URL: z.string().url().default('https://api.linear.app/graphql'),
  INSIGHTS_LINEAR_API_KEY: z.string().min(1).optional(),
});

/** Speech engines (src/voice/create-speech-engines.ts). */
export interface SpeechConfig {
  recognizer: 'pocketsphinx' | 'openai';
  synthesizer: 'espeak' | 'openai';
  openai: {
    baseUrl: string;
    /** Never logged. */
    apiKey: string | undefined;
    sttModel: string;
    ttsModel: string;
    voice: string;
    timeoutMs: number;
  };
  endOfTurnMs: number;
  recognizerPoolSize: number;
  /** Where built recognition models are cached. */
  cacheDir: string;
}

/** The agent network: offers, presence, wait targets, pay (see src/handoff and src/workforce). */
export interface DispatchConfig {
  offerTimeoutMs: number;
  presenceTimeoutMs: number;
  waitTargetSeconds: number;
  sweepEveryMs: number;
  /** Assumed handle time when there is no recent human conversation to measure. */
  defaultHandleSeconds: number;
  ratePerConversationMinor: number;
  currency: 'USD' | 'SEK';
  demandIncentiveMinor: number;
  demandCooldownMs: number;
}

/** How the supervisors' support figures are judged and costed (src/operations/get-support-outcomes.ts). */
export interface SupportMetricsConfig {
  serviceLevelTarget: number;
  aiCostPerConversationMinor: number;
  aiCostCurrency: 'USD' | 'SEK';
  idleAfterMs: number;
}

/** Which answers the assistant may have an LLM word (see src/assistant/README.md). */
export type AssistantProviderConfig =
  | { provider: 'builtin' }
  | {
      provider: 'openai';
      baseUrl: string;
      /** Never logged; local servers need none. */
      apiKey: string | undefined;
      model: string;
      timeoutMs: number;
      maxRetries: number;
    }
  | { provider: 'llama-cpp'; modelPath: string; threads: number | undefined; timeoutMs: number };

export type DatabaseTarget =
  | { kind: 'pglite'; dataDir: string | undefined }
  | { kind: 'postgres'; url: string; poolSize: number; preparedStatements?: boolean };

export interface AppConfig {
  env: 'development' | 'production' | 'test';
  host: string;
  port: number;
  database: DatabaseTarget & { schema: string };
  dataDir: string;
  demoMode: boolean;
  demoSeedCustomers: number;
  customerTokenSecret: string | undefined;
  sessionTtlMs: number;
  login: { maxFailures: number; lockoutMs: number; ratePerMinute: number };
  bodyLimitBytes: number;
  logLevel: z.infer<typeof envSchema>['LOG_LEVEL'];
  trustProxy: boolean;
  /** Origins allowed to call the conversation API from a browser (the embedded widget); `*` for any. */
  widgetOrigins: string[];
  jobWorkers: number;
  assistant: AssistantProviderConfig;
  escalation: EscalationPolicy;
  dispatch: DispatchConfig;
  support: SupportMetricsConfig;
  hotline: HotlineConfig;
  speech: SpeechConfig;
  insights: InsightsConfig;
}

/** Feedback extraction (src/insights/feedback). */
export interface InsightsConfig {
  /** undefined = config/insights-taxonomy.json in the package. */
  taxonomyFile: string | undefined;
  extractEveryMs: number;
  maxTextChars: number;
  themeEveryMs: number;
  themeThreshold: number;
  /** undefined = config/insights-teams.json in the package. */
  teamsFile: string | undefined;
  /** Secrets below are never logged. */
  webhookSecret: string | undefined;
  deliveryTimeoutMs: number;
  deliveryMaxAttempts: number;
  slaTargetHours: number;
  slaWarningHours: number;
  slaCheckEveryMs: number;
  github: { apiUrl: string; token: string | undefined };
  jira: { email: string | undefined; token: string | undefined };
  linear: { apiUrl: string; apiKey: string | undefined };
}

/** The founder hotline's phone line, audio retention and call sweeping (src/hotline). */
export interface HotlineConfig {
  /** Never logged. */
  carrierAuthToken: string | undefined;
  publicUrl: string | undefined;
  audioDir: string;
  /** 0 = do not store call audio. */
  audioRetentionDays: number;
  streamStartTimeoutMs: number;
  idleCallMs: number;
  maxCalls: number;
}

export class ConfigError extends Error {
  constructor(readonly issues: string[]) {
    super(`Invalid configuration:\n  ${issues.join('\n  ')}`);
    this.name = 'ConfigError';
  }
}

/** Parses the environment once, at the composition root. Nothing else reads process.env. */
export function loadConfig(env: Record<string, string | undefined> = process.env): AppConfig {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = envSchema.safeParse(cleaned);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
  }
  const e = parsed.data;
  const dataDir = e.TANDEM_DATA_DIR;
  const database: AppConfig['database'] = e.DATABASE_URL
    ? {
        kind: 'postgres',
        url: e.DATABASE_URL,
        poolSize: e.DATABASE_POOL_SIZE,
        preparedStatements: e.DATABASE_PREPARED_STATEMENTS,
        schema: e.DATABASE_SCHEMA,
      }
    : { kind: 'pglite', dataDir: `${dataDir}/pglite`, schema: e.DATABASE_SCHEMA };
  const demoMode = e.TANDEM_DEMO ?? (e.NODE_ENV !== 'production' && database.kind === 'pglite');
  if (e.NODE_ENV === 'production' && !e.CUSTOMER_TOKEN_SECRET) {
    throw new ConfigError(['CUSTOMER_TOKEN_SECRET: required when NODE_ENV=production']);
  }
  if (e.NODE_ENV === 'production' && !e.HOTLINE_CARRIER_AUTH_TOKEN) {
    throw new ConfigError([
      'HOTLINE_CARRIER_AUTH_TOKEN: required when NODE_ENV=production (verifies the carrier signature on incoming calls)',
    ]);
  }
  return {
    assistant: assistantProvider(e),
    escalation: escalationFrom(e.TANDEM_ESCALATION_POLICY),
    env: e.NODE_ENV,
    host: e.HOST,
    port: e.PORT,
    database,
    dataDir,
    demoMode,
    demoSeedCustomers: e.TANDEM_SEED_CUSTOMERS,
    customerTokenSecret: e.CUSTOMER_TOKEN_SECRET,
    sessionTtlMs: e.SESSION_TTL_HOURS * 3_600_000,
    login: {
      maxFailures: e.LOGIN_MAX_FAILURES,
      lockoutMs: e.LOGIN_LOCKOUT_MINUTES * 60_000,
      ratePerMinute: e.LOGIN_RATE_LIMIT_PER_MINUTE,
    },
    bodyLimitBytes: e.BODY_LIMIT_BYTES,
    logLevel: e.LOG_LEVEL,
    trustProxy: e.TRUST_PROXY,
    widgetOrigins: e.WIDGET_ORIGINS,
    jobWorkers: e.JOB_WORKERS,
    dispatch: {
      offerTimeoutMs: e.OFFER_TIMEOUT_SECONDS * 1000,
      presenceTimeoutMs: e.PRESENCE_TIMEOUT_SECONDS * 1000,
      waitTargetSeconds: e.WAIT_TARGET_SECONDS,
      sweepEveryMs: e.DISPATCH_SWEEP_SECONDS * 1000,
      defaultHandleSeconds: e.DEFAULT_HANDLE_SECONDS,
      ratePerConversationMinor: e.AGENT_RATE_MINOR,
      currency: e.AGENT_CURRENCY,
      demandIncentiveMinor: e.DEMAND_INCENTIVE_MINOR,
      demandCooldownMs: e.DEMAND_NOTIFY_COOLDOWN_MINUTES * 60_000,
    },
    support: {
      serviceLevelTarget: e.SERVICE_LEVEL_TARGET_PERCENT / 100,
      aiCostPerConversationMinor: e.AI_COST_PER_CONVERSATION_MINOR,
      aiCostCurrency: e.AI_COST_CURRENCY,
      idleAfterMs: e.CONVERSATION_IDLE_MINUTES * 60_000,
    },
    hotline: {
      carrierAuthToken: e.HOTLINE_CARRIER_AUTH_TOKEN,
      publicUrl: e.HOTLINE_PUBLIC_URL?.replace(/\/+$/, ''),
      audioDir: e.HOTLINE_AUDIO_DIR ?? `${dataDir}/hotline-audio`,
      audioRetentionDays: e.HOTLINE_AUDIO_RETENTION_DAYS,
      streamStartTimeoutMs: e.HOTLINE_STREAM_START_SECONDS * 1000,
      idleCallMs: e.HOTLINE_IDLE_CALL_MINUTES * 60_000,
      maxCalls: e.HOTLINE_MAX_CALLS,
    },
    speech: {
      recognizer: e.SPEECH_RECOGNIZER,
      synthesizer: e.SPEECH_SYNTHESIZER,
      openai: {
        baseUrl: e.SPEECH_OPENAI_BASE_URL,
        apiKey: e.SPEECH_OPENAI_API_KEY,
        sttModel: e.SPEECH_OPENAI_STT_MODEL,
        ttsModel: e.SPEECH_OPENAI_TTS_MODEL,
        voice: e.SPEECH_OPENAI_VOICE,
        timeoutMs: e.SPEECH_TIMEOUT_MS,
      },
      endOfTurnMs: e.SPEECH_END_OF_TURN_MS,
      recognizerPoolSize: e.SPEECH_RECOGNIZER_POOL,
      cacheDir: `${dataDir}/speech`,
    },
    insights: {
      taxonomyFile: e.INSIGHTS_TAXONOMY_FILE,
      extractEveryMs: e.INSIGHTS_EXTRACT_EVERY_SECONDS * 1000,
      maxTextChars: e.INSIGHTS_MAX_TEXT_CHARS,
      themeEveryMs: e.INSIGHTS_THEME_EVERY_SECONDS * 1000,
      themeThreshold: e.INSIGHTS_THEME_THRESHOLD,
      teamsFile: e.INSIGHTS_TEAMS_FILE,
      webhookSecret: e.INSIGHTS_WEBHOOK_SECRET,
      deliveryTimeoutMs: e.INSIGHTS_DELIVERY_TIMEOUT_MS,
      deliveryMaxAttempts: e.INSIGHTS_DELIVERY_MAX_ATTEMPTS,
      slaTargetHours: e.INSIGHTS_SLA_TARGET_HOURS,
      slaWarningHours: e.INSIGHTS_SLA_WARNING_HOURS,
      slaCheckEveryMs: e.INSIGHTS_SLA_CHECK_EVERY_SECONDS * 1000,
      github: { apiUrl: e.INSIGHTS_GITHUB_API_URL, token: e.INSIGHTS_GITHUB_TOKEN },
      jira: { email: e.INSIGHTS_JIRA_EMAIL, token: e.INSIGHTS_JIRA_TOKEN },
      linear: { apiUrl: e.INSIGHTS_LINEAR_API_URL, apiKey: e.INSIGHTS_LINEAR_API_KEY },
    },
  };
}

function assistantProvider(e: z.infer<typeof envSchema>): AssistantProviderConfig {
  if (e.ASSISTANT_PROVIDER === 'openai') {
    const missing = [
      ...(e.OPENAI_BASE_URL ? [] : ['OPENAI_BASE_URL: required when ASSISTANT_PROVIDER=openai']),
      ...(e.OPENAI_MODEL ? [] : ['OPENAI_MODEL: required when ASSISTANT_PROVIDER=openai']),
    ];
    if (missing.length) throw new ConfigError(missing);
    return {
      provider: 'openai',
      baseUrl: e.OPENAI_BASE_URL!,
      apiKey: e.OPENAI_API_KEY,
      model: e.OPENAI_MODEL!,
      timeoutMs: e.LLM_TIMEOUT_MS,
      maxRetries: e.LLM_MAX_RETRIES,
    };
  }
  if (e.ASSISTANT_PROVIDER === 'llama-cpp') {
    if (!e.LLAMA_MODEL_PATH) {
      throw new ConfigError(['LLAMA_MODEL_PATH: required when ASSISTANT_PROVIDER=llama-cpp (a .gguf file)']);
    }
    return {
      provider: 'llama-cpp',
      modelPath: e.LLAMA_MODEL_PATH,
      threads: e.LLAMA_THREADS,
      timeoutMs: e.LLM_TIMEOUT_MS,
    };
  }
  return { provider: 'builtin' };
}

function escalationFrom(json: string | undefined): EscalationPolicy {
  let raw: unknown = {};
  try {
    if (json) raw = JSON.parse(json);
  } catch {
    throw new ConfigError(['TANDEM_ESCALATION_POLICY: not valid JSON']);
  }
  try {
    return escalationPolicy(raw as Parameters<typeof escalationPolicy>[0]);
  } catch (err) {
    const issues = err instanceof z.ZodError ? err.issues : [];
    throw new ConfigError(issues.map((i) => `TANDEM_ESCALATION_POLICY.${i.path.join('.')}: ${i.message}`));
  }
}
