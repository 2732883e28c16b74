/** 13 to 19 digits, optionally grouped by spaces or dashes: what a card number looks like typed. */
const CARD_NUMBER = /(?<![\d])\d(?:[ -]?\d){12,18}(?![\d])/g;

/** True when the text contains something that looks like a full card number. */
export function containsCardNumber(text: string): boolean {
  CARD_NUMBER.lastIndex = 0;
  return CARD_NUMBER.test(text);
}

export const CARD_NUMBER_PLACEHOLDER = '[card number removed]';

/**
 * Replaces anything that looks like a card number before the message is stored or shown to
 * anyone. No Luhn check on purpose: a mistyped card number is just as sensitive.
 */
export function redactCardNumbers(text: string): string {
  return text.replace(CARD_NUMBER, CARD_NUMBER_PLACEHOLDER);
}
