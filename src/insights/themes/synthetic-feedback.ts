import { createRandom } from './random.js';

/**
 * Synthetic customer feedback with known themes, in English and Swedish, for tests and the
 * throughput benchmark: templates × fillers (merchants, times, openers) so texts vary in wording
 * but each keeps its theme's product words.
 */
export interface SyntheticTheme {
  theme: string;
  en: readonly string[];
  sv: readonly string[];
}

export const SYNTHETIC_THEMES: readonly SyntheticTheme[] = [
  {
    theme: 'card_declined_checkout',
    en: [
      'my card was declined at checkout {m}',
      'card declined at the checkout again {t}',
      'checkout keeps declining my card {m}',
    ],
    sv: ['mitt kort nekades i kassan {m}', 'kortet nekades i kassan igen {t}', 'kassan nekar mitt kort {m}'],
  },
  {
    theme: 'app_crash_login',
    en: [
      'the app crashes when I log in {t}',
      'app crash on login screen {t}',
      'app crashes at login every time',
    ],
    sv: [
      'appen kraschar när jag loggar in {t}',
      'appen kraschar vid inloggning {t}',
      'appen kraschar vid inloggning igen',
    ],
  },
  {
    theme: 'refund_missing',
    en: [
      'still waiting for my refund from {m}',
      'refund from {m} never arrived',
      'where is my refund, returned the order {t}',
    ],
    sv: [
      'väntar fortfarande på min återbetalning från {m}',
      'återbetalningen från {m} har inte kommit',
      'var är min återbetalning, jag returnerade ordern {t}',
    ],
  },
  {
    theme: 'late_fee_unfair',
    en: [
      'why was I charged a late fee {t}',
      'late fee is unfair, I paid on time',
      'remove the late fee please, I paid {t}',
    ],
    sv: [
      'varför fick jag en förseningsavgift {t}',
      'avgiften för sen betalning är orättvis, jag betalade i tid',
      'ta bort förseningsavgiften, jag betalade {t}',
    ],
  },
  {
    theme: 'delivery_late',
    en: [
      'my delivery from {m} is late',
      'delivery from {m} not delivered yet {t}',
      'delivery delayed again {t}',
    ],
    sv: [
      'min leverans från {m} är sen',
      'leveransen från {m} är inte levererad {t}',
      'leveransen är försenad igen {t}',
    ],
  },
  {
    theme: 'dark_mode_request',
    en: ['please add dark mode to the app', 'would love a dark mode {t}', 'dark mode in the app please'],
    sv: ['lägg till mörkt läge i appen', 'önskar mörkt läge {t}', 'mörkt läge i appen tack'],
  },
  {
    theme: 'customer_service_praise',
    en: [
      'customer service was fast and friendly',
      'great customer service, thanks, {m} issue solved',
      'customer support answered fast, very helpful',
    ],
    sv: [
      'kundtjänst var snabb och trevlig',
      'bra kundtjänst, problemet med {m} löst',
      'kundtjänst svarade snabbt, mycket hjälpsam',
    ],
  },
  {
    theme: 'double_charge',
    en: [
      'I was charged twice for {m}',
      'double charge on my order from {m}',
      'charged twice for the same payment {t}',
    ],
    sv: [
      'jag blev debiterad dubbelt för {m}',
      'dubbeldebitering på min order från {m}',
      'debiterad två gånger för samma betalning {t}',
    ],
  },
];

const MERCHANTS = ['Zalando', 'H&M', 'IKEA', 'Elgiganten', 'Apotea', 'Stadium', 'CDON', 'Adlibris'];
const TIMES = ['today', 'yesterday', 'this morning', 'last week', 'twice now', 'on friday'];
const TIMES_SV = ['idag', 'igår', 'i morse', 'förra veckan', 'två gånger nu', 'i fredags'];

export interface SyntheticItem {
  text: string;
  theme: string;
  language: 'en' | 'sv';
}

export function generateFeedback(count: number, seed = 1, themes = SYNTHETIC_THEMES): SyntheticItem[] {
  const random = createRandom(seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
  const items: SyntheticItem[] = [];
  for (let i = 0; i < count; i++) {
    const theme = themes[i % themes.length]!;
    const language = random() < 0.5 ? 'en' : 'sv';
    const template = pick(language === 'en' ? theme.en : theme.sv);
    const text = template
      .replace('{m}', pick(MERCHANTS))
      .replace('{t}', pick(language === 'en' ? TIMES : TIMES_SV));
    items.push({ text, theme: theme.theme, language });
  }
  return items;
}
