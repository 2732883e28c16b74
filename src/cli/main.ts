import { Command } from 'commander';
import { registerMigrateCommand } from './commands/migrate.js';
import { registerStartCommand } from './commands/start.js';
import { registerUsersCommand } from './commands/users.js';

const program = new Command()
  .name('tandem')
  .description('Tandem: customer engagement for consumer fintech')
  .showHelpAfterError('(run with --help for usage)');

registerStartCommand(program);
registerMigrateCommand(program);
registerUsersCommand(program);

await program.parseAsync(process.argv);
