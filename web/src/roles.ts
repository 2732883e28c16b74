export type StaffRole = 'admin' | 'supervisor' | 'agent' | 'insights_reviewer' | 'product' | 'fraud_analyst';

export const STAFF_ROLES: readonly StaffRole[] = [
  'admin',
  'supervisor',
  'agent',
  'insights_reviewer',
  'product',
  'fraud_analyst',
];

export const ROLE_LABELS: Record<StaffRole, string> = {
  admin: 'Admin',
  supervisor: 'Supervisor',
  agent: 'Agent',
  insights_reviewer: 'Insights reviewer',
  product: 'Product',
  fraud_analyst: 'Fraud analyst',
};

export function roleLabel(role: string): string {
  return (ROLE_LABELS as Record<string, string>)[role] ?? role;
}

export interface StaffUser {
  id: string;
  email: string;
  name: string;
  roles: StaffRole[];
}

export type AreaKey = 'console' | 'conversations' | 'insights' | 'hotline' | 'fraud' | 'operations' | 'admin';

export interface Area {
  key: AreaKey;
  label: string;
  path: string;
  description: string;
  /** Roles that may open the area; admin may always. */
  roles: readonly StaffRole[];
}

/** The staff areas, in navigation order. Mirrors the API's role guards. */
export const AREAS: readonly Area[] = [
  {
    key: 'console',
    label: 'Agent console',
    path: '/console',
    description: 'Go online, take conversations the assistant hands over, help and wrap up.',
    // The agent endpoints need the agent role (admin passes every guard), so supervisors see it only as agents.
    roles: ['agent'],
  },
  {
    key: 'conversations',
    label: 'Conversations',
    path: '/conversations',
    description: 'Customer lookup: account, orders and payment plans.',
    roles: ['agent', 'supervisor'],
  },
  {
    key: 'insights',
    label: 'Insights',
    path: '/insights',
    description: 'Feedback from calls and chats, reviewed by people.',
    roles: ['insights_reviewer', 'product'],
  },
  {
    key: 'hotline',
    label: 'Hotline calls',
    path: '/hotline/calls',
    description: 'Founder-hotline calls and chats: live transcripts, summaries and the feedback raised.',
    roles: ['supervisor', 'product', 'insights_reviewer'],
  },
  {
    key: 'fraud',
    label: 'Fraud',
    path: '/fraud',
    description: 'Shared devices and payment fingerprints.',
    roles: ['fraud_analyst'],
  },
  {
    key: 'operations',
    label: 'Operations',
    path: '/operations',
    description: 'Account figures, and the support operation: live queue, agents online and outcomes.',
    roles: ['supervisor'],
  },
  {
    key: 'admin',
    label: 'Admin',
    path: '/admin',
    description: 'Staff accounts, API keys, hotline personas and the audit log.',
    roles: [],
  },
];

export function areaByKey(key: AreaKey): Area {
  const area = AREAS.find((a) => a.key === key);
  if (!area) throw new Error(`Unknown area ${key}`);
  return area;
}

export function canSee(roles: readonly string[], area: Area): boolean {
  return roles.includes('admin') || area.roles.some((r) => roles.includes(r));
}

export function visibleAreas(roles: readonly string[]): Area[] {
  return AREAS.filter((a) => canSee(roles, a));
}
