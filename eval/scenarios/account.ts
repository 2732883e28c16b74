import type { Scenario } from '../scorecard.js';

const NEXT = ['next_payment_amount', 'next_payment_date'] as const;

/** Identified customers asking about their own account: answered from the database, no handoff. */
export const ACCOUNT: Scenario[] = [
  // Next payment
  ...(
    [
      ['en-next-1', 'alex', 'en-US', 'how much do I owe next and when?', 'en'],
      ['en-next-2', 'alex', 'en-US', "what's the amount of my upcoming installment", 'en'],
      ['en-next-3', 'alex', 'en-US', 'hey, when does my next bill get charged?', 'en'],
      ['en-next-4', 5, 'en-US', 'When will you take the next payment from my card?', 'en'],
      ['en-next-5', 11, 'en-US', 'remind me what my next payment is', 'en'],
      ['sv-next-1', 'elsa', 'sv-SE', 'hur mycket ska jag betala nästa gång?', 'sv'],
      ['sv-next-2', 'elsa', 'sv-SE', 'när dras nästa delbetalning från mitt konto', 'sv'],
      ['sv-next-3', 'elsa', 'sv-SE', 'vad är min nästa betalning', 'sv'],
      ['sv-next-4', 'elsa', 'en-US', 'När förfaller min nästa faktura?', 'sv'],
      ['sv-next-5', 3, 'sv-SE', 'hej! när ska nästa betalning göras och hur mycket blir det?', 'sv'],
      ['sv-next-6', 19, 'sv-SE', 'vilket datum är min nästa avbetalning', 'sv'],
      ['de-next-1', 'alex', 'de-DE', 'Wann ist meine nächste Zahlung fällig und wie hoch ist sie?', 'de'],
      ['fr-next-1', 'alex', 'fr-FR', 'Quand dois-je payer ma prochaine échéance ?', 'fr'],
      ['es-next-1', 'alex', 'es-ES', '¿Cuándo tengo que pagar la próxima cuota?', 'es'],
      ['it-next-1', 'alex', 'it-IT', 'Quando scade la mia prossima rata?', 'it'],
      ['nl-next-1', 'alex', 'nl-NL', 'Wanneer moet ik mijn volgende termijn betalen?', 'nl'],
      ['vi-next-1', 'alex', 'vi-VN', 'Khi nào tôi phải trả khoản thanh toán tiếp theo?', 'vi'],
    ] as const
  ).map(
    ([id, customer, locale, text, replyLanguage]): Scenario => ({
      id,
      customer,
      locale,
      turns: [text],
      expect: { outcome: 'resolved', replyLanguage, mustMention: [...NEXT] },
    }),
  ),
  // Schedule
  ...(
    [
      ['en-schedule-1', 'alex', 'en-US', 'show me all my upcoming payments', 'en'],
      ['en-schedule-2', 'alex', 'en-US', 'what does my repayment plan look like from here on?', 'en'],
      ['en-schedule-3', 11, 'en-US', 'list the installments I still have to pay', 'en'],
      ['sv-schedule-1', 'elsa', 'sv-SE', 'visa min betalplan', 'sv'],
      ['sv-schedule-2', 'elsa', 'sv-SE', 'vilka delbetalningar har jag kvar att betala?', 'sv'],
      ['sv-schedule-3', 3, 'sv-SE', 'kan du lista alla kommande betalningar', 'sv'],
      ['de-schedule-1', 'elsa', 'de-DE', 'Zeig mir bitte meinen Zahlungsplan', 'de'],
      ['fr-schedule-1', 'elsa', 'fr-FR', 'Montrez-moi mon échéancier de paiements', 'fr'],
      ['es-schedule-1', 'elsa', 'es-ES', '¿Puedes mostrarme mi calendario de pagos?', 'es'],
      ['it-schedule-1', 'elsa', 'it-IT', 'Mostrami il piano dei pagamenti rimanenti', 'it'],
      ['nl-schedule-1', 'elsa', 'nl-NL', 'Laat mijn betalingsschema zien', 'nl'],
      ['vi-schedule-1', 'elsa', 'vi-VN', 'Cho tôi xem lịch thanh toán của tôi', 'vi'],
    ] as const
  ).map(
    ([id, customer, locale, text, replyLanguage]): Scenario => ({
      id,
      customer,
      locale,
      turns: [text],
      expect: { outcome: 'resolved', replyLanguage, mustMention: ['schedule'] },
    }),
  ),
  // Refunds
  ...(
    [
      ['en-refund-1', 'alex', 'en-US', 'has my refund come through yet?', 'en'],
      ['en-refund-2', 'alex', 'en-US', 'I sent a return back weeks ago, where is my money', 'en'],
      ['en-refund-3', 7, 'en-US', "what's the status of my refund", 'en'],
      ['sv-refund-1', 'elsa', 'sv-SE', 'har ni betalat tillbaka pengarna för min retur?', 'sv'],
      ['sv-refund-2', 'elsa', 'sv-SE', 'var är min återbetalning', 'sv'],
      ['sv-refund-3', 3, 'sv-SE', 'hur går det med min återbetalning?', 'sv'],
      ['de-refund-1', 'alex', 'de-DE', 'Wo bleibt meine Rückerstattung?', 'de'],
      ['fr-refund-1', 'alex', 'fr-FR', 'Où en est mon remboursement ?', 'fr'],
      ['es-refund-1', 'alex', 'es-ES', '¿Dónde está mi reembolso?', 'es'],
      ['it-refund-1', 'alex', 'it-IT', 'A che punto è il mio rimborso?', 'it'],
      ['nl-refund-1', 'alex', 'nl-NL', 'Wanneer krijg ik mijn terugbetaling?', 'nl'],
      ['vi-refund-1', 'alex', 'vi-VN', 'Tiền hoàn lại của tôi đâu rồi?', 'vi'],
    ] as const
  ).map(
    ([id, customer, locale, text, replyLanguage]): Scenario => ({
      id,
      customer,
      locale,
      turns: [text],
      expect: { outcome: 'resolved', replyLanguage, mustMention: ['refund_amount'] },
    }),
  ),
  // Two needs in one conversation
  {
    id: 'en-multi-1',
    customer: 'alex',
    locale: 'en-US',
    turns: ['hi there', 'when is my next payment due?', 'and where is my refund?', 'thanks, bye'],
    expect: { outcome: 'resolved', replyLanguage: 'en', mustMention: [...NEXT, 'refund_amount'] },
  },
  {
    id: 'sv-multi-1',
    customer: 'elsa',
    locale: 'sv-SE',
    turns: ['hej', 'när är nästa betalning?', 'och visa hela betalplanen', 'tack så mycket!'],
    expect: { outcome: 'resolved', replyLanguage: 'sv', mustMention: [...NEXT, 'schedule'] },
  },
  {
    id: 'sv-multi-2',
    customer: 'elsa',
    locale: 'sv-SE',
    turns: ['har jag någon återbetalning på gång?', 'okej. och nästa betalning då?'],
    expect: { outcome: 'resolved', replyLanguage: 'sv', mustMention: ['refund_amount', ...NEXT] },
  },
];
