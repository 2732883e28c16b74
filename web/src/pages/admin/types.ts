export interface StaffRecord {
  id: string;
  email: string;
  name: string;
  roles: string[];
  status: 'active' | 'disabled';
  lastLoginAt: string | null;
  lockedUntil: string | null;
  createdAt: string;
}

export interface ApiKeyRecord {
  id: string;
  name: string;
  prefix: string;
  scopes: string[];
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

export interface AuditEntry {
  id: number | string;
  actorType: string;
  actorId: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  before: unknown;
  after: unknown;
  reason: string | null;
  occurredAt: string;
}

export const API_SCOPES: { scope: string; description: string }[] = [
  { scope: 'risk:score', description: 'Score transactions for fraud risk' },
  { scope: 'conversations:write', description: 'Create conversations and post messages' },
  { scope: 'customers:read', description: 'Read customer accounts and orders' },
  { scope: 'insights:import', description: 'Import feedback for insights' },
];
