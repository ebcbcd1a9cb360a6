import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { loadConfig } from '../config';
import { createModelIndexes } from '../storage/connection';
import { withDatabase } from '../storage/resolve-database';
import { StaffAccounts } from './accounts';
import { loadStaffSettings } from './staff-settings';
import { STAFF_ROLES, type StaffRole } from './staff-types';

const USAGE = 'Usage: npm run staff:add -- --email E --role agent|coordinator|admin [--password P]\n'
  + '  Without --password the password is read from standard input, or generated and printed once.';

/** Where the command reads and writes; tests pass their own. */
export interface CliIo {
  stdin: AsyncIterable<Buffer | string> & { isTTY?: boolean };
  log(line: string): void;
  error(line: string): void;
  /** The environment (MONGODB_URI ...); process.env when absent. */
  env?: NodeJS.ProcessEnv;
}

async function readAll(stdin: CliIo['stdin']): Promise<string> {
  const chunks: string[] = [];
  for await (const chunk of stdin) chunks.push(typeof chunk === 'string' ? chunk : chunk.toString('utf8'));
  return chunks.join('').replace(/\r?\n$/, '');
}

/** The password: --password, else piped standard input, else a generated one (shown once). */
async function choosePassword(given: string | undefined, stdin: CliIo['stdin']): Promise<{ password: string; generated: boolean }> {
  if (given) return { password: given, generated: false };
  if (!stdin.isTTY) {
    const piped = await readAll(stdin);
    if (piped) return { password: piped, generated: false };
  }
  return { password: randomBytes(18).toString('base64url'), generated: true };
}

function isRole(value: string | undefined): value is StaffRole {
  return STAFF_ROLES.some((role) => role === value);
}

/** `npm run staff:add`: creates one staff user in the configured database; there is no default account. */
export async function main(argv: string[], io: CliIo = { stdin: process.stdin, log: console.log, error: console.error }): Promise<number> {
  const { values } = parseArgs({ args: argv, options: { email: { type: 'string' }, role: { type: 'string' }, password: { type: 'string' } } });
  if (!values.email || !isRole(values.role)) {
    io.error(USAGE);
    return 2;
  }
  const { email, role } = values;
  const config = loadConfig(io.env ?? process.env);
  try {
    const { user, password, generated } = await withDatabase(config, (line) => io.error(line), async (connection) => {
      const accounts = new StaffAccounts(connection, loadStaffSettings(config.paths.content).lockout);
      await createModelIndexes(connection);
      const chosen = await choosePassword(values.password, io.stdin);
      return { ...chosen, user: await accounts.create({ email, role, password: chosen.password }, new Date()) };
    });
    io.log(`Created ${user.role} ${user.email}.`);
    if (generated) io.log(`Password (shown only now, store it safely): ${password}`);
    return 0;
  } catch (error) {
    io.error(`Could not create the staff user: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
}

if (require.main === module) {
  main(process.argv.slice(2)).then((code) => process.exit(code), (error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  });
}
