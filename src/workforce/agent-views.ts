import type { Selectable } from 'kysely';
import { z } from 'zod';
import type { AgentsTable } from '../platform/db/schema.js';

export type AgentRow = Selectable<AgentsTable>;

/** Live events for one agent (offers, demand); the socket hub lets only that staff user follow it. */
export const agentTopic = (staffUserId: string): string => `agent:${staffUserId}`;

export const AGENT_LANGUAGES = ['en', 'sv', 'de', 'fr', 'es', 'it', 'nl', 'vi'] as const;
export const AGENT_SKILLS = ['disputes', 'hardship', 'fraud', 'complaints'] as const;

export const agentViewSchema = z.object({
  id: z.string(),
  staffUserId: z.string(),
  displayName: z.string(),
  languages: z.array(z.string()),
  skills: z.array(z.string()),
  certification: z.enum(['trainee', 'certified', 'senior']),
  status: z.enum(['pending', 'approved', 'suspended']),
  maxConcurrent: z.number().int(),
  online: z.boolean().describe('A heartbeat within the presence timeout'),
  lastHeartbeatAt: z.string().nullable(),
  approvedAt: z.string().nullable(),
  createdAt: z.string(),
});
export type AgentView = z.infer<typeof agentViewSchema>;

export interface PresenceFields {
  online: boolean | null;
  last_heartbeat_at: Date | null;
}

/** Online only while heartbeats keep arriving: a closed laptop is not an available agent. */
export function isOnline(p: PresenceFields, now: Date, presenceTimeoutMs: number): boolean {
  return (
    p.online === true &&
    p.last_heartbeat_at !== null &&
    now.getTime() - p.last_heartbeat_at.getTime() <= presenceTimeoutMs
  );
}

export function toAgentView(row: AgentRow & PresenceFields, now: Date, presenceTimeoutMs: number): AgentView {
  return {
    id: row.id,
    staffUserId: row.staff_user_id,
    displayName: row.display_name,
    languages: row.languages,
    skills: row.skills,
    certification: row.certification,
    status: row.status,
    maxConcurrent: row.max_concurrent,
    online: isOnline(row, now, presenceTimeoutMs),
    lastHeartbeatAt: row.last_heartbeat_at?.toISOString() ?? null,
    approvedAt: row.approved_at?.toISOString() ?? null,
    createdAt: row.created_at.toISOString(),
  };
}
