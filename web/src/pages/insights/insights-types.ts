/** Shapes of the insights API (src/insights/README.md, "Themes API"). */

export type ThemeStatus = 'draft' | 'validated' | 'rejected' | 'merged';
export type Decision = 'planned' | 'wont_do' | 'needs_research' | 'shipped';
export type SlaState = 'ok' | 'warning' | 'breached';

export const DECISION_LABELS: Record<Decision, string> = {
  planned: 'Planned',
  wont_do: "Won't do",
  needs_research: 'Needs research',
  shipped: 'Shipped',
};

export const SLA_LABELS: Record<SlaState, string> = {
  ok: 'On track',
  warning: 'Warning',
  breached: 'Breached',
};

export interface DayCount {
  date: string;
  count: number;
}

export interface FeedbackOverview {
  days: number;
  total: number;
  highUrgency: number;
  perDay: DayCount[];
  byKind: Record<string, number>;
  bySentiment: Record<'negative' | 'neutral' | 'positive', number>;
  bySource: Record<string, number>;
  byArea: { area: string; label: string; count: number }[];
}

export interface ThemeSummary {
  id: string;
  label: string;
  summary: string | null;
  status: ThemeStatus;
  productArea: string | null;
  itemCount: number;
  itemsInWindow?: number;
  teamId: string | null;
  decision: Decision | null;
  today?: { today: number; baseline7: number; ratio: number | null; z: number | null; spike: boolean };
}

export interface TrendPoint extends DayCount {
  baseline7: number;
  spike: boolean;
}

export interface ThemeDetail extends ThemeSummary {
  firstFeedbackAt: string | null;
  lastFeedbackAt: string | null;
  validatedAt: string | null;
  rejectedReason: string | null;
  mergedInto: string | null;
  decisionNote: string | null;
  decidedAt: string | null;
  trend: TrendPoint[];
  quotes: { itemId: string; quote: string; language: string; kind: string; sourceLink: string | null }[];
  items: {
    id: string;
    quote: string;
    language: string;
    kind: string;
    sentiment: string;
    urgency: string;
    source: string;
    sourceLabel: string | null;
    sourceLink: string | null;
    occurredAt: string;
  }[];
  deliveries: {
    id: string;
    channel: string;
    teamId: string;
    status: string;
    attempts: number;
    lastError: string | null;
    responseStatus: number | null;
    deliveredAt: string | null;
  }[];
  decisions: { decision: Decision; note: string; decidedAt: string; decidedBy: string | null }[];
}

interface SlaBase {
  id: string;
  label: string;
  status: ThemeStatus;
  teamId: string | null;
  itemCount: number;
  firstFeedbackAt: string;
  validatedAt: string | null;
  hoursToValidation: number | null;
}

export interface SlaReport {
  targetHours: number;
  warningHours: number;
  open: (SlaBase & { elapsedHours: number; state: SlaState })[];
  decided: (SlaBase & {
    decision: Decision;
    decidedAt: string;
    hoursToDecision: number;
    withinTarget: boolean;
  })[];
  medianHoursToValidation: number | null;
  medianHoursToDecision: number | null;
}
