import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startLocalServer } from '../../src/storage/local-server';
import { setHarnessState } from './harness-state';
import { loadTestNlu } from './nlu-model';

/**
 * Jest global setup: trains (or loads) the NLU model once for every test file, then uses $MONGODB_URI
 * when set, else starts FerretDB on a fresh temp directory and exports its URI so every worker
 * (spawned after this) inherits it.
 */
export default async function globalSetup(): Promise<void> {
  await loadTestNlu((line) => console.log(`\n${line} (model for the tests)`));
  const external = process.env.MONGODB_URI;
  if (external) {
    console.log(`\nTests use the database server from MONGODB_URI (${redact(external)}).`);
    return;
  }
  const dataDir = await mkdtemp(path.join(tmpdir(), 'digipunt-test-db-'));
  const server = await startLocalServer({ dataDir, log: (line) => console.log(line) });
  process.env.MONGODB_URI = server.uri;
  setHarnessState({ server, dataDir });
  console.log(`\nTests use a local FerretDB server at ${server.uri} (data in ${dataDir}).`);
}

/** Hides a password in the URI before printing it. */
function redact(uri: string): string {
  return uri.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@');
}
