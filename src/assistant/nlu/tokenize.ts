export interface NormalizeOptions {
  /** Strip accents (é→e, ö→o, ơ→o): customers type without them, on phones and in code-switching. */
  foldDiacritics: boolean;
  /** Map every digit to 0 so "£20" and "£50" share features. */
  foldDigits: boolean;
}

// Letters that NFD does not decompose into base + mark.
const EXTRA_FOLDS: Record<string, string> = { đ: 'd', ß: 'ss', ø: 'o', æ: 'ae', œ: 'oe', ł: 'l', ı: 'i' };
const EXTRA_FOLD_RE = /[đßøæœłı]/g;

export function normalizeText(text: string, options: NormalizeOptions): string {
  let out = text.normalize('NFKC').toLowerCase();
  if (options.foldDiacritics) {
    out = out
      .normalize('NFD')
      .replace(/\p{M}+/gu, '')
      .replace(EXTRA_FOLD_RE, (ch) => EXTRA_FOLDS[ch] ?? ch);
  }
  if (options.foldDigits) out = out.replace(/\p{Nd}/gu, '0');
  // Apostrophes vanish so "can't", "cant" and "can’t" are one word.
  return out.replace(/['’‘`´]/g, '');
}

const WORD_RE = /[\p{L}\p{N}]+|\p{Sc}/gu;

/** Words of an already-normalised text: runs of letters/digits, and currency symbols on their own. */
export function splitWords(normalized: string): string[] {
  return normalized.match(WORD_RE) ?? [];
}
