import mongoose, { type Connection } from 'mongoose';

/** Options of the store connection; tests shorten the timeouts. */
export interface StoreConnectionOptions {
  serverSelectionTimeoutMS?: number;
  maxPoolSize?: number;
}

/**
 * Opens one mongoose connection for the whole app (never the global default connection, so tests and
 * two apps in one process stay apart). Commands are not buffered: when the database is down a turn fails
 * at once and the resident is told to try again, instead of hanging. The connection starts at once;
 * callers define models on it and await `asPromise()` before the first query.
 */
export function createStoreConnection(uri: string, options: StoreConnectionOptions = {}): Connection {
  // Mongoose otherwise records a stack trace on every query, only to report a query run twice (4 % of a turn's CPU).
  mongoose.set('skipOriginalStackTraces', true);
  return mongoose.createConnection(uri, {
    bufferCommands: false,
    autoIndex: false,
    autoCreate: true,
    serverSelectionTimeoutMS: options.serverSelectionTimeoutMS ?? 10_000,
    maxPoolSize: options.maxPoolSize ?? 20,
  });
}

/** True for MongoDB's duplicate-key error, the signal of our unique-index idempotency and leases. */
export function isDuplicateKey(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 11000;
}

/** Builds the indexes of every model defined on the connection (start-up and one-off commands; autoIndex is off). */
export async function createModelIndexes(connection: Connection): Promise<void> {
  await Promise.all(Object.values(connection.models).map((model) => model.createIndexes()));
}
