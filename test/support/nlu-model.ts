import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Nlu } from '../../src/core/nlu';
import { createNlu } from '../../src/nlu/create-nlu';
import { defaultDataDir } from '../../src/nlu/data-dir';

/** A short hash of the training data and the concept lexicon, so checkouts with different data never overwrite each other's model. */
function nluDataHash(dir: string): string {
  const hash = createHash('sha256');
  for (const folder of [dir, path.join(dir, 'concepts')].filter((f) => fs.existsSync(f))) {
    for (const file of fs.readdirSync(folder).filter((f) => f.endsWith('.json')).sort()) hash.update(file).update(fs.readFileSync(path.join(folder, file)));
  }
  return hash.digest('hex').slice(0, 16);
}

/** Where the tests keep the trained model: the same file format as DATA_DIR/nlu-model.json, checked against the data. */
export function testNluModelFile(): string {
  return path.join(os.tmpdir(), `digipunt-nlu-test-${nluDataHash(defaultDataDir())}.json`);
}

/**
 * Why: training on nlu/*.json takes tens of seconds; the global setup calls this once before any
 * worker starts, so test files only load the saved model (and never train twice at once, or time out).
 */
export function loadTestNlu(log: (line: string) => void = () => undefined): Promise<Nlu> {
  return createNlu({ dataDir: defaultDataDir(), modelFile: testNluModelFile(), log });
}
