import type { Scenario } from '../scorecard.js';
import { ACCOUNT } from './account.js';
import { ACTIONS } from './actions.js';
import { GUARDRAILS } from './guardrails.js';
import { HANDOFF } from './handoff.js';
import { HELP } from './help.js';

/**
 * Every scenario, in run order. Actions run before the handoff scenarios (whose fraud reports lock
 * accounts) and guardrails run last: their disputes change the customers they use.
 */
export const SCENARIOS: readonly Scenario[] = [...ACCOUNT, ...HELP, ...ACTIONS, ...HANDOFF, ...GUARDRAILS];
