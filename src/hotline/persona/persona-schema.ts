import { z } from 'zod';
import type { Language } from '../../assistant/language/detect-language.js';
import { normaliseNumber } from './normalise-number.js';
import type { Persona } from './persona.js';

/** Languages the built-in interview has dialogue for; a persona may only list these. */
export const HOTLINE_LANGUAGES = ['en', 'sv'] as const satisfies readonly Language[];

const language = z.enum(HOTLINE_LANGUAGES, {
  error: `must be one of the hotline languages: ${HOTLINE_LANGUAGES.join(', ')}`,
});

/** E.164 after normalising: + then 8–15 digits, no leading zero. */
export const E164 = /^\+[1-9]\d{7,14}$/;

// Messages in words: the admin's form shows them beside the field.
const text = (max: number) =>
  z.string().trim().min(1, 'must not be empty').max(max, `must be at most ${max} characters`);

const passage = z.object({
  id: z
    .string()
    .trim()
    .regex(/^[a-z0-9][a-z0-9-]{0,79}$/, 'lower-case letters, digits and dashes'),
  kind: z.enum(['mission', 'history', 'anecdote', 'opinion', 'faq']),
  language,
  title: text(200),
  text: text(2000),
  source: text(300),
});

const voice = z.object({
  voice: z.string().trim().min(1).max(100).optional(),
  rate: z.number().int().min(80).max(450).optional(),
  pitch: z.number().int().min(0).max(99).optional(),
});

const byLanguage = <T extends z.ZodType>(value: T) => z.partialRecord(language, value);

/**
 * A persona as an admin may save it. Beyond field shapes: every listed language has a
 * disclosure and a way to reach a person, numbers and passages only use listed languages,
 * and passage ids and numbers are unique.
 */
export const personaSchema = z
  .object({
    id: z
      .string()
      .trim()
      .regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'lower-case letters, digits and dashes'),
    name: text(120),
    company: text(120),
    title: text(120),
    languages: z.array(language).min(1),
    numbers: z.array(
      z.object({
        number: z
          .string()
          .transform(normaliseNumber)
          .pipe(z.string().regex(E164, 'must be an E.164 number such as +14155550134')),
        market: z
          .string()
          .trim()
          .regex(/^[A-Z]{2}$/, 'a two-letter country code such as US or SE'),
        language,
      }),
    ),
    disclosure: byLanguage(text(1000)),
    humanContact: byLanguage(text(300)),
    voice: byLanguage(voice),
    corpus: z.array(passage).max(2000),
  })
  .superRefine((p, ctx) => {
    for (const lang of p.languages) {
      if (!p.disclosure[lang])
        ctx.addIssue({
          code: 'custom',
          path: ['disclosure', lang],
          message: `a disclosure in ${lang} is required`,
        });
      if (!p.humanContact[lang])
        ctx.addIssue({
          code: 'custom',
          path: ['humanContact', lang],
          message: `how to reach a person in ${lang} is required`,
        });
    }
    const seenNumbers = new Set<string>();
    p.numbers.forEach((n, i) => {
      if (!p.languages.includes(n.language))
        ctx.addIssue({
          code: 'custom',
          path: ['numbers', i, 'language'],
          message: `${n.language} is not in languages`,
        });
      if (seenNumbers.has(n.number))
        ctx.addIssue({
          code: 'custom',
          path: ['numbers', i, 'number'],
          message: `${n.number} is listed twice`,
        });
      seenNumbers.add(n.number);
    });
    const seenIds = new Set<string>();
    p.corpus.forEach((c, i) => {
      if (seenIds.has(c.id))
        ctx.addIssue({
          code: 'custom',
          path: ['corpus', i, 'id'],
          message: `passage id ${c.id} is used twice`,
        });
      seenIds.add(c.id);
      if (!p.languages.includes(c.language))
        ctx.addIssue({
          code: 'custom',
          path: ['corpus', i, 'language'],
          message: `${c.language} is not in languages`,
        });
    });
  });

/** Parses a persona, throwing zod's error (with paths) when it is not valid. */
export function parsePersona(input: unknown): Persona {
  return personaSchema.parse(input) as Persona;
}
