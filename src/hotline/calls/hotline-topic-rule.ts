import type { SocketHub } from '../../platform/live/socket-hub.js';
import { HOTLINE_STAFF_ROLES, HOTLINE_TOPIC } from './hotline-deps.js';

/** Live call events (`hotline`) go to staff who may read calls. */
export function registerHotlineTopicRule(hub: SocketHub): void {
  hub.addTopicRule(
    HOTLINE_TOPIC,
    (p, id) =>
      id === '' &&
      p.kind === 'staff' &&
      p.roles.some((r) => (HOTLINE_STAFF_ROLES as readonly string[]).includes(r)),
  );
}
