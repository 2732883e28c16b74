/** `GET /api/v1/hotline/lines`: the public hotline numbers, grouped by persona for the page. */

export interface HotlineLine {
  personaId: string;
  personaName: string;
  company: string;
  number: string;
  market: string;
  language: string;
}

export interface PersonaLines {
  personaId: string;
  personaName: string;
  company: string;
  lines: HotlineLine[];
}

export function groupLines(lines: readonly HotlineLine[]): PersonaLines[] {
  const byPersona = new Map<string, PersonaLines>();
  for (const line of lines) {
    const group = byPersona.get(line.personaId) ?? {
      personaId: line.personaId,
      personaName: line.personaName,
      company: line.company,
      lines: [],
    };
    group.lines.push(line);
    byPersona.set(line.personaId, group);
  }
  return [...byPersona.values()];
}

/** Languages the page offers (the first markets: the US and Sweden). */
export const CALL_LANGUAGES = ['en', 'sv'] as const;
export type CallLanguage = (typeof CALL_LANGUAGES)[number];

export const LANGUAGE_NAMES: Record<string, string> = { en: 'English', sv: 'Svenska' };

const MARKET_NAMES: Record<string, string> = { US: 'United States', SE: 'Sweden', GB: 'United Kingdom' };

export function marketName(market: string): string {
  return MARKET_NAMES[market.toUpperCase()] ?? market;
}

/** Groups an E.164 number for reading: +1 415 555 0134, +46 8 555 012 34 (roughly; digits stay as dialled). */
export function displayNumber(e164: string): string {
  const m = /^\+1(\d{3})(\d{3})(\d{4})$/.exec(e164);
  if (m) return `+1 ${m[1]} ${m[2]} ${m[3]}`;
  const se = /^\+46(\d)(\d+)$/.exec(e164);
  if (se) return `+46 ${se[1]} ${se[2]?.replace(/(\d{3})(?=\d)/g, '$1 ')}`;
  return e164;
}

/**
 * What the page says before the call: the same three things the persona says first (an AI, recorded
 * for the product team, how to reach a person), so nobody is surprised when it answers.
 */
export function preCallNotice(language: CallLanguage, name: string, company: string): string {
  return language === 'sv'
    ? `Du pratar med en AI-version av ${name}, inte med ${name} personligen. Den svarar bara utifrån sådant ${name} har sagt och kan inte lova eller besluta något. Samtalet spelas in och skrivs ut för produktteamet på ${company}. Vill du prata med en människa kan du be om det under samtalet eller använda supportchatten.`
    : `You will talk to an AI version of ${name}, not to ${name} in person. It answers only from things ${name} has said, and it cannot make promises or decisions. The call is recorded and transcribed for the ${company} product team. To reach a person, ask for one during the call or use the support chat.`;
}
