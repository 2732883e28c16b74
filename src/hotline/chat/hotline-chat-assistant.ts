import { performance } from 'node:perf_hooks';
import type { Assistant, AssistantTurn, ConversationContext } from '../../conversations/assistant-port.js';
import { endCall } from '../calls/end-call.js';
import type { CallDeps } from '../calls/hotline-deps.js';
import { recordTurn } from '../calls/record-turn.js';
import { startCall } from '../calls/start-call.js';
import type { InterviewState } from '../interview/interview-port.js';

/** What the `hotline` channel keeps in the conversation's assistant state between turns. */
interface HotlineChatState {
  personaId: string;
  interview: InterviewState;
  /** The opening as shown (disclosure first), stored as the call's consent notice and first turn. */
  opening: string[];
  openingPassageId: string | null;
  openedAt: string;
  callId?: string;
  finished?: boolean;
}

const UNAVAILABLE =
  'The founder hotline is not available right now. Our support chat can help in the meantime.';
const ENDED =
  'Thank you, this conversation with the founder hotline has ended. The team reads every conversation.';

/**
 * The founder persona's interview behind the Assistant port, for the `hotline` chat channel.
 * The call row is made at the caller's first message (the conversation row, which it
 * references, does not exist yet at the greeting). A `human` redirect requests the normal
 * handoff to a person, and the hotline call ends there; `assistant` redirects are only words.
 */
export function createHotlineChatAssistant(deps: CallDeps): Assistant {
  return {
    async greet(context) {
      const persona = await deps.personas.personaForChat(context.language);
      if (!persona) return { language: context.language, replies: [{ text: UNAVAILABLE }], state: {} };
      const language = persona.languages.includes(context.language)
        ? context.language
        : (persona.languages[0] ?? 'en');
      const open = deps.interview.open(persona, language);
      const state: HotlineChatState = {
        personaId: persona.id,
        interview: open.state,
        opening: open.replies,
        openingPassageId: open.passageId,
        openedAt: context.now.toISOString(),
      };
      return { language, replies: open.replies.map((text) => ({ text })), state: { hotline: state } };
    },

    async respond(context, text) {
      const state = context.state.hotline as HotlineChatState | undefined;
      if (!state) return this.greet(context);
      const persona = await deps.personas.getPersona(state.personaId);
      if (!persona || state.finished) return words(context, persona ? ENDED : UNAVAILABLE, state);
      const language = context.language;
      const callId = state.callId ?? (await openCall(deps, context, state));
      await recordTurn(deps, callId, {
        speaker: 'caller',
        text,
        startedAt: context.now,
        endedAt: context.now,
      });
      const started = performance.now();
      const turn = await deps.interview.respond(persona, language, state.interview, text);
      const next: HotlineChatState = { ...state, callId, interview: turn.state, finished: turn.finished };
      const wantsPerson = turn.redirect === 'human';
      await recordTurn(deps, callId, {
        speaker: 'persona',
        text: turn.replies.join(' '),
        startedAt: deps.clock.now(),
        passageId: turn.passageId,
        replyMs: performance.now() - started,
        interviewState: turn.state,
      });
      if (turn.finished || wantsPerson) {
        next.finished = true;
        await endCall(deps, { callId, reason: 'completed' });
      }
      const result: AssistantTurn = {
        language,
        replies: turn.replies.map((r) => ({ text: r })),
        state: { hotline: next },
      };
      if (wantsPerson)
        result.handoff = { reason: 'hotline_caller_asked_for_person', priority: 'normal', queue: 'general' };
      return result;
    },
  };
}

async function openCall(deps: CallDeps, context: ConversationContext, state: HotlineChatState) {
  const call = await startCall(deps, {
    personaId: state.personaId,
    channel: 'chat',
    language: context.language,
    conversationId: context.conversationId,
    consentNotice: state.opening.join(' '),
    interviewState: state.interview,
  });
  await recordTurn(deps, call.id, {
    speaker: 'persona',
    text: state.opening.join(' '),
    startedAt: new Date(state.openedAt),
    passageId: state.openingPassageId,
  });
  return call.id;
}

function words(
  context: ConversationContext,
  text: string,
  state: HotlineChatState | undefined,
): AssistantTurn {
  return { language: context.language, replies: [{ text }], state: state ? { hotline: state } : {} };
}

/** Sends `hotline` conversations to the persona and every other channel to the assistant. */
export function assistantByChannel(routes: { hotline: Assistant; other: Assistant }): Assistant {
  const pick = (context: ConversationContext) =>
    context.channel === 'hotline' ? routes.hotline : routes.other;
  return {
    greet: (context) => pick(context).greet(context),
    respond: (context, text) => pick(context).respond(context, text),
  };
}
