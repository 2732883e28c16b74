import { randomBytes } from 'node:crypto';
import type { Command } from 'commander';
import { createStaffUser } from '../../identity/staff-users.js';
import { loadConfig } from '../../platform/config.js';
import { openDatabase } from '../../platform/db/database.js';
import { migrate } from '../../platform/db/migrate.js';
import { STAFF_ROLES, type StaffRole } from '../../platform/db/schema.js';
import { AppError } from '../../platform/errors.js';
import { CliUsageError, reportCliError } from '../cli-errors.js';

const EMAIL_RE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function registerUsersCommand(program: Command) {
  const users = program.command('users').description('Manage staff users');
  users
    .command('create')
    .description('Create a staff user; prints a generated password unless --password is given')
    .requiredOption('--email <email>', 'login email')
    .requiredOption('--name <name>', 'display name')
    .requiredOption('--role <role...>', `one or more of: ${STAFF_ROLES.join(', ')}`)
    .option('--password <password>', 'password (at least 10 characters); generated when omitted')
    .action(async (opts: { email: string; name: string; role: string[]; password?: string }) => {
      try {
        if (!EMAIL_RE.test(opts.email))
          throw new CliUsageError(`--email is not an email address: "${opts.email}"`);
        const unknown = opts.role.filter((r) => !(STAFF_ROLES as readonly string[]).includes(r));
        if (unknown.length) {
          throw new CliUsageError(`unknown role(s) ${unknown.join(', ')}; use: ${STAFF_ROLES.join(', ')}`);
        }
        const password = opts.password ?? randomBytes(12).toString('base64url');
        const config = loadConfig();
        const database = await openDatabase(config.database);
        try {
          await migrate(database);
          const user = await createStaffUser(
            database.db,
            { type: 'system', id: null },
            { email: opts.email, name: opts.name, password, roles: opts.role as StaffRole[] },
          );
          process.stdout.write(
            `Created staff user ${user.email} (${user.roles.join(', ')}), id ${user.id}\n`,
          );
          if (!opts.password) process.stdout.write(`Password: ${password}\n`);
        } finally {
          await database.close();
        }
      } catch (err) {
        if (err instanceof AppError) reportCliError(new CliUsageError(err.message));
        reportCliError(err);
      }
    });
}
