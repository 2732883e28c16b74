/** Mirrors src/operations/get-support-outcomes.ts and get-live-queue.ts. */

export interface Csat {
  ratings: number;
  meanScore: number | null;
  satisfiedShare: number | null;
}

export interface SupportOutcomes {
  generatedAt: string;
  days: number;
  from: string;
  conversations: number;
  aiResolved: { count: number; share: number | null };
  handoff: { count: number; share: number | null; reasons: { reason: string; count: number }[] };
  serviceLevel: {
    targetSeconds: number;
    targetShare: number;
    answeredWithinTarget: number;
    answered: number;
    abandoned: number;
    share: number | null;
    meanWaitSeconds: number | null;
  };
  abandonment: { count: number; share: number | null };
  resolutionTime: {
    ai: { conversations: number; meanSeconds: number | null };
    human: { conversations: number; meanSeconds: number | null };
  };
  csat: { ai: Csat; human: Csat };
  repeatContacts: { customers: number; repeatCustomers: number; share: number | null; withinDays: number };
  cost: {
    aiCostPerConversationMinor: number;
    byCurrency: {
      currency: string;
      agentEarningsMinor: number;
      aiCostMinor: number;
      totalMinor: number;
      perConversationMinor: number | null;
    }[];
  };
}

export interface Staffing {
  online: number;
  busy: number;
  freeSlots: number;
}

export interface PendingAgent {
  id: string;
  displayName: string;
  languages: string[];
  skills: string[];
  certification: string;
  createdAt: string;
}

export interface LiveQueue {
  generatedAt: string;
  waitTargetSeconds: number;
  queue: {
    conversationId: string;
    language: string;
    queue: string | null;
    priority: string | null;
    reason: string | null;
    waitingSeconds: number;
    position: number;
    pendingOffer: boolean;
    callbackRequested: boolean;
  }[];
  agents: {
    total: Staffing;
    bySkill: (Staffing & { skill: string })[];
    byLanguage: (Staffing & { language: string })[];
  };
  pendingAgents: PendingAgent[];
}
