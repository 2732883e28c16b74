import type { Language } from '../../src/assistant/language/detect-language.js';
import { DEFAULT_LOCALE } from '../../src/assistant/responder/format.js';
import type { CustomerRef, Mention, Scenario } from '../scorecard.js';

const LOCALE = DEFAULT_LOCALE;

/** A flow the chat completes or declines on its own; `quiet` when no row may change at all. */
const flow = (
  id: string,
  language: Language,
  customer: CustomerRef,
  turns: string[],
  mustMention: Mention[],
  quiet = false,
): Scenario => ({
  id,
  customer,
  locale: LOCALE[language],
  turns,
  expect: {
    outcome: 'resolved',
    replyLanguage: language,
    mustMention,
    ...(quiet ? { noActionTaken: true as const } : {}),
  },
});

/**
 * Money-moving and plan-changing requests, confirmed in chat. They change the customers they use, so their order matters: each one is written against the state
 * the ones before it leave behind.
 */
export const ACTIONS: Scenario[] = [
  // Nothing moves before an explicit yes; "no" cancels.
  flow('en-pay-ask-only', 'en', 'alex', ['I want to pay my next installment now'], ['no_payment'], true),
  flow('en-pay-no', 'en', 'alex', ['pay my next installment right now please', 'no'], ['no_payment'], true),
  flow(
    'sv-payoff-no',
    'sv',
    'elsa',
    ['jag vill lösa hela min plan hos Elektrobyn', 'nej'],
    ['no_payment'],
    true,
  ),
  // Paid once, even when the customer says yes twice.
  flow(
    'en-pay-yes-twice',
    'en',
    'alex',
    ['I want to pay my next installment now', 'yes', 'yes'],
    ['one_payment'],
  ),
  flow('sv-pay-yes', 'sv', 3, ['jag vill betala min nästa delbetalning nu', 'ja', 'ja'], ['one_payment']),
  flow('de-pay-yes', 'de', 'alex', ['Ich möchte meine nächste Rate jetzt bezahlen', 'ja'], ['one_payment']),
  flow('it-pay-yes', 'it', 'alex', ['Voglio pagare subito la mia prossima rata', 'sì'], ['one_payment']),
  flow('nl-pay-yes', 'nl', 'alex', ['Ik wil mijn volgende termijn nu betalen', 'ja'], ['one_payment']),
  // Postponing: the rules, a refusal with its reason, and one postponement per plan.
  flow(
    'sv-postpone-late',
    'sv',
    'elsa',
    ['jag vill skjuta upp betalningen för Skönhetsrummet'],
    ['postpone_refused'],
    true,
  ),
  flow(
    'sv-postpone-yes',
    'sv',
    'elsa',
    ['kan jag skjuta upp betalningen för Stilhuset en vecka?', 'ja'],
    ['postponed'],
  ),
  flow(
    'en-postpone-yes',
    'en',
    'alex',
    ['can I postpone my Oak & Ember payment by a week?', 'yes'],
    ['postponed'],
  ),
  flow(
    'en-postpone-again',
    'en',
    'alex',
    ['I need to postpone my Oak & Ember payment again'],
    ['postpone_refused'],
    true,
  ),
  flow(
    'fr-postpone-no',
    'fr',
    'alex',
    ['Je voudrais reporter mon paiement Harbor & Pine', 'non merci'],
    [],
    true,
  ),
  flow(
    'es-postpone-yes',
    'es',
    11,
    ['¿Puedo aplazar mi pago de Skyward Trips una semana?', 'sí'],
    ['postponed'],
  ),
  // Paying off early, with the amount from the database.
  flow(
    'en-payoff-yes',
    'en',
    'alex',
    ['I want to pay off my Oak & Ember plan in full', 'yes'],
    ['one_payment'],
  ),
  // Card numbers are never taken; saved cards are offered instead.
  flow(
    'en-card-number',
    'en',
    'alex',
    ['my new card is 4111 1111 1111 1111, use that'],
    ['card_number_not_stored'],
  ),
  flow(
    'sv-card-number',
    'sv',
    'elsa',
    ['här är mitt nya kort 5555 5555 5555 4444'],
    ['card_number_not_stored'],
  ),
  flow(
    'sv-method-switch',
    'sv',
    'elsa',
    ['jag vill byta betalsätt för mina betalningar', 'Swedbank', 'ja'],
    ['method_switched'],
  ),
  flow(
    'en-method-switch',
    'en',
    13,
    ['I want to change the card my payments come from', 'the amex', 'yes'],
    ['method_switched'],
  ),
  // Returns, with an item choice when the order has several.
  flow(
    'en-return-yes',
    'en',
    'alex',
    ['I want to return something from Harbor & Pine', '1', 'yes'],
    ['return_registered'],
  ),
  flow('sv-return-yes', 'sv', 3, ['jag vill returnera mitt köp från Grå Ull', 'ja'], ['return_registered']),
  flow(
    'fr-return-yes',
    'fr',
    11,
    ['Je voudrais retourner mon achat chez Hearthstead Home', 'oui'],
    ['return_registered'],
  ),
  // Closing: refused with the reason while something is open, closed after yes when settled.
  flow('en-close-refused', 'en', 'alex', ['please close my account'], ['account_open'], true),
  flow('en-close-no', 'en', 8, ['I want to close my account', 'no'], ['account_open'], true),
  flow('en-close-yes', 'en', 7, ['I want to close my Tandem account', 'yes'], ['account_closed']),
  flow('sv-close-yes', 'sv', 4, ['jag vill avsluta mitt konto', 'ja'], ['account_closed']),
  // Why a payment was declined, from the recorded reason code.
  flow('en-declined', 'en', 5, ['why was my payment declined?'], ['decline_explained'], true),
  flow('sv-declined', 'sv', 'elsa', ['varför nekades min betalning?'], ['decline_explained'], true),
  flow('es-declined', 'es', 5, ['¿Por qué rechazaron mi pago?'], ['decline_explained'], true),
  flow('vi-declined', 'vi', 5, ['Tại sao thanh toán của tôi bị từ chối?'], ['decline_explained'], true),
];
