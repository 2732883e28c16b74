import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import { createStaffUser } from '../../src/identity/staff-users.js';
import { systemActor } from '../../src/platform/audit/write-audit.js';
import { newId } from '../../src/platform/ids.js';
import { handedOverConversation } from './handoff.js';
import { logInAs, type StaffSession } from './http.js';
import type { TestServer } from './test-server.js';

/** The agent network over real HTTP: agents who sign up, get approved and go online; handed-over conversations. */
export type Offer = {
  id: string;
  conversationId: string;
  agentId: string;
  status: string;
  expiresAt: string;
  conversation: Record<string, unknown>;
};
export type Handoff = { queue: string; position?: number; etaSeconds?: number | null; agentsOnline?: number };
export type ConversationView = {
  status: string;
  messages: { role: string; text: string }[];
  handoff: Handoff | null;
};

export async function until<T>(
  what: string,
  probe: () => Promise<T | undefined>,
  timeoutMs = 15_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

export function network(server: () => TestServer) {
  const inject = (opts: InjectOptions): Promise<LightMyRequestResponse> => server().app.http.inject(opts);
  let supervisor: StaffSession | undefined;
  let n = 0;

  async function agent(options: {
    languages: string[];
    skills?: string[];
    maxConcurrent?: number;
    online?: boolean;
    /** false: a sign-up awaiting a supervisor's approval (and offline). */
    approved?: boolean;
  }) {
    const email = `agent${++n}-${newId().slice(0, 6)}@example.com`;
    await createStaffUser(server().app.deps.db, systemActor, {
      email,
      name: `Agent ${n}`,
      password: 'a-long-test-password-1',
      roles: ['agent'],
    });
    const session = await logInAs(server(), email, 'a-long-test-password-1');
    const signUp = await inject({
      method: 'POST',
      url: '/api/v1/agents',
      headers: session.headers,
      payload: {
        displayName: `Sam${n}`,
        languages: options.languages,
        skills: options.skills ?? [],
        maxConcurrent: options.maxConcurrent ?? 3,
      },
    });
    expect(signUp.statusCode, signUp.body).toBe(201);
    const id = (signUp.json() as { agent: { id: string } }).agent.id;
    if (options.approved === false) return { id, session, name: `Sam${n}` };
    supervisor ??= await logInAs(server(), 'supervisor@tandem.demo');
    const approve = await inject({
      method: 'POST',
      url: `/api/v1/agents/${id}/approve`,
      headers: supervisor.headers,
    });
    expect(approve.statusCode, approve.body).toBe(200);
    if (options.online !== false) await setOnline(session, true);
    return { id, session, name: `Sam${n}` };
  }

  async function setOnline(session: StaffSession, online: boolean) {
    const res = await inject({
      method: 'POST',
      url: '/api/v1/agents/me/presence',
      headers: session.headers,
      payload: { online },
    });
    expect(res.statusCode, res.body).toBe(200);
  }

  /** A conversation the assistant hands over, through the real `requestHandoff`. */
  const waiting = (
    language: string,
    queue = 'general',
    priority: 'normal' | 'high' | 'urgent' = 'normal',
    reason = 'test',
  ) => handedOverConversation(server(), { language, queue, priority, reason });

  async function offers(session: StaffSession): Promise<Offer[]> {
    const res = await inject({ method: 'GET', url: '/api/v1/agents/me/offers', headers: session.headers });
    expect(res.statusCode, res.body).toBe(200);
    return (res.json() as { offers: Offer[] }).offers;
  }

  const offerFor = (session: StaffSession, conversationId: string) =>
    until(`an offer for ${conversationId}`, async () =>
      (await offers(session)).find((o) => o.conversationId === conversationId),
    );

  async function conversation(id: string): Promise<ConversationView> {
    const res = await inject({ method: 'GET', url: `/api/v1/conversations/${id}` });
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as ConversationView;
  }

  const answer = (session: StaffSession, offerId: string, what: 'accept' | 'decline', payload?: unknown) =>
    inject({
      method: 'POST',
      url: `/api/v1/offers/${offerId}/${what}`,
      headers: session.headers,
      ...(payload ? { payload } : {}),
    });

  return { inject, agent, setOnline, waiting, offers, offerFor, conversation, answer };
}
