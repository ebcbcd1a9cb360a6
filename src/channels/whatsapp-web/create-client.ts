import path from 'node:path';
import type { Connection } from 'mongoose';
import { Client, LocalAuth, RemoteAuth, type AuthStrategy } from 'whatsapp-web.js';
import { MongoSessionStore } from './mongo-session-store';
import type { WhatsAppWebClient } from './whatsapp-web-client';

/** How the real client is built: Debian's Chromium and where the linked session is kept. */
export interface RealClientOptions {
  chromiumPath: string;
  /** local: the browser profile on disk; remote: that profile zipped into MongoDB (RemoteAuth). */
  auth: 'local' | 'remote';
  sessionDir: string;
  connection: Connection;
}

/** Flags Chromium needs in a container without a display or a large /dev/shm. */
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'];
const CLIENT_ID = 'digipunt';
/** RemoteAuth refuses less than a minute between backups. */
const REMOTE_BACKUP_MS = 5 * 60 * 1000;

function authStrategy(options: RealClientOptions): AuthStrategy {
  const dataPath = path.resolve(options.sessionDir);
  if (options.auth === 'local') return new LocalAuth({ clientId: CLIENT_ID, dataPath });
  const store = new MongoSessionStore(options.connection, dataPath);
  return new RemoteAuth({ clientId: CLIENT_ID, dataPath, store, backupSyncIntervalMs: REMOTE_BACKUP_MS });
}

/**
 * Builds a new whatsapp-web.js client (one per connection attempt: a destroyed client is not reused).
 * The return type is the compile-time check that the real `Client` fits the channel's interface.
 */
export function createRealClient(options: RealClientOptions): WhatsAppWebClient {
  return new Client({
    authStrategy: authStrategy(options),
    puppeteer: { executablePath: options.chromiumPath, headless: true, args: CHROMIUM_ARGS },
  });
}
