import type { Language } from '../../assistant/language/detect-language.js';

/**
 * What a caller's words signal, for the interview. Caller text usually comes from speech
 * recognition: lower-case, no punctuation, apostrophes dropped or kept ("thats" / "that's"),
 * and sometimes a wrong word. So cues are phrase lists matched on word boundaries after
 * normalising, never punctuation, and each list carries the common variants.
 */

/** Lower-case, apostrophes dropped, everything but letters and digits turned into single spaces. */
export function normaliseCallerText(text: string): string {
  return text
    .normalize('NFC')
    .toLowerCase()
    .replace(/\[[^\]]*\]|<[^>]*>/g, ' ')
    .replace(/['’`´]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

export function wordCount(text: string): number {
  const normal = normaliseCallerText(text);
  return normal === '' ? 0 : normal.split(' ').length;
}

export type CueList = Readonly<Record<'en' | 'sv', readonly string[]>>;

const compiled = new Map<readonly string[], RegExp>();

export function pattern(phrases: readonly string[]): RegExp {
  let re = compiled.get(phrases);
  if (!re) {
    // Longest first, so "stämmer inte" wins over "stämmer" at the same place.
    const sorted = [...phrases].sort((a, b) => b.length - a.length);
    re = new RegExp(`(?<![\\p{L}\\p{N}])(?:${sorted.join('|')})(?![\\p{L}\\p{N}])`, 'u');
    compiled.set(phrases, re);
  }
  return re;
}

export const listFor = (cues: CueList, language: Language) => cues[language === 'sv' ? 'sv' : 'en'];

/** Where a cue first occurs in normalised text, or -1. */
export function firstIndex(text: string, cues: CueList, language: Language): number {
  const match = pattern(listFor(cues, language)).exec(text);
  return match ? match.index : -1;
}

export function has(text: string, cues: CueList, language: Language): boolean {
  return firstIndex(text, cues, language) !== -1;
}
