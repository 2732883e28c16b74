import { ApiError } from '../../api';
import { ErrorBanner, Loading, PageHeader } from '../../components';
import { useApi } from '../../use-api';
import { AgentSignUp, AwaitingApproval } from './AgentSignUp';
import type { AgentProfile } from './console-types';
import { Workspace } from './Workspace';
import './console.css';

/**
 * `/console`: the agent's workplace. No agent profile yet → the sign-up form; a profile waiting for a
 * supervisor → a waiting note; approved → presence, offers and the active conversations.
 */
export function ConsolePage() {
  const me = useApi<{ agent: AgentProfile }>('/api/v1/agents/me');
  const noProfile = me.error instanceof ApiError && me.error.status === 404;
  const forbidden = me.error instanceof ApiError && me.error.status === 403;
  const agent = me.data?.agent;

  return (
    <>
      <PageHeader
        title="Agent console"
        description="Take conversations the assistant hands over, help the customer, then wrap up."
      />
      {me.loading && !agent ? <Loading label="Loading your agent profile…" /> : null}
      {noProfile ? <AgentSignUp onSignedUp={me.reload} /> : null}
      {forbidden ? (
        <div className="alert alert-info" role="note" data-testid="console-forbidden">
          <p>The console is for agents. Ask an administrator to give your account the Agent role.</p>
        </div>
      ) : null}
      {me.error && !noProfile && !forbidden ? <ErrorBanner error={me.error} onRetry={me.reload} /> : null}
      {agent && agent.status === 'pending' ? <AwaitingApproval agent={agent} onCheck={me.reload} /> : null}
      {agent && agent.status === 'suspended' ? (
        <div className="alert alert-error" role="alert" data-testid="agent-suspended">
          <p>Your agent profile is suspended, so you cannot go online. Talk to your supervisor.</p>
        </div>
      ) : null}
      {agent && agent.status === 'approved' ? <Workspace agent={agent} /> : null}
    </>
  );
}
