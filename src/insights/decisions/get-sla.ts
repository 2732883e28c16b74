import type { Sql } from '../../platform/db/database.js';

export type SlaState = 'ok' | 'warning' | 'breached';
const HOUR = 3_600_000;

function hours(from: Date | null, to: Date | null): number | null {
  return from && to ? Math.round(((to.getTime() - from.getTime()) / HOUR) * 100) / 100 : null;
}

function median(xs: number[]): number | null {
  if (!xs.length) return null;
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

export function slaState(elapsedHours: number, target: number, warning: number): SlaState {
  return elapsedHours >= target ? 'breached' : elapsedHours >= warning ? 'warning' : 'ok';
}

/**
 * The 24-hour promise: first feedback → validation → first decision. Open = not rejected/merged and
 * without a decision (drafts count: the clock runs from the first feedback, reviewed or not).
 */
export async function getSla(
  db: Sql,
  options: { now: Date; targetHours: number; warningHours: number; days: number },
) {
  const since = new Date(options.now.getTime() - options.days * 24 * HOUR);
  const rows = await db
    .selectFrom('insight_themes')
    .select([
      'id',
      'label',
      'status',
      'product_area',
      'team_id',
      'item_count',
      'first_feedback_at',
      'validated_at',
      'decided_at',
      'decision',
      'sla_warned_at',
    ])
    .where('status', 'in', ['draft', 'validated'])
    .where('first_feedback_at', 'is not', null)
    .where((eb) => eb.or([eb('decided_at', 'is', null), eb('decided_at', '>=', since)]))
    .orderBy('first_feedback_at')
    .execute();
  const open = [];
  const decided = [];
  for (const r of rows) {
    const toValidation = hours(r.first_feedback_at, r.validated_at);
    const base = {
      id: r.id,
      label: r.label,
      status: r.status,
      productArea: r.product_area,
      teamId: r.team_id,
      itemCount: r.item_count,
      firstFeedbackAt: r.first_feedback_at,
      validatedAt: r.validated_at,
      hoursToValidation: toValidation,
    };
    if (r.decided_at) {
      const toDecision = hours(r.first_feedback_at, r.decided_at)!;
      decided.push({
        ...base,
        decision: r.decision,
        decidedAt: r.decided_at,
        hoursToDecision: toDecision,
        withinTarget: toDecision <= options.targetHours,
      });
    } else {
      const elapsed = hours(r.first_feedback_at, options.now)!;
      open.push({
        ...base,
        elapsedHours: elapsed,
        state: slaState(elapsed, options.targetHours, options.warningHours),
        warnedAt: r.sla_warned_at,
      });
    }
  }
  return {
    targetHours: options.targetHours,
    warningHours: options.warningHours,
    open,
    decided,
    medianHoursToValidation: median(
      rows.flatMap((r) => (r.validated_at ? [hours(r.first_feedback_at, r.validated_at)!] : [])),
    ),
    medianHoursToDecision: median(decided.map((d) => d.hoursToDecision)),
  };
}
