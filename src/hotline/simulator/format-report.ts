import type { CallReport, ReportTurn } from './simulate-call.js';

const ms = (value: number | null | undefined) =>
  value === null || value === undefined ? '–' : `${Math.round(value)} ms`;

function latencyLine(turn: ReportTurn): string | null {
  if (turn.speaker !== 'persona' || (!turn.latency && turn.clientLatencyMs === null)) return null;
  const l = turn.latency;
  const server = l
    ? `end-of-turn wait ${ms(l.endOfTurnMs)}, recognition ${ms(l.recognitionMs)}, reply ${ms(l.replyMs)}, ` +
      `synthesis ${ms(l.synthesisMs)}, first audio ${ms(l.firstAudioMs)}`
    : 'no server figures';
  return `      latency: ${server}; measured by the caller ${ms(turn.clientLatencyMs)}`;
}

/** The call as a person reads it: both sides in order, per-turn latency, summary and feedback. */
export function formatCallReport(report: CallReport): string {
  const out: string[] = [
    `Call ${report.callId} to ${report.to} from ${report.from} (${report.callSid})`,
    `Ended by the ${report.endedBy} after ${(report.durationMs / 1000).toFixed(1)} s; ` +
      `status ${report.status}${report.endReason ? ` (${report.endReason})` : ''}`,
    '',
  ];
  for (const turn of report.turns) {
    const who = turn.speaker === 'caller' ? 'Caller ' : 'Persona';
    out.push(
      `  ${String(turn.seq).padStart(2)} ${who}: ${turn.text}${turn.interrupted ? '  [interrupted]' : ''}`,
    );
    const latency = latencyLine(turn);
    if (latency) out.push(latency);
  }
  const barged = report.lines.filter((l) => l.clearAfterMs !== null);
  if (barged.length) {
    out.push('', 'Barge-in:');
    for (const l of barged)
      out.push(`  "${l.text}": the server cleared the persona ${ms(l.clearAfterMs)} after the caller began`);
  }
  out.push('', `Summary: ${report.summary ?? '(none)'}`);
  const items = report.feedbackItems;
  out.push(`Feedback items (${items.length}):`);
  for (const item of items)
    out.push(`  - [${item.kind}] ${item.summary}${item.quote ? ` — "${item.quote}"` : ''}`);
  if (report.audioFile) out.push('', `Audio (left caller, right persona): ${report.audioFile}`);
  for (const w of report.warnings) out.push(`Warning: ${w}`);
  return `${out.join('\n')}\n`;
}
