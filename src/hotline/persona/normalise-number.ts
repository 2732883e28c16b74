/**
 * A dialled number in E.164 form: formatting (spaces, dashes, dots, brackets) dropped and an
 * international `00` prefix turned into `+`, so "+46 8-555 012 34" and "0046855501234" meet.
 */
export function normaliseNumber(raw: string): string {
  const compact = raw.trim().replace(/[\s\-.()/]/g, '');
  if (compact.startsWith('+')) return compact;
  if (compact.startsWith('00')) return `+${compact.slice(2)}`;
  return `+${compact}`;
}
