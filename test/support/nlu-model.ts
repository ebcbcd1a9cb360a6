import os from 'node:os';
import path from 'node:path';
import type { Nlu } from '../../src/core/nlu';
import { nluDataFingerprint } from '../../src/nlu/corpus';
import { createNlu } from '../../src/nlu/create-nlu';
import { defaultDataDir } from '../../src/nlu/data-dir';

/** Where the tests keep the trained model: the same file format as DATA_DIR/nlu-model.json, checked against the data. */
export function testNluModelFile(): string {
  return path.join(os.tmpdir(), `digipunt-nlu-test-${nluDataFingerprint(defaultDataDir()).slice(0, 16)}.json`);
}

/**
 * Why: training on nlu/*.json takes tens of seconds; the global setup calls this once before any
 * worker starts, so test files only load the saved model (and never train twice at once, or time out).
 */
export function loadTestNlu(log: (line: string) => void = () => undefined): Promise<Nlu> {
  return createNlu({ dataDir: defaultDataDir(), modelFile: testNluModelFile(), log });
}
