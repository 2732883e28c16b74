// The nlu tokenizer keeps only letters and digits, so emoji and emoticons, which carry much of a
// chat's feeling, become words first. Applied the same way at training and at prediction time.
const POSITIVE = /(?:[😀😃😄😁😊🙂😍🥰😘🤩🥳👍👌🙏🎉💯✅]|❤️?|♥️?|[:;]-?[)D]|<3)/gu;
const NEGATIVE = /(?:[😡😠🤬😤🙄😒😞😟😢😭😩😫👎💩😑]|[:;]-?[(/])/gu;

export const POSITIVE_EMOJI_TOKEN = 'emojipositive';
export const NEGATIVE_EMOJI_TOKEN = 'emojinegative';

/** The text the sentiment model reads: emoji and emoticons replaced by one word per polarity. */
export function sentimentText(text: string): string {
  return text.replace(POSITIVE, ` ${POSITIVE_EMOJI_TOKEN} `).replace(NEGATIVE, ` ${NEGATIVE_EMOJI_TOKEN} `);
}

/** Whether the text has an angry or unhappy emoji or emoticon. */
export function hasNegativeEmoji(text: string): boolean {
  return new RegExp(NEGATIVE.source, 'u').test(text);
}
