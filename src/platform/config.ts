import { z } from 'zod';

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
  JOB_WORKERS: z.coerce.number().int().min(0).max(64).default(2),
});

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
  jobWorkers: number;
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
  return {
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
    jobWorkers: e.JOB_WORKERS,
  };
}
