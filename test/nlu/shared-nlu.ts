import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Nlu } from '../../src/core/nlu';
import { createNlu } from '../../src/nlu/create-nlu';
import { defaultDataDir } from '../../src/nlu/data-dir';

/** Where the NLU tests keep the trained model between test files. */
export function sharedModelFile(): string {
  return join(tmpdir(), 'digipunt-nlu-tests-model.json');
}

/** The NLU trained on nlu/*.json, saved once per data version so later test files only load it. */
export function sharedNlu(): Promise<Nlu> {
  return createNlu({ dataDir: defaultDataDir(), modelFile: sharedModelFile(), log: () => undefined });
}
