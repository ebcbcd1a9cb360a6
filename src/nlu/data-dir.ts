import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** Why: scripts run from src/ (ts-jest) and from dist/src/ (node); both find the repository's nlu/ folder. */
export function defaultDataDir(from: string = __dirname): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'nlu', 'nl.json'))) return join(dir, 'nlu');
    if (dirname(dir) === dir) throw new Error(`no nlu/ training data folder above ${from}`);
  }
}
