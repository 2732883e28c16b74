import type { Assistant } from '../conversations/assistant-port.js';
import type { AppDeps } from '../platform/deps.js';
import type { HttpServer } from '../platform/http/types.js';
import type { SocketHub } from '../platform/live/socket-hub.js';
import { registerBrowserCallRoute } from './browser/browser-call-route.js';
import { registerCallRoutes } from './calls/call-routes.js';
import { createCallTokens } from './calls/call-token.js';
import type { CallDeps } from './calls/hotline-deps.js';
import { registerHotlineTopicRule } from './calls/hotline-topic-rule.js';
import { databasePersonaDirectory, type PersonaDirectory } from './calls/persona-directory.js';
import { scheduleIdleCallSweep } from './calls/sweep-idle-calls.js';
import { assistantByChannel, createHotlineChatAssistant } from './chat/hotline-chat-assistant.js';
import type { HotlineInterview } from './interview/interview-port.js';
import { registerIncomingCallRoute } from './phone/incoming-call-route.js';
import { registerMediaStreamRoute } from './phone/media-stream-route.js';
import { ActiveCalls } from './session/active-calls.js';
import type { AudioCodec, HotlineSpeech } from './session/call-session-ports.js';

/** The hotline's replaceable parts; `createApp` passes what tests inject and builds the rest. */
export interface HotlineParts {
  interview: HotlineInterview;
  speech: HotlineSpeech;
  codec: AudioCodec;
  personas?: PersonaDirectory | undefined;
}

export interface Hotline {
  /** The conversation API's assistant: `hotline` channel to the persona, the rest to `other`. */
  assistant(other: Assistant): Assistant;
  /** Ends live calls (`server_shutdown`) and stops the hotline's timers. */
  close(): Promise<void>;
}

/**
 * Registers the founder hotline: the carrier webhook and Media Streams socket, the browser
 * voice socket, staff call routes and live topic, the idle-call sweep. The call-ended job is the insights pipeline's
 * (src/insights/register-insights.ts).
 */
export function registerHotline(
  http: HttpServer,
  deps: AppDeps,
  hub: SocketHub,
  parts: HotlineParts,
  secret: string,
): Hotline {
  const config = deps.config.hotline;
  const callDeps: CallDeps = {
    db: deps.db,
    events: deps.events,
    jobs: deps.jobs,
    clock: deps.clock,
    logger: deps.logger,
    interview: parts.interview,
    personas: parts.personas ?? databasePersonaDirectory(deps.db),
    hotline: config,
  };
  const tokens = createCallTokens(secret);
  const active = new ActiveCalls(config.maxCalls);
  const sessionDeps = { ...callDeps, speech: parts.speech, codec: parts.codec, tokens, active };

  registerHotlineTopicRule(hub);
  registerCallRoutes(http, { db: deps.db, clock: deps.clock, tokens });
  const stopPending = registerIncomingCallRoute(http, { ...callDeps, tokens, config, active });
  registerMediaStreamRoute(http, { ...sessionDeps, streamStartTimeoutMs: config.streamStartTimeoutMs });
  registerBrowserCallRoute(http, sessionDeps);
  const stopSweep = scheduleIdleCallSweep(callDeps, config.idleCallMs);
  const chat = createHotlineChatAssistant(callDeps);

  return {
    assistant: (other) => assistantByChannel({ hotline: chat, other }),
    async close() {
      stopPending();
      stopSweep();
      await active.endAll();
    },
  };
}
