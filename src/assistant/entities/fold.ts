/**
 * Lower-cases and strips accents one character at a time, so every index in the folded text
 * is the same index in the original (spans found in one can be cut from the other).
 */
export function foldAligned(text: string): string {
  let out = '';
  for (const unit of text.split('')) {
    if (unit === 'đ' || unit === 'Đ') {
      out += 'd';
      continue;
    }
    const bare = unit.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
    const lower = unit.toLowerCase();
    out += bare.length === 1 ? bare : lower.length === 1 ? lower : ' ';
  }
  return out;
}

/** Blanks a span so later patterns cannot read the same characters twice. */
export function blank(text: string, start: number, end: number): string {
  return text.slice(0, start) + ' '.repeat(end - start) + text.slice(end);
}

/** Word boundary that also works for letters outside ASCII (\b does not). */
export const B_START = '(?<![\\p{L}\\p{N}])';
export const B_END = '(?![\\p{L}\\p{N}])';
