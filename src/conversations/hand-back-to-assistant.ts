import type { Principal } from '../identity/principal.js';
import type { Actor } from '../platform/audit/write-audit.js';
import { type FinishDeps, type FinishResult, finishHumanHandling } from './finish-human-handling.js';
import type { ResolutionCode } from './human-copy.js';

/** The person is done; the assistant answers the customer's next message again. */
export function handBackToAssistant(
  deps: FinishDeps,
  actor: Actor,
  principal: Extract<Principal, { kind: 'staff' }>,
  input: { conversationId: string; resolutionCode?: ResolutionCode | undefined },
): Promise<FinishResult> {
  return finishHumanHandling(deps, actor, principal, {
    conversationId: input.conversationId,
    to: 'bot',
    resolutionCode: input.resolutionCode ?? 'handed_back_to_ai',
  });
}
