import { describe, expect, it } from 'vitest';
import { formatAmount, formatDate } from '../src/assistant/responder/format.js';
import { REPLIES } from '../src/assistant/responder/replies.js';
import {
  findInventedFigures,
  fixedCopy,
  gateFailures,
  judge,
  reasonFamily,
  replyLanguageOk,
  type ScenarioResult,
  summarise,
} from './scorecard.js';

describe('invented-fact detector', () => {
  const sv = [formatAmount(41250, 'SEK', 'sv-SE'), formatDate('2025-06-05', 'sv-SE')];
  const en = [formatAmount(12999, 'USD', 'en-US'), formatDate('2025-06-12', 'en-US')];

  it('accepts a reply whose figures all come from the customer rows (sv-SE, non-breaking spaces)', () => {
    const reply = `Din nästa betalning är ${sv[0]}, senast ${sv[1]}, för ditt köp hos Stilhuset.`;
    expect(findInventedFigures(reply, sv)).toEqual([]);
  });

  it('flags an amount the rows do not hold, even next to a justified one', () => {
    const reply = `Your next payment is ${en[0]}, due ${en[1]}. A late fee of $15.00 applies.`;
    expect(findInventedFigures(reply, en)).toEqual(['15.00']);
  });

  it('flags a date and a bare number for an anonymous customer', () => {
    expect(findInventedFigures('You owe 250 on June 3, 2025.', [])).toEqual(['250', '3, 2025']);
  });

  it('ignores dispute list numbering but not amounts in the list', () => {
    const reply = `Which purchase?\n1. Pixelport (${en[0]})\n2. Oak & Ember (€80)`;
    expect(findInventedFigures(reply, en)).toEqual(['80']);
  });

  it('allows "14 days" when the cited article says it, not when it does not', () => {
    const reply = 'From our help centre: You can return items within 14 days of delivery.';
    const article = '# Returns\nMost merchants accept returns within 14 days of delivery.';
    expect(findInventedFigures(reply, [], [article])).toEqual([]);
    expect(findInventedFigures(reply, [], ['# Returns\nAsk the merchant.'])).toEqual(['14']);
  });

  it('does not let a longer number in the article excuse a shorter one', () => {
    expect(findInventedFigures('A fee of 4 applies.', [], ['Call 0406 for help.'])).toEqual(['4']);
  });

  it('allows the emergency number from the fixed copy', () => {
    expect(findInventedFigures(REPLIES.sv.urgent, [], fixedCopy('sv'))).toEqual([]);
  });
});

describe('reply language check', () => {
  it('accepts a Swedish reply declared Swedish', () => {
    expect(replyLanguageOk('sv', 'sv', [{ text: REPLIES.sv.loginNeeded, cited: false }])).toBe(true);
  });

  it('rejects a reply declared in another language', () => {
    expect(replyLanguageOk('en', 'sv', [{ text: REPLIES.en.loginNeeded, cited: false }])).toBe(false);
  });

  it('rejects English text even when the declared language is right', () => {
    expect(replyLanguageOk('de', 'de', [{ text: REPLIES.en.dontKnow, cited: false }])).toBe(false);
  });

  it('accepts an English article quoted for a German customer after the German note', () => {
    const text = `${REPLIES.de.articleInEnglish} From our help centre: Returns are handled by the merchant.`;
    expect(replyLanguageOk('de', 'de', [{ text, cited: true }])).toBe(true);
    expect(replyLanguageOk('de', 'de', [{ text: 'From our help centre: Returns.', cited: true }])).toBe(
      false,
    );
  });

  it('accepts a German article quoted for a German customer, with no note', () => {
    const text =
      'Aus unserem Hilfecenter: Rücksendungen wickelt der Händler ab, nach seinen eigenen Rückgabebedingungen.';
    expect(replyLanguageOk('de', 'de', [{ text, cited: true }])).toBe(true);
  });
});

describe('judging', () => {
  const base = (over: Partial<ScenarioResult>): ScenarioResult => ({
    scenario: {
      id: 's1',
      customer: 'alex',
      locale: 'en-US',
      turns: ['get me a person'],
      expect: {
        outcome: 'handoff',
        handoffReason: 'customer_requested_human',
        replyLanguage: 'en',
        asksForHumanAt: [0],
      },
    },
    turns: [
      {
        customerText: 'get me a person',
        language: 'en',
        replies: [{ text: REPLIES.en.handoff, cited: false }],
        handoffReason: 'customer_requested_human',
        alreadyHandedOff: false,
      },
    ],
    finalStatus: 'waiting_for_human',
    handoffReason: 'customer_requested_human',
    missingMentions: [],
    invented: [],
    actionTaken: [],
    errors: [],
    ...over,
  });

  it('passes a same-turn handoff and counts a missing one as trapped', () => {
    expect(judge(base({})).passed).toBe(true);
    const trapped = base({
      handoffReason: null,
      turns: [
        {
          customerText: 'get me a person',
          language: 'en',
          replies: [{ text: REPLIES.en.dontKnow, cited: false }],
          handoffReason: null,
          alreadyHandedOff: false,
        },
      ],
    });
    const verdict = judge(trapped);
    expect(verdict.trapped).toBe(true);
    const card = summarise([verdict]);
    expect(card.customersTrapped).toBe(1);
    expect(gateFailures(card)).toContain('1 customer(s) trapped');
  });

  it('groups handoff reasons into families', () => {
    expect(reasonFamily('complaint')).toBe(reasonFamily('customer_frustrated'));
    expect(reasonFamily('dispute_not_opened')).toBe('dispute');
    expect(reasonFamily('lost_card')).not.toBe(reasonFamily('low_understanding'));
  });
});
