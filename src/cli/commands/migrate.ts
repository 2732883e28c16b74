import type { Command } from 'commander';
import { loadConfig } from '../../platform/config.js';
import { openDatabase } from '../../platform/db/database.js';
import { migrate } from '../../platform/db/migrate.js';
import { reportCliError } from '../cli-errors.js';

export function registerMigrateCommand(program: Command) {
  program
    .command('migrate')
    .description('Apply pending database migrations (also done automatically at start)')
    .action(async () => {
      try {
        const config = loadConfig();
        const database = await openDatabase(config.database);
        try {
          const result = await migrate(database);
          process.stdout.write(
            result.applied.length
              ? `Applied ${result.applied.length} migration(s): ${result.applied.join(', ')}\n`
              : `Database is up to date (${result.alreadyApplied} migrations applied earlier)\n`,
          );
        } finally {
          await database.close();
        }
      } catch (err) {
        reportCliError(err);
      }
    });
}
