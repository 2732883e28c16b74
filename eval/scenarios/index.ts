import type { Scenario } from '../scorecard.js';
import { ACCOUNT } from './account.js';
import { GUARDRAILS } from './guardrails.js';
import { HANDOFF } from './handoff.js';
import { HELP } from './help.js';

/** Every scenario, in run order. Guardrails run last: their disputes change the customers they use. */
export const SCENARIOS: readonly Scenario[] = [...ACCOUNT, ...HELP, ...HANDOFF, ...GUARDRAILS];
