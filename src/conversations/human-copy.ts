import type { Language } from '../assistant/language/detect-language.js';

/** What the customer is told when the person hands the conversation back or closes it. */
export const HUMAN_COPY: Record<
  Language,
  { handedBack: (agent: string) => string; closed: (agent: string) => string; rate: string }
> = {
  en: {
    handedBack: (a) =>
      `${a} has handed you back to the assistant. Write here any time; a person is still one message away.`,
    closed: (a) => `${a} has closed this conversation. Thank you for contacting us.`,
    rate: 'How did we do? Please rate this conversation from 1 to 5.',
  },
  sv: {
    handedBack: (a) =>
      `${a} har lämnat tillbaka dig till assistenten. Skriv när du vill; en person är fortfarande ett meddelande bort.`,
    closed: (a) => `${a} har avslutat samtalet. Tack för att du kontaktade oss.`,
    rate: 'Hur gick det? Betygsätt gärna samtalet från 1 till 5.',
  },
  de: {
    handedBack: (a) =>
      `${a} hat Sie an den Assistenten zurückgegeben. Schreiben Sie jederzeit; eine Person ist nur eine Nachricht entfernt.`,
    closed: (a) => `${a} hat das Gespräch beendet. Danke für Ihre Nachricht.`,
    rate: 'Wie zufrieden waren Sie? Bitte bewerten Sie das Gespräch von 1 bis 5.',
  },
  fr: {
    handedBack: (a) =>
      `${a} vous a redirigé vers l’assistant. Écrivez quand vous voulez ; une personne reste à un message.`,
    closed: (a) => `${a} a clôturé cette conversation. Merci de nous avoir contactés.`,
    rate: 'Comment cela s’est-il passé ? Notez cette conversation de 1 à 5.',
  },
  es: {
    handedBack: (a) =>
      `${a} te ha devuelto al asistente. Escribe cuando quieras; una persona sigue a un mensaje de distancia.`,
    closed: (a) => `${a} ha cerrado esta conversación. Gracias por contactarnos.`,
    rate: '¿Qué tal lo hicimos? Valora esta conversación del 1 al 5.',
  },
  it: {
    handedBack: (a) =>
      `${a} ti ha riaffidato all’assistente. Scrivi quando vuoi; una persona è sempre a un messaggio di distanza.`,
    closed: (a) => `${a} ha chiuso questa conversazione. Grazie per averci contattato.`,
    rate: 'Come siamo andati? Valuta questa conversazione da 1 a 5.',
  },
  nl: {
    handedBack: (a) =>
      `${a} heeft je teruggegeven aan de assistent. Schrijf wanneer je wilt; een persoon is nog steeds één bericht verwijderd.`,
    closed: (a) => `${a} heeft dit gesprek afgesloten. Bedankt voor je bericht.`,
    rate: 'Hoe hebben we het gedaan? Geef dit gesprek een cijfer van 1 tot 5.',
  },
  vi: {
    handedBack: (a) =>
      `${a} đã chuyển bạn lại cho trợ lý. Hãy nhắn bất cứ lúc nào; nhân viên vẫn luôn sẵn sàng.`,
    closed: (a) => `${a} đã kết thúc cuộc trò chuyện. Cảm ơn bạn đã liên hệ.`,
    rate: 'Bạn đánh giá cuộc trò chuyện này thế nào? Hãy chấm từ 1 đến 5.',
  },
};

/** Wrap-up outcomes an agent records when handing back or closing. */
export const RESOLUTION_CODES = [
  'resolved',
  'information_given',
  'payment_arranged',
  'hardship_plan',
  'dispute_handled',
  'fraud_handled',
  'complaint_logged',
  'referred_elsewhere',
  'customer_unresponsive',
  'handed_back_to_ai',
  'other',
] as const;
export type ResolutionCode = (typeof RESOLUTION_CODES)[number];
