/** The hotline persona as the admin API sends and takes it (src/hotline/persona/persona.ts), and form helpers. */

/** The languages the server's interview has dialogue for (HOTLINE_LANGUAGES); it refuses others. */
export const PERSONA_LANGUAGES = ['en', 'sv'] as const;
export const CORPUS_KINDS = ['mission', 'history', 'anecdote', 'opinion', 'faq'] as const;
export type CorpusKind = (typeof CORPUS_KINDS)[number];

export interface CorpusPassage {
  id: string;
  kind: CorpusKind;
  language: string;
  title: string;
  text: string;
  source: string;
}

export interface HotlineNumber {
  number: string;
  market: string;
  language: string;
}

export interface VoiceSettings {
  voice?: string | undefined;
  rate?: number | undefined;
  pitch?: number | undefined;
}

export interface Persona {
  id: string;
  name: string;
  company: string;
  title: string;
  languages: string[];
  numbers: HotlineNumber[];
  disclosure: Partial<Record<string, string>>;
  humanContact: Partial<Record<string, string>>;
  voice: Partial<Record<string, VoiceSettings>>;
  corpus: CorpusPassage[];
}

/** A list row of `GET /api/v1/hotline/personas` (no disclosure, contact, voice or corpus text). */
export interface PersonaSummary {
  id: string;
  name: string;
  company: string;
}

/** `GET /api/v1/hotline/personas`: `{ personas }` (a bare array is accepted too). */
export function personasFrom(body: unknown): PersonaSummary[] {
  if (Array.isArray(body)) return body as PersonaSummary[];
  if (typeof body === 'object' && body !== null && Array.isArray((body as { personas?: unknown }).personas))
    return (body as { personas: PersonaSummary[] }).personas;
  return [];
}

/** `GET` or `PUT /api/v1/hotline/personas/:id`: `{ persona }`, the whole persona. */
export function personaFrom(body: unknown): Persona | undefined {
  if (typeof body !== 'object' || body === null) return undefined;
  const p = (body as { persona?: unknown }).persona;
  return typeof p === 'object' && p !== null && 'corpus' in p ? (p as Persona) : undefined;
}

/** A new passage id that is not taken yet (`<persona>-<n>`). */
export function newPassageId(persona: Persona): string {
  const taken = new Set(persona.corpus.map((p) => p.id));
  for (let n = persona.corpus.length + 1; ; n++) {
    const id = `${persona.id}-passage-${n}`;
    if (!taken.has(id)) return id;
  }
}

/**
 * The server's 400 details (`[{ path: 'body.corpus.2.text', message }]`) as messages per form field
 * (`corpus.2.text`). A message without a path is kept under '' for the form as a whole.
 */
export function fieldErrors(details: unknown): Map<string, string> {
  const out = new Map<string, string>();
  if (!Array.isArray(details)) return out;
  for (const d of details) {
    if (typeof d !== 'object' || d === null) continue;
    const { path, message } = d as { path?: unknown; message?: unknown };
    if (typeof message !== 'string') continue;
    const key = typeof path === 'string' ? path.replace(/^body\.?/, '') : '';
    if (!out.has(key)) out.set(key, message);
  }
  return out;
}

/** A field path in words for the error list: `corpus.2.text` → `Passage 3 · text`. */
export function fieldLabel(path: string): string {
  if (!path) return 'Persona';
  const parts = path.split('.');
  const words: string[] = [];
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i] ?? '';
    const next = parts[i + 1];
    if ((part === 'corpus' || part === 'numbers') && next !== undefined && /^\d+$/.test(next)) {
      words.push(`${part === 'corpus' ? 'Passage' : 'Number'} ${Number(next) + 1}`);
      i++;
    } else if (part === 'humanContact') words.push('human contact');
    else words.push(part);
  }
  return words.join(' · ');
}

/** Numbers from a text field: empty means unset (the engine's default). */
export function optionalNumber(text: string): number | undefined {
  const trimmed = text.trim();
  if (!trimmed) return undefined;
  const n = Number(trimmed);
  return Number.isFinite(n) ? n : undefined;
}
