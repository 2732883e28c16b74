import { KB_QUESTIONS_INTL } from './kb-questions-intl.js';
import type { KbLocale } from './list-articles.js';

/**
 * Evaluation set for help-centre retrieval: questions as customers write them (paraphrased, some
 * with typos), each labelled with the article that answers it, or `null` when the help centre
 * does not answer it and the assistant should say so and offer a person.
 */
export interface KbQuestion {
  locale: KbLocale;
  question: string;
  expectedSlug: string | null;
}

const en = (question: string, expectedSlug: string | null): KbQuestion => ({
  locale: 'en',
  question,
  expectedSlug,
});
const sv = (question: string, expectedSlug: string | null): KbQuestion => ({
  locale: 'sv',
  question,
  expectedSlug,
});

const KB_QUESTIONS_EN_SV: readonly KbQuestion[] = [
  // English, answerable.
  en('How does splitting a purchase into four payments work?', 'how-pay-in-4-works'),
  en('how often are the installments taken when I split my order in 4?', 'how-pay-in-4-works'),
  en('Can I push my payment back a bit? I get paid next week', 'postponing-a-payment'),
  en('how do i postpne a payment', 'postponing-a-payment'),
  en('What is the late fee if I miss a payment?', 'fees-and-late-fees'),
  en('Are there any hidden charges or account fees?', 'fees-and-late-fees'),
  en('My payment failed, what happens now?', 'failed-payments'),
  en('why did my payment not go through, it says insufficient funds', 'failed-payments'),
  en('I sent the shoes back, when will I get my money?', 'returns-and-refunds'),
  en('how long does a refund take to show on my card', 'returns-and-refunds'),
  en('The merchant never delivered my order and won’t answer me', 'disputes'),
  en('I was charged twice by the shop, how do I complain?', 'disputes'),
  en('There is a purchase on my account I never made', 'unrecognised-purchases'),
  en('I dont recognize this charge, is it fraud?', 'unrecognised-purchases'),
  en('My wallet was stolen with my card in it', 'lost-or-stolen-card'),
  en('I lost my phone, can someone get into my account?', 'lost-or-stolen-card'),
  en('Why was my purchase declined?', 'declined-purchases'),
  en('checkout keeps getting rejected even though I have money', 'declined-purchases'),
  en('How much can I spend with you? What is my limit?', 'spending-limit'),
  en('how do I get a higher spending limit', 'spending-limit'),
  en('Will using you hurt my credit score?', 'credit-checks'),
  en('do you do a hard credit pull?', 'credit-checks'),
  en('What interest rate do you charge on monthly financing?', 'monthly-financing-and-apr'),
  en('can I spread a big purchase over 12 months', 'monthly-financing-and-apr'),
  en('Can I pay off my whole balance before the due date?', 'paying-early'),
  en('is there a penalty for paying early', 'paying-early'),
  en('When do you take the money from my account each time?', 'payment-due-dates'),
  en('I want to change the card my payments come from', 'changing-payment-method'),
  en('I need to speak to a real person, not a bot', 'talking-to-a-human'),
  en('I lost my job and can’t afford my payments right now', 'hardship-support'),
  en('How do I delete my account?', 'closing-your-account'),
  en('what personal data do you keep about me, and can I get a copy', 'privacy-and-data'),
  en('Is the founder phone line a real person or AI?', 'founder-hotline'),
  en('How does buy now pay in 30 days work?', 'pay-in-30-days'),
  en('Someone called me asking for my one-time code, is that you?', 'account-security'),

  // English, not answered by the help centre.
  en("What's the weather like in Stockholm tomorrow?", null),
  en('Can you recommend a good stock to invest in?', null),
  en('How do I bake sourdough bread?', null),
  en("What is your CEO's favourite colour?", null),
  en('Who won the football match last night?', null),
  en('Write me a poem about autumn', null),
  en('What is the capital of Australia?', null),
  en('Can you help me with my maths homework?', null),
  en('Which mortgage should I choose for my new house?', null),
  en('How do I file my taxes?', null),
  en('Do you sell concert tickets?', null),
  en('What time does the supermarket close?', null),
  en('Tell me a joke', null),
  en('Should I buy bitcoin?', null),
  en('How do I fix my washing machine?', null),
  en('What are your office opening hours in Berlin for visitors?', null),
  en('Can I get a job as an engineer at your company?', null),
  en('translate hello into japanese', null),
  en('what is the best pizza topping', null),
  en('How tall is the Eiffel tower?', null),

  // Swedish, answerable.
  sv('Hur funkar det att dela upp köpet i fyra delar?', 'how-pay-in-4-works'),
  sv('hur ofta dras pengarna när jag delar upp i 4', 'how-pay-in-4-works'),
  sv('Kan jag flytta fram min betalning några dagar?', 'postponing-a-payment'),
  sv('hur skjuter jag upp en betalnig', 'postponing-a-payment'),
  sv('Vad kostar det om jag betalar för sent?', 'fees-and-late-fees'),
  sv('Har ni några dolda avgifter?', 'fees-and-late-fees'),
  sv('Min betalning gick inte igenom, vad händer nu?', 'failed-payments'),
  sv('betalningen misslyckades för att det inte fanns pengar på kortet', 'failed-payments'),
  sv('Jag har skickat tillbaka tröjan, när får jag pengarna tillbaka?', 'returns-and-refunds'),
  sv('hur lång tid tar en återbetalning till kortet', 'returns-and-refunds'),
  sv('Butiken har aldrig skickat min beställning och svarar inte', 'disputes'),
  sv('Jag blev debiterad två gånger av butiken, vad gör jag?', 'disputes'),
  sv('Det finns ett köp på mitt konto som jag inte har gjort', 'unrecognised-purchases'),
  sv('jag känner inte igen en dragning, är det bedrägeri?', 'unrecognised-purchases'),
  sv('Mitt kort blev stulet igår', 'lost-or-stolen-card'),
  sv('Jag har tappat min mobil, kan någon komma åt mitt konto?', 'lost-or-stolen-card'),
  sv('Varför blev mitt köp nekat?', 'declined-purchases'),
  sv('köpet godkänns inte i kassan fast jag har pengar', 'declined-purchases'),
  sv('Hur mycket får jag handla för? Vad är min gräns?', 'spending-limit'),
  sv('hur höjer jag min köpgräns', 'spending-limit'),
  sv('Påverkar det min kreditvärdighet att handla hos er?', 'credit-checks'),
  sv('Tar ni en kreditupplysning på mig?', 'credit-checks'),
  sv('Vilken ränta har ni på delbetalning?', 'monthly-financing-and-apr'),
  sv('kan jag dela upp en stor betalning på 24 månader', 'monthly-financing-and-apr'),
  sv('Kan jag betala hela skulden direkt innan förfallodagen?', 'paying-early'),
  sv('kostar det något att lösa i förtid', 'paying-early'),
  sv('Vilken dag dras pengarna från mitt konto?', 'payment-due-dates'),
  sv('Jag vill byta kort som betalningarna dras från', 'changing-payment-method'),
  sv('Jag vill prata med en riktig person, inte en robot', 'talking-to-a-human'),
  sv('Jag har blivit sjukskriven och klarar inte mina betalningar', 'hardship-support'),
  sv('Hur tar jag bort mitt konto?', 'closing-your-account'),
  sv('vilka personuppgifter sparar ni om mig', 'privacy-and-data'),
  sv('Är det verkligen grundaren jag pratar med i telefonen?', 'founder-hotline'),
  sv('Hur fungerar faktura med 30 dagars betalning?', 'pay-in-30-days'),
  sv('Någon ringde och bad om min engångskod, var det ni?', 'account-security'),

  // Swedish, not answered by the help centre.
  sv('Hur blir vädret i Göteborg i helgen?', null),
  sv('Vilken aktie ska jag köpa?', null),
  sv('Hur bakar man surdegsbröd?', null),
  sv('Vad är VD:ns favoritfärg?', null),
  sv('Vem vann matchen igår kväll?', null),
  sv('Skriv en dikt om hösten', null),
  sv('Vad är huvudstaden i Australien?', null),
  sv('Kan du hjälpa mig med matteläxan?', null),
  sv('Vilket bolån ska jag välja?', null),
  sv('Hur deklarerar jag?', null),
  sv('Säljer ni konsertbiljetter?', null),
  sv('När stänger mataffären?', null),
  sv('Berätta ett skämt', null),
  sv('Ska jag köpa bitcoin?', null),
  sv('Hur lagar jag min tvättmaskin?', null),
  sv('Vad har ni för öppettider på kontoret i Berlin?', null),
  sv('Kan jag söka jobb som utvecklare hos er?', null),
  sv('översätt hej till japanska', null),
  sv('vilken pizza är godast', null),
  sv('Hur högt är Eiffeltornet?', null),
];

/** Every language's questions: English and Swedish here, the others in `kb-questions-intl.ts`. */
export const KB_QUESTIONS: readonly KbQuestion[] = [...KB_QUESTIONS_EN_SV, ...KB_QUESTIONS_INTL];

/**
 * Which questions scoring and thresholds may be tuned on: every third question of each
 * language (by position). Figures are reported on the others, which were not looked at while
 * tuning.
 */
export function kbQuestionSplit(questions: readonly KbQuestion[]): {
  tune: KbQuestion[];
  test: KbQuestion[];
} {
  const seen = new Map<KbLocale, number>();
  const tune: KbQuestion[] = [];
  const test: KbQuestion[] = [];
  for (const q of questions) {
    const n = seen.get(q.locale) ?? 0;
    seen.set(q.locale, n + 1);
    (n % 3 === 0 ? tune : test).push(q);
  }
  return { tune, test };
}
