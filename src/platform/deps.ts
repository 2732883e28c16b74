import type { Logger } from 'pino';
import type { Clock } from './clock.js';
import type { AppConfig } from './config.js';
import type { Database, Sql } from './db/database.js';
import type { EventBus } from './events/event-bus.js';
import type { JobQueue } from './queue/job-queue.js';

/** Everything a use case or route may depend on; built once by the composition root (`createApp`). */
export interface AppDeps {
  config: AppConfig;
  database: Database;
  db: Sql;
  logger: Logger;
  clock: Clock;
  events: EventBus;
  jobs: JobQueue;
}
