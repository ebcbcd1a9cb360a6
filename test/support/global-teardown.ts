import { rm } from 'node:fs/promises';
import { takeHarnessState } from './harness-state';

/** Jest global teardown: stops the server global setup started and removes its temp data. */
export default async function globalTeardown(): Promise<void> {
  const state = takeHarnessState();
  if (!state) return;
  await state.server.stop();
  await rm(state.dataDir, { recursive: true, force: true });
}
