import type { Command } from 'commander';

/**
 * The `insights` command group. Each insights subcommand registers itself in its own file and gets
 * the group from here, so whichever registers first creates it and the others reuse it.
 */
export function insightsGroup(program: Command): Command {
  const existing = program.commands.find((c) => c.name() === 'insights');
  return existing ?? program.command('insights').description('Customer feedback: import, themes, insights');
}
