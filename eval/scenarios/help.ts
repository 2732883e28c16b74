import type { Language } from '../../src/assistant/language/detect-language.js';
import { DEFAULT_LOCALE } from '../../src/assistant/responder/format.js';
import type { CustomerRef, Scenario } from '../scorecard.js';

const LOCALE = DEFAULT_LOCALE;

const howTo = (
  id: string,
  language: Language,
  text: string,
  customer: CustomerRef = 'anonymous',
): Scenario => ({
  id,
  customer,
  locale: LOCALE[language],
  turns: [text],
  expect: { outcome: 'resolved', replyLanguage: language, mustMention: ['citation'] },
});

/** General questions the help centre answers: a cited answer, no handoff. */
export const HELP: Scenario[] = [
  howTo('en-help-returns', 'en', 'how do I send something back and get my money?'),
  howTo('en-help-late-fee', 'en', 'what happens if I pay late? is there a fee?'),
  howTo('en-help-pay4', 'en', 'how does splitting a purchase into four payments work?'),
  howTo('en-help-early', 'en', 'can I pay off my whole plan early?', 'alex'),
  howTo('en-help-card', 'en', 'how can I change the card my payments come from?', 'alex'),
  howTo('en-help-declined', 'en', 'why did my purchase get declined at checkout?'),
  howTo('en-help-close', 'en', 'how do I delete my Tandem account?'),
  howTo('en-help-credit', 'en', 'does using Tandem affect my credit score?'),
  howTo('en-help-apr', 'en', 'how is interest calculated on monthly financing?'),
  howTo('en-help-limit', 'en', 'how is my spending limit decided?'),
  howTo('en-help-privacy', 'en', 'what do you do with my personal data?'),
  howTo('en-help-failed', 'en', 'what happens when a payment fails?'),
  howTo('en-help-pay30', 'en', 'how does pay in 30 days work?'),
  howTo('sv-help-returns', 'sv', 'hur gör jag för att returnera en vara?'),
  howTo('sv-help-late-fee', 'sv', 'vad kostar det om jag betalar för sent?'),
  howTo('sv-help-pay4', 'sv', 'hur fungerar det att dela upp betalningen på fyra?'),
  howTo('sv-help-early', 'sv', 'kan jag betala hela skulden i förtid?', 'elsa'),
  howTo('sv-help-card', 'sv', 'hur byter jag kortet som betalningarna dras från?', 'elsa'),
  howTo('sv-help-declined', 'sv', 'varför nekades mitt köp?'),
  howTo('sv-help-close', 'sv', 'hur avslutar jag mitt konto hos er?'),
  howTo('sv-help-credit', 'sv', 'gör ni en kreditupplysning när jag handlar?'),
  howTo('sv-help-apr', 'sv', 'hur räknas räntan på delbetalning per månad?'),
  howTo('sv-help-limit', 'sv', 'hur bestäms min kreditgräns?'),
  howTo('sv-help-failed', 'sv', 'vad händer om en dragning misslyckas?'),
  howTo('sv-help-pay30', 'sv', 'hur funkar betala om 30 dagar?'),
  howTo('sv-help-postpone', 'sv', 'går det att skjuta upp en betalning?'),
  howTo('de-help-returns', 'de', 'Wie funktioniert eine Rücksendung bei euch?'),
  howTo('de-help-late-fee', 'de', 'Gibt es Mahngebühren, wenn ich zu spät zahle?'),
  howTo('fr-help-returns', 'fr', 'Comment faire un retour de produit ?'),
  howTo('fr-help-late-fee', 'fr', 'Y a-t-il des frais si je paie en retard ?'),
  howTo('es-help-returns', 'es', '¿Cómo devuelvo un producto?'),
  howTo('es-help-late-fee', 'es', '¿Cobráis recargo si pago tarde?'),
  howTo('it-help-returns', 'it', 'Come funziona il reso di un articolo?'),
  howTo('it-help-late-fee', 'it', 'Ci sono penali se pago in ritardo?'),
  howTo('nl-help-returns', 'nl', 'Hoe stuur ik een product terug?'),
  howTo('nl-help-late-fee', 'nl', 'Moet ik extra betalen als ik te laat betaal?'),
  howTo('vi-help-returns', 'vi', 'Làm thế nào để trả lại hàng?'),
  howTo('vi-help-late-fee', 'vi', 'Nếu tôi trả chậm thì có bị phạt phí không?'),
];
