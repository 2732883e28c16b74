import type {
  Assistant,
  AssistantTurn,
  ConversationContext,
} from '../../src/conversations/assistant-port.js';

export const SCRIPTED_GREETING =
  "Hi! I'm Tandem's automated assistant (an AI, not a person). How can I help?";

/**
 * A predictable stand-in for the real assistant: greets with an AI disclosure, echoes
 * what it is told, counts turns in its state, and hands over when the text says "human".
 */
export class ScriptedAssistant implements Assistant {
  readonly calls: { kind: 'greet' | 'respond'; context: ConversationContext; text?: string }[] = [];

  async greet(context: ConversationContext): Promise<AssistantTurn> {
    this.calls.push({ kind: 'greet', context });
    return { language: context.language, replies: [{ text: SCRIPTED_GREETING }], state: { turns: 0 } };
  }

  async respond(context: ConversationContext, customerText: string): Promise<AssistantTurn> {
    this.calls.push({ kind: 'respond', context, text: customerText });
    const turns = (typeof context.state.turns === 'number' ? context.state.turns : 0) + 1;
    if (/human/i.test(customerText)) {
      return {
        language: context.language,
        replies: [{ text: 'Let me get a person to help you.' }],
        state: { turns },
        handoff: { reason: 'customer_asked_for_human', priority: 'normal', queue: 'general' },
      };
    }
    return { language: context.language, replies: [{ text: `You said: ${customerText}` }], state: { turns } };
  }

  respondCount(conversationId: string): number {
    return this.calls.filter((c) => c.kind === 'respond' && c.context.conversationId === conversationId)
      .length;
  }
}
