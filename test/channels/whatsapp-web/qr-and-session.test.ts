import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import type { Connection } from 'mongoose';
import { createRealClient } from '../../../src/channels/whatsapp-web/create-client';
import { MongoSessionStore } from '../../../src/channels/whatsapp-web/mongo-session-store';
import { qrForTerminal, qrSvg } from '../../../src/channels/whatsapp-web/qr-code';
import { createStoreConnection } from '../../../src/storage/connection';
import { dropTestDatabase, testDatabaseUri } from '../../support/db';

describe('the link QR code', () => {
  const code = '2@Q3xk1aQ8e+,abcdef0123456789==,ghijkl==,mnopqr==';

  test('prints as blocks for the terminal', () => {
    const lines = qrForTerminal(code).split('\n');
    expect(lines.length).toBeGreaterThan(15);
    expect(lines[0]).toMatch(/^█+$/);
  });

  test('renders as an SVG with dark modules, a label and no inline style (the CSP forbids it)', () => {
    const svg = qrSvg(code, 'QR <code>');
    expect(svg).toMatch(/^<svg [^>]*role="img" aria-label="QR &lt;code&gt;"/);
    expect((svg.match(/h1v1h-1z/g) ?? []).length).toBeGreaterThan(100);
    expect(svg).not.toContain('style=');
    expect(qrSvg('another code', 'x')).not.toBe(svg);
  });
});

describe('RemoteAuth session store on MongoDB', () => {
  let uri: string;
  let connection: Connection;
  let dir: string;

  beforeAll(async () => {
    uri = testDatabaseUri('wa_session');
    connection = createStoreConnection(uri);
    await connection.asPromise();
    dir = await mkdtemp(path.join(os.tmpdir(), 'wa-session-'));
  });

  afterAll(async () => {
    await connection.close();
    await dropTestDatabase(uri);
    await rm(dir, { recursive: true, force: true });
  });

  test('the real client is built with Debian\'s Chromium and LocalAuth or RemoteAuth on this store (nothing is launched)', () => {
    const built = (auth: 'local' | 'remote') => createRealClient({ chromiumPath: '/usr/bin/chromium', auth, sessionDir: dir, connection }) as unknown as {
      options: { puppeteer: { executablePath: string; args: string[] }; authStrategy: { constructor: { name: string }; store?: unknown } };
    };
    const local = built('local');
    expect(local.options.puppeteer.executablePath).toBe('/usr/bin/chromium');
    expect(local.options.puppeteer.args).toEqual(expect.arrayContaining(['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage']));
    expect(local.options.authStrategy.constructor.name).toBe('LocalAuth');
    const remote = built('remote');
    expect(remote.options.authStrategy.constructor.name).toBe('RemoteAuth');
    expect(remote.options.authStrategy.store).toBeInstanceOf(MongoSessionStore);
  });

  test('saves the zip RemoteAuth wrote, in chunks, and extracts the same bytes; a new save replaces it; delete forgets it', async () => {
    const store = new MongoSessionStore(connection, dir);
    const session = 'RemoteAuth-digipunt';
    expect(await store.sessionExists({ session })).toBe(false);
    const first = randomBytes(9 * 1024 * 1024 + 123);
    await writeFile(path.join(dir, `${session}.zip`), first);
    await store.save({ session });
    expect(await store.sessionExists({ session })).toBe(true);
    expect(await connection.collection('whatsapp_web_session_chunks').countDocuments({ session })).toBe(3);
    await store.extract({ session, path: path.join(dir, 'restored.zip') });
    expect((await readFile(path.join(dir, 'restored.zip'))).equals(first)).toBe(true);

    const second = randomBytes(1000);
    await writeFile(path.join(dir, `${session}.zip`), second);
    await store.save({ session });
    expect(await connection.collection('whatsapp_web_session_chunks').countDocuments({ session })).toBe(1);
    await store.extract({ session, path: path.join(dir, 'restored.zip') });
    expect((await readFile(path.join(dir, 'restored.zip'))).equals(second)).toBe(true);

    await store.delete({ session });
    expect(await store.sessionExists({ session })).toBe(false);
  });
});
