import { Command } from 'commander';
import { registerInsightsClusterCommand } from './commands/insights-cluster.js';
import { registerInsightsImportCommand } from './commands/insights-import.js';
import { registerMigrateCommand } from './commands/migrate.js';
import { registerNluCommand } from './commands/nlu.js';
import { registerSeedCommand } from './commands/seed.js';
import { registerStartCommand } from './commands/start.js';
import { registerUsersCommand } from './commands/users.js';
import { registerVoiceCommand } from './commands/voice.js';

const program = new Command()
  .name('tandem')
  .description('Tandem: customer engagement for consumer fintech')
  .showHelpAfterError('(run with --help for usage)')
  // Usage errors (unknown command or option, missing argument) exit with 2, like the commands' own checks.
  .exitOverride((err) => process.exit(err.exitCode === 0 ? 0 : 2));

registerStartCommand(program);
registerMigrateCommand(program);
registerSeedCommand(program);
registerUsersCommand(program);
registerNluCommand(program);
registerVoiceCommand(program);
registerInsightsImportCommand(program);
registerInsightsClusterCommand(program);

await program.parseAsync(process.argv);
