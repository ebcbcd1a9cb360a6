import type { Connection } from 'mongoose';
import type { Config } from '../config';
import { createStoreConnection } from './connection';
import { startLocalServer } from './local-server';

/** The database the app uses, and how to stop it when we started it ourselves. */
export interface ResolvedDatabase {
  uri: string;
  stop(): Promise<void>;
}

/** MONGODB_URI when set; otherwise the embedded local server with its data under DATA_DIR (and says so). */
export async function resolveDatabase(config: Config, log: (line: string) => void): Promise<ResolvedDatabase> {
  if (config.MONGODB_URI) return { uri: config.MONGODB_URI, stop: async () => undefined };
  log(`No MONGODB_URI set: starting the local database server with its data in ${config.paths.data}`);
  const local = await startLocalServer({ dataDir: `${config.paths.data}/ferretdb`, log });
  return { uri: `${local.uri.replace(/\/$/, '')}/digipunt`, stop: () => local.stop() };
}

/**
 * Runs a one-off command (staff:add, inventory:import, backup) on the configured database: starts the
 * embedded server when needed, connects, and always closes and stops again, also when the command fails.
 */
export async function withDatabase<T>(config: Config, log: (line: string) => void, command: (connection: Connection) => Promise<T>): Promise<T> {
  const database = await resolveDatabase(config, log);
  const connection = createStoreConnection(database.uri);
  try {
    await connection.asPromise();
    return await command(connection);
  } finally {
    await connection.close();
    await database.stop();
  }
}
