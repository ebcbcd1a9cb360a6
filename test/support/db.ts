import { randomBytes } from 'node:crypto';
import mongoose, { type Connection } from 'mongoose';
import { createModelIndexes, createStoreConnection, type StoreConnectionOptions } from '../../src/storage/connection';

const MAX_NAME_LENGTH = 38;
const SUFFIX_LENGTH = 8;

/** The server global setup chose (local FerretDB or $MONGODB_URI). */
export function baseDatabaseUri(): string {
  const uri = process.env.MONGODB_URI;
  if (!uri) throw new Error('MONGODB_URI is not set: run the tests through jest (its global setup sets it).');
  return uri;
}

/** A database name of [a-z0-9_] (at most 38 characters) that no other test file uses. */
export function uniqueDatabaseName(prefix: string): string {
  const suffix = randomBytes(SUFFIX_LENGTH).toString('hex').slice(0, SUFFIX_LENGTH);
  const cleaned = prefix.toLowerCase().replace(/[^a-z0-9_]+/g, '_').replace(/^_+|_+$/g, '') || 'test';
  return `${cleaned.slice(0, MAX_NAME_LENGTH - SUFFIX_LENGTH - 1)}_${suffix}`;
}

/** The test server's URI with a fresh database name, so test files never share data. */
export function testDatabaseUri(prefix: string): string {
  return withDatabaseName(baseDatabaseUri(), uniqueDatabaseName(prefix));
}

/** Replaces the database part of a mongodb:// or mongodb+srv:// URI, keeping hosts and options. */
export function withDatabaseName(uri: string, name: string): string {
  const schemeEnd = uri.indexOf('://');
  if (schemeEnd < 0) throw new Error(`Not a MongoDB URI: ${uri}`);
  const queryStart = uri.indexOf('?', schemeEnd);
  const query = queryStart < 0 ? '' : uri.slice(queryStart);
  const beforeQuery = queryStart < 0 ? uri : uri.slice(0, queryStart);
  const pathStart = beforeQuery.indexOf('/', schemeEnd + 3);
  const hosts = pathStart < 0 ? beforeQuery : beforeQuery.slice(0, pathStart);
  return `${hosts}/${name}${query}`;
}

/** Drops a test database through its own connection (call it in afterAll). */
export async function dropTestDatabase(uri: string): Promise<void> {
  const connection = await mongoose.createConnection(uri).asPromise();
  try {
    await connection.dropDatabase();
  } finally {
    await connection.close();
  }
}

/**
 * A store connection on a fresh test database for the whole test file: connected, with the indexes
 * of every model defined on it by the time the tests run, and closed and dropped after them.
 * Call it at the top of a file or describe block, then construct the stores on `connection`.
 */
export function useTestConnection(prefix: string, options: StoreConnectionOptions = {}): { uri: string; connection: Connection } {
  const uri = testDatabaseUri(prefix);
  const connection = createStoreConnection(uri, options);
  beforeAll(async () => {
    await connection.asPromise();
    await createModelIndexes(connection);
  });
  afterAll(async () => {
    await connection.close();
    await dropTestDatabase(uri);
  });
  return { uri, connection };
}
