import type { LocalServer } from '../../src/storage/local-server';

/** What global setup started and global teardown must clean up (both run in the main jest process). */
export interface HarnessState {
  server: LocalServer;
  dataDir: string;
}

const KEY = Symbol.for('digipunt-aalst.test-database-server');
type Holder = { [KEY]?: HarnessState };

/** Keeps the server handle on globalThis: jest loads setup and teardown as separate modules. */
export function setHarnessState(state: HarnessState): void {
  (globalThis as Holder)[KEY] = state;
}

/** Takes the handle back (once), so a second teardown is a no-op. */
export function takeHarnessState(): HarnessState | undefined {
  const holder = globalThis as Holder;
  const state = holder[KEY];
  delete holder[KEY];
  return state;
}
