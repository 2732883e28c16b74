import type { Language } from '../../assistant/language/detect-language.js';
import type { HotlineCallChannel } from '../../platform/db/schema.js';
import { newId } from '../../platform/ids.js';
import type { InterviewState } from '../interview/interview-port.js';
import { type CallRow, maskPhoneNumber, toCallSummary } from './call-views.js';
import { type CallDeps, HOTLINE_TOPIC } from './hotline-deps.js';

export interface StartCallInput {
  personaId: string;
  channel: HotlineCallChannel;
  language: Language;
  market?: string | null | undefined;
  toNumber?: string | null | undefined;
  /** Stored masked only. */
  fromNumber?: string | null | undefined;
  carrierCallId?: string | null | undefined;
  conversationId?: string | null | undefined;
  /** The disclosure and recording notice exactly as it will be spoken or shown first. */
  consentNotice: string;
  interviewState: InterviewState;
}

/** Creates an active call and tells staff watching the `hotline` topic. */
export async function startCall(deps: Pick<CallDeps, 'db' | 'events' | 'clock'>, input: StartCallInput) {
  const now = deps.clock.now();
  return deps.db.transaction().execute(async (trx): Promise<CallRow> => {
    const call = await trx
      .insertInto('hotline_calls')
      .values({
        id: newId(),
        persona_id: input.personaId,
        channel: input.channel,
        language: input.language,
        market: input.market ?? null,
        to_number: input.toNumber ?? null,
        from_number_masked: maskPhoneNumber(input.fromNumber),
        carrier_call_id: input.carrierCallId ?? null,
        conversation_id: input.conversationId ?? null,
        status: 'active',
        consent_notice: input.consentNotice,
        interview_state: JSON.stringify(input.interviewState),
        started_at: now,
        updated_at: now,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await deps.events.publish(HOTLINE_TOPIC, 'hotline.call.started', { call: toCallSummary(call, 0) }, trx);
    return call;
  });
}
