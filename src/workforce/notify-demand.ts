import { sql } from 'kysely';
import type { DispatchConfig } from '../platform/config.js';
import type { Sql } from '../platform/db/database.js';
import type { EventBus } from '../platform/events/event-bus.js';
import { newId } from '../platform/ids.js';
import { agentTopic } from './agent-views.js';

/**
 * Supply meets demand: when a conversation's expected wait is over target (or nobody suitable
 * is online), tell offline approved agents who speak its language and have its skills, with the
 * incentive on offer. At most one notice per agent per cooldown, and a few agents per call.
 */
export async function notifyDemand(
  deps: { db: Sql; events: EventBus },
  config: DispatchConfig,
  need: { language: string; requiredSkills: string[] },
  now: Date,
  maxAgents = 5,
): Promise<number> {
  const onlineAfter = new Date(now.getTime() - config.presenceTimeoutMs);
  const quietSince = new Date(now.getTime() - config.demandCooldownMs);
  return deps.db.transaction().execute(async (trx) => {
    let q = trx
      .selectFrom('agents as a')
      .leftJoin('agent_presence as p', 'p.agent_id', 'a.id')
      .select(['a.id', 'a.staff_user_id'])
      .where('a.status', '=', 'approved')
      .where((eb) =>
        eb.or([
          eb('p.online', 'is not', true),
          eb('p.last_heartbeat_at', '<=', onlineAfter),
          eb('p.last_heartbeat_at', 'is', null),
        ]),
      )
      .where(sql<boolean>`${need.language} = any(a.languages)`)
      .where(({ not, exists, selectFrom }) =>
        not(
          exists(
            selectFrom('demand_notifications as d')
              .select('d.id')
              .whereRef('d.agent_id', '=', 'a.id')
              .where('d.created_at', '>', quietSince),
          ),
        ),
      )
      .orderBy('a.id')
      .limit(maxAgents)
      // Two processes noticing the same demand must not both notify the same agent.
      .forUpdate('a')
      .skipLocked();
    if (need.requiredSkills.length) {
      q = q.where(sql<boolean>`a.skills @> array[${sql.join(need.requiredSkills)}]::text[]`);
    }
    const agents = await q.execute();
    for (const agent of agents) {
      const notice = {
        id: newId(),
        agent_id: agent.id,
        skill: need.requiredSkills[0] ?? null,
        language: need.language,
        incentive_minor: config.demandIncentiveMinor,
        currency: config.currency,
        created_at: now,
      };
      await trx.insertInto('demand_notifications').values(notice).execute();
      await deps.events.publish(
        agentTopic(agent.staff_user_id),
        'demand.notified',
        {
          language: need.language,
          skill: notice.skill,
          incentive: { amountMinor: config.demandIncentiveMinor, currency: config.currency },
        },
        trx,
      );
    }
    return agents.length;
  });
}
