import type { StaffRole } from '../../platform/db/schema.js';
import type { SocketHub } from '../../platform/live/socket-hub.js';

/** Live events of the insights pipeline (themes updated, reviewed, decided, SLA warnings). */
export const INSIGHTS_TOPIC = 'insights';
export const INSIGHTS_STAFF_ROLES: readonly StaffRole[] = ['product', 'insights_reviewer', 'admin'];

export function registerInsightsTopicRule(hub: SocketHub): void {
  hub.addTopicRule(
    INSIGHTS_TOPIC,
    (p, id) => id === '' && p.kind === 'staff' && p.roles.some((r) => INSIGHTS_STAFF_ROLES.includes(r)),
  );
}
