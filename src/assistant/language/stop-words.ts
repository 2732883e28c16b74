import type { Language } from './detect-language.js';

// Very frequent, fairly distinctive words: a small prior that settles short messages where
// character n-grams alone are close ("is" vs "ist", "de" vs "di"). Words shared by several
// languages are listed in each, so they cancel out.
const WORDS: Record<Language, string> = {
  en: 'the my i is are you your me what when where how why can could do does did have has was will would please want need to of and it not my payment pay card order refund money thanks thank',
  sv: 'jag är du det och att inte min mitt mina vad när hur varför kan ska vill har hej tack snälla betala betalning kort pengar med på för av till ett en nej ja också',
  de: 'ich ist du das und nicht mein meine meinen was wann wie warum kann soll will habe hat bitte danke zahlung karte geld mit auf für von zu ein eine nein ja auch der die',
  fr: 'je est tu le la les et pas mon ma mes quand comment pourquoi peux veux ai avez vous bonjour merci paiement carte argent avec pour un une non oui aussi du des que',
  es: 'yo es tú el la los las y no mi mis qué cuándo cómo por qué puedo quiero tengo hola gracias pago tarjeta dinero con para un una sí también del que',
  it: 'io è tu il la lo gli le e non mio mia miei quando come perché posso voglio ho ciao grazie pagamento carta soldi con per un una sì anche del che',
  nl: 'ik is je jij het de een en niet mijn wat wanneer hoe waarom kan wil heb hallo dank bedankt betaling betalen kaart geld met op voor van naar nee ja ook',
  vi: 'tôi toi là bạn của cua không khong khi nào nao sao có muốn muon được duoc tiền tien thẻ trả tra cảm ơn xin chào chao và với voi',
};

const toSet = (words: string): ReadonlySet<string> => new Set(words.split(' '));

export const STOP_WORDS: Record<Language, ReadonlySet<string>> = {
  en: toSet(WORDS.en),
  sv: toSet(WORDS.sv),
  de: toSet(WORDS.de),
  fr: toSet(WORDS.fr),
  es: toSet(WORDS.es),
  it: toSet(WORDS.it),
  nl: toSet(WORDS.nl),
  vi: toSet(WORDS.vi),
};
