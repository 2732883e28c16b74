import type { Principal } from '../identity/principal.js';
import type { Actor } from '../platform/audit/write-audit.js';
import { type FinishDeps, type FinishResult, finishHumanHandling } from './finish-human-handling.js';
import type { ResolutionCode } from './human-copy.js';

/** Closes the conversation with a wrap-up code; the customer's next message answers 409. */
export function closeConversation(
  deps: FinishDeps,
  actor: Actor,
  principal: Extract<Principal, { kind: 'staff' }>,
  input: { conversationId: string; resolutionCode: ResolutionCode },
): Promise<FinishResult> {
  return finishHumanHandling(deps, actor, principal, { ...input, to: 'closed' });
}
