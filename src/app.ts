import type { Logger } from 'pino';
import { agentDeskRoutes } from './agent-desk/agent-desk-routes.js';
import {
  type ConfiguredAssistant,
  createConfiguredAssistant,
} from './assistant/llm/create-configured-assistant.js';
import { loadAssistantModels } from './assistant/load-assistant-models.js';
import type { Assistant } from './conversations/assistant-port.js';
import { registerConversationTopicRule } from './conversations/conversation-access.js';
import { conversationRoutes } from './conversations/conversation-routes.js';
import { humanRoutes } from './conversations/human-routes.js';
import { customerRoutes } from './customers/customer-routes.js';
import { serverCustomerRoutes } from './customers/server-customer-routes.js';
import { staffCustomerRoutes } from './customers/staff-customer-routes.js';
import { registerDemoRoutes } from './demo/demo-routes.js';
import { disputeRoutes } from './disputes/dispute-routes.js';
import { registerHandoffJobs } from './handoff/handoff-jobs.js';
import { handoffRoutes } from './handoff/handoff-routes.js';
import { registerHandoffNoteJob } from './handoff/summarise-handoff-with-llm.js';
import { createHotlineParts } from './hotline/create-hotline-parts.js';
import { personaRoutes } from './hotline/persona/persona-routes.js';
import { type HotlineParts, registerHotline } from './hotline/register-hotline.js';
import { registerAdminRoutes } from './identity/admin-routes.js';
import { registerAuthRoutes } from './identity/auth-routes.js';
import { createAuthenticateHook } from './identity/authenticate.js';
import {
  type CustomerTokenService,
  createCustomerTokenService,
  resolveCustomerTokenSecret,
} from './identity/customer-tokens.js';
import { scheduleTranscriptCopies } from './insights/copy-transcripts-for-analytics.js';
import { loadFeedbackExtractor } from './insights/feedback/load-feedback-extractor.js';
import { feedbackUpdateRoutes } from './insights/follow-ups/feedback-update-routes.js';
import { registerInsights } from './insights/register-insights.js';
import { helpRoutes } from './knowledge/help-routes.js';
import { createKnowledgeBaseSearch } from './knowledge/search-articles.js';
import { fraudRoutes } from './operations/fraud-routes.js';
import { opsRoutes } from './operations/ops-routes.js';
import { installmentRoutes } from './orders/installment-routes.js';
import { type Clock, systemClock } from './platform/clock.js';
import type { AppConfig } from './platform/config.js';
import { type Database, openDatabase } from './platform/db/database.js';
import { migrate } from './platform/db/migrate.js';
import type { AppDeps } from './platform/deps.js';
import { type EventBus, PostgresEventBus } from './platform/events/event-bus.js';
import { createHttpServer } from './platform/http/create-http-server.js';
import { type Readiness, registerHealthRoutes } from './platform/http/health-routes.js';
import { registerMetrics } from './platform/http/metrics.js';
import { registerStaticWeb } from './platform/http/static-web.js';
import type { HttpServer, RouteModule } from './platform/http/types.js';
import { registerLiveRoutes } from './platform/live/live-routes.js';
import { SocketHub } from './platform/live/socket-hub.js';
import { schedulePruning } from './platform/maintenance/prune-expired-rows.js';
import type { JobQueue } from './platform/queue/job-queue.js';
import { PostgresJobQueue } from './platform/queue/postgres-job-queue.js';
import { returnRoutes } from './refunds/return-routes.js';
import { agentRoutes } from './workforce/agent-routes.js';

/** Domain route modules, registered in this order. */
const DOMAIN_ROUTES: RouteModule[] = [
  customerRoutes,
  staffCustomerRoutes,
  serverCustomerRoutes,
  installmentRoutes,
  returnRoutes,
  disputeRoutes,
  opsRoutes,
  fraudRoutes,
  humanRoutes,
  agentRoutes,
  handoffRoutes,
  personaRoutes,
  feedbackUpdateRoutes,
];

export interface TandemApp {
  http: HttpServer;
  deps: AppDeps;
  hub: SocketHub;
  customerTokens: CustomerTokenService;
  readiness: Readiness;
  /** Stops taking requests, closes sockets, drains jobs, closes the database. */
  close(): Promise<void>;
}

/**
 * The composition root: wires every part from explicit dependencies.
 * Nothing in the app is a module-level singleton.
 */
export async function createApp(
  deps: AppDeps,
  options: { serveWeb?: boolean; assistant?: Assistant; hotline?: Partial<HotlineParts> } = {},
): Promise<TandemApp> {
  const secret = await resolveCustomerTokenSecret(deps.db, deps.config.customerTokenSecret);
  const customerTokens = createCustomerTokenService(secret, () => deps.clock.now());
  const readiness: Readiness = { shuttingDown: false };
  const http = await createHttpServer(deps.config, deps.logger);
  const hub = new SocketHub(deps.events, deps.logger);
  hub.start();

  http.addHook(
    'onRequest',
    createAuthenticateHook({ db: deps.db, customerTokens, now: () => deps.clock.now() }),
  );
  const metrics = registerMetrics(http);
  registerHealthRoutes(http, deps, readiness);
  registerAuthRoutes(http, deps);
  registerAdminRoutes(http, deps);
  registerLiveRoutes(http, hub, customerTokens);
  registerConversationTopicRule(hub, deps.db);
  // One help-centre index per process, shared by the public help routes and the assistant.
  const knowledgeBase = createKnowledgeBaseSearch(deps.db);
  await helpRoutes(knowledgeBase)(http, deps);
  await agentDeskRoutes(knowledgeBase)(http, deps);
  const configured: ConfiguredAssistant = options.assistant
    ? { assistant: options.assistant, close: async () => {} }
    : await createConfiguredAssistant(deps.config.assistant, {
        db: deps.db,
        events: deps.events,
        clock: deps.clock,
        kb: knowledgeBase,
        ...(await loadAssistantModels()),
        escalation: deps.config.escalation,
        logger: deps.logger,
        metrics,
      });
  const hotlineParts = await createHotlineParts(deps, options.hotline);
  const hotline = registerHotline(http, deps, hub, hotlineParts.parts, secret);
  // The `hotline` chat channel talks to the founder persona; every other channel to the assistant.
  const assistant = hotline.assistant(configured.assistant);
  await conversationRoutes(assistant, customerTokens)(http, deps);
  if (deps.config.demoMode) registerDemoRoutes(http, deps, customerTokens);
  for (const register of DOMAIN_ROUTES) await register(http, deps);
  const stopInsights = await registerInsights(
    http,
    deps,
    await loadFeedbackExtractor(deps.config.insights),
    hub,
  );
  if (options.serveWeb !== false) await registerStaticWeb(http);
  await http.ready();
  const stopSchedules = [
    schedulePruning(deps.jobs, deps.db, () => deps.clock.now()),
    scheduleTranscriptCopies(deps.jobs, deps.db),
    stopInsights,
    registerHandoffJobs({ ...deps, dispatch: deps.config.dispatch }, deps.logger),
  ];
  registerHandoffNoteJob(deps, configured.model);

  let closing: Promise<void> | undefined;
  return {
    http,
    deps,
    hub,
    customerTokens,
    readiness,
    close() {
      closing ??= (async () => {
        readiness.shuttingDown = true;
        for (const stop of stopSchedules) stop();
        await hotline.close();
        await hotlineParts.close();
        hub.closeAll();
        await http.close();
        await deps.jobs.stop();
        await deps.events.stop();
        await configured.close();
      })();
      return closing;
    },
  };
}

export interface Infrastructure {
  database: Database;
  events: EventBus;
  jobs: JobQueue;
}

/** Opens the database, applies migrations, and starts the event bus and job workers. */
export async function openInfrastructure(
  config: AppConfig,
  logger: Logger,
  overrides: Partial<Pick<AppDeps, 'jobs' | 'events'>> & { database?: Database } = {},
): Promise<Infrastructure> {
  const database = overrides.database ?? (await openDatabase(config.database, logger));
  const result = await migrate(database);
  if (result.applied.length) logger.info({ applied: result.applied }, 'database migrations applied');
  const events = overrides.events ?? new PostgresEventBus(database, logger);
  await events.start();
  const jobs = overrides.jobs ?? new PostgresJobQueue(database, logger, { concurrency: config.jobWorkers });
  return { database, events, jobs };
}

export function buildDeps(
  config: AppConfig,
  logger: Logger,
  infra: Infrastructure,
  clock: Clock = systemClock,
): AppDeps {
  return {
    config,
    logger,
    clock,
    database: infra.database,
    db: infra.database.db,
    events: infra.events,
    jobs: infra.jobs,
  };
}
