import { Readable } from 'node:stream';
import { createStoreConnection } from '../../src/storage/connection';
import { StaffAccounts } from '../../src/staff/accounts';
import { main } from '../../src/staff/staff-add-cli';
import { dropTestDatabase, testDatabaseUri } from '../support/db';

const uri = testDatabaseUri('staff_add');
const lines: string[] = [];
const io = (stdin: Readable & { isTTY?: boolean }) => ({ stdin, log: (l: string) => lines.push(l), error: (l: string) => lines.push(l), env: { MONGODB_URI: uri } });
const tty = (): Readable & { isTTY?: boolean } => Object.assign(Readable.from([]), { isTTY: true });

afterAll(() => dropTestDatabase(uri));

async function canLogIn(email: string, password: string): Promise<boolean> {
  const connection = createStoreConnection(uri);
  try {
    await connection.asPromise();
    return (await new StaffAccounts(connection, { failedAttempts: 5, minutes: 15 }).login(email, password, new Date())).ok;
  } finally {
    await connection.close();
  }
}

test('creates a user with the password from --password, from standard input, or generated and printed once', async () => {
  expect(await main(['--email', 'a@digipunt.test', '--role', 'admin', '--password', 'given password 12'], io(tty()))).toBe(0);
  expect(await canLogIn('a@digipunt.test', 'given password 12')).toBe(true);

  expect(await main(['--email', 'b@digipunt.test', '--role', 'agent'], io(Readable.from(['piped password 12\n'])))).toBe(0);
  expect(await canLogIn('b@digipunt.test', 'piped password 12')).toBe(true);

  lines.length = 0;
  expect(await main(['--email', 'c@digipunt.test', '--role', 'coordinator'], io(tty()))).toBe(0);
  const shown = lines.find((l) => l.startsWith('Password (shown only now'))?.split(': ')[1] ?? '';
  expect(shown.length).toBeGreaterThanOrEqual(20);
  expect(await canLogIn('c@digipunt.test', shown)).toBe(true);
});

test('refuses a bad role, a duplicate email and a short password', async () => {
  expect(await main(['--email', 'd@digipunt.test', '--role', 'boss', '--password', 'long enough password'], io(tty()))).toBe(2);
  expect(await main(['--email', 'A@digipunt.test', '--role', 'agent', '--password', 'long enough password'], io(tty()))).toBe(1);
  expect(await main(['--email', 'e@digipunt.test', '--role', 'agent', '--password', 'short'], io(tty()))).toBe(1);
  expect(lines.join('\n')).toMatch(/exists/);
});
