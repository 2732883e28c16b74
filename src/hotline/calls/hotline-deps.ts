import type { Logger } from 'pino';
import type { Clock } from '../../platform/clock.js';
import type { HotlineConfig } from '../../platform/config.js';
import type { Sql } from '../../platform/db/database.js';
import type { EventBus } from '../../platform/events/event-bus.js';
import type { JobQueue } from '../../platform/queue/job-queue.js';
import type { HotlineInterview } from '../interview/interview-port.js';
import type { PersonaDirectory } from './persona-directory.js';

/** What the call-record use cases need; built once in src/hotline/register-hotline.ts. */
export interface CallDeps {
  db: Sql;
  events: EventBus;
  jobs: JobQueue;
  clock: Clock;
  logger: Pick<Logger, 'debug' | 'info' | 'warn' | 'error'>;
  interview: HotlineInterview;
  personas: PersonaDirectory;
  hotline: Pick<HotlineConfig, 'audioDir' | 'audioRetentionDays'>;
}

/** Staff who may read calls and follow the `hotline` live topic. */
export const HOTLINE_STAFF_ROLES = ['admin', 'supervisor', 'product', 'insights_reviewer'] as const;

export const HOTLINE_TOPIC = 'hotline';
/** Enqueued when a call ends; the insights pipeline consumes it. */
export const CALL_ENDED_QUEUE = 'insights.hotline-call-ended';
