import type { AddressInfo } from 'node:net';
import pino from 'pino';
import { loadConfig } from '../../src/config';
import { createApp, type App, type AppOverrides } from '../../src/main';
import type { Nlu } from '../../src/core/nlu';
import { dropTestDatabase, testDatabaseUri } from './db';
import { loadTestNlu } from './nlu-model';

/** A real app on a fresh test database, listening on 127.0.0.1 with a free port. */
export interface TestApp {
  app: App;
  url: string;
  uri: string;
  close(options?: { keepDatabase?: boolean }): Promise<void>;
}

let sharedNlu: Promise<Nlu> | undefined;

/**
 * Builds the NLU once per test file (every app in the file shares it: it is read-only after training),
 * from the model file the global setup trained (see nlu-model.ts).
 */
export function testNlu(): Promise<Nlu> {
  sharedNlu ??= loadTestNlu();
  return sharedNlu;
}

/** Options of a test app: the database to use (to share it between two apps) and overrides. */
export interface TestAppOptions extends AppOverrides {
  prefix?: string;
  uri?: string;
  env?: NodeJS.ProcessEnv;
}

/** Builds the same app as `npm start`, with a silent logger, on its own database (or the given one). */
export async function startTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const uri = options.uri ?? testDatabaseUri(options.prefix ?? 'app');
  const config = loadConfig({ LOG_LEVEL: 'silent', NODE_ENV: 'test', ...options.env });
  const app = await createApp(config, uri, { logger: options.logger ?? pino({ level: 'silent' }), nlu: options.nlu ?? (await testNlu()), ...options });
  await app.http.listen({ host: '127.0.0.1', port: 0 });
  const { port } = app.http.server.address() as AddressInfo;
  return {
    app,
    uri,
    url: `http://127.0.0.1:${port}`,
    close: async ({ keepDatabase = false } = {}) => {
      await app.close();
      if (!keepDatabase) await dropTestDatabase(uri);
    },
  };
}
