/**
 * A deliberately tiny front-matter reader for help-centre articles:
 *
 *   ---
 *   slug: paying-early
 *   title: "Paying early"
 *   tags: [payments, early-payment]
 *   ---
 *   Markdown body...
 *
 * Only `key: value` lines, optionally quoted, and `[a, b]` lists. Anything else is an
 * error, so a typo fails the import instead of producing a half-parsed article.
 */

export type FrontMatterValue = string | string[];

export interface ParsedDocument {
  attributes: Record<string, FrontMatterValue>;
  body: string;
}

export class FrontMatterError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FrontMatterError';
  }
}

const KEY_LINE = /^([A-Za-z][\w-]*):\s*(.*)$/;

function unquote(raw: string): string {
  const value = raw.trim();
  if (value.length >= 2 && (value[0] === '"' || value[0] === "'") && value.at(-1) === value[0]) {
    return value.slice(1, -1);
  }
  return value;
}

function parseValue(raw: string, line: number): FrontMatterValue {
  const value = raw.trim();
  if (value.startsWith('[')) {
    if (!value.endsWith(']')) throw new FrontMatterError(`line ${line}: list is not closed with ]`);
    const inner = value.slice(1, -1).trim();
    return inner === '' ? [] : inner.split(',').map((item) => unquote(item));
  }
  return unquote(value);
}

export function parseFrontMatter(text: string): ParsedDocument {
  const normalized = text.replace(/^\uFEFF/, '').replace(/\r\n/g, '\n');
  const lines = normalized.split('\n');
  if (lines[0]?.trim() !== '---')
    throw new FrontMatterError('the file must start with a --- front-matter line');
  const attributes: Record<string, FrontMatterValue> = {};
  let end = -1;
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.trim() === '---') {
      end = i;
      break;
    }
    if (line.trim() === '' || line.trimStart().startsWith('#')) continue;
    const match = KEY_LINE.exec(line);
    if (!match) throw new FrontMatterError(`line ${i + 1}: expected "key: value", got "${line}"`);
    const key = match[1]!;
    if (key in attributes) throw new FrontMatterError(`line ${i + 1}: "${key}" appears twice`);
    attributes[key] = parseValue(match[2]!, i + 1);
  }
  if (end === -1) throw new FrontMatterError('the front matter is not closed with ---');
  return {
    attributes,
    body: lines
      .slice(end + 1)
      .join('\n')
      .trim(),
  };
}
