import {
  PERSONAL_DATA_PLACEHOLDER,
  redactPersonalData,
} from '../../platform/privacy/redact-personal-data.js';

/** What a card number typed into the chat is replaced with before it is stored. */
export const CARD_NUMBER_PLACEHOLDER = PERSONAL_DATA_PLACEHOLDER.card;

/** True when the text contains something that looks like a full card number (13–19 digits as typed). */
export function containsCardNumber(text: string): boolean {
  return (redactPersonalData(text, ['card']).found.card ?? 0) > 0;
}

/** Replaces anything that looks like a card number before the message is stored or shown to anyone. */
export function redactCardNumbers(text: string): string {
  return redactPersonalData(text, ['card']).text;
}
