import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { loadConfig } from '../config';
import { createStoreConnection } from '../storage/connection';
import { resolveDatabase } from '../storage/resolve-database';
import { StaffAccounts } from './accounts';
import { loadStaffSettings } from './staff-settings';
import { STAFF_ROLES, type StaffRole } from './staff-types';

const USAGE = 'Usage: npm run staff:add -- --email E --role agent|coordinator|admin [--password P]\n'
  + '  Without --password the password is read from standard input, or generated and printed once.';

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8').replace(/\r?\n$/, '');
}

/** The password: --password, else piped standard input, else a generated one (shown once). */
async function choosePassword(given: string | undefined): Promise<{ password: string; generated: boolean }> {
  if (given) return { password: given, generated: false };
  if (!process.stdin.isTTY) {
    const piped = await readStdin();
    if (piped) return { password: piped, generated: false };
  }
  return { password: randomBytes(18).toString('base64url'), generated: true };
}

function isRole(value: string | undefined): value is StaffRole {
  return STAFF_ROLES.some((role) => role === value);
}

/** `npm run staff:add`: creates one staff user in the configured database; there is no default account. */
export async function main(argv: string[]): Promise<number> {
  const { values } = parseArgs({ args: argv, options: { email: { type: 'string' }, role: { type: 'string' }, password: { type: 'string' } } });
  if (!values.email || !isRole(values.role)) {
    console.error(USAGE);
    return 2;
  }
  const config = loadConfig();
  const database = await resolveDatabase(config, (line) => console.error(line));
  const connection = createStoreConnection(database.uri);
  try {
    const accounts = new StaffAccounts(connection, loadStaffSettings(config.paths.content).lockout);
    await connection.asPromise();
    await Promise.all(Object.values(connection.models).map((model) => model.createIndexes()));
    const { password, generated } = await choosePassword(values.password);
    const user = await accounts.create({ email: values.email, role: values.role, password }, new Date());
    console.log(`Created ${user.role} ${user.email}.`);
    if (generated) console.log(`Password (shown only now, store it safely): ${password}`);
    return 0;
  } catch (error) {
    console.error(`Could not create the staff user: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  } finally {
    await connection.close();
    await database.stop();
  }
}

if (require.main === module) {
  main(process.argv.slice(2)).then((code) => process.exit(code), (error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  });
}
