import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { INTENTS } from '../../src/core/intents';
import { LANGUAGES } from '../../src/core/languages';
import { findConflicts, loadLanguageFile, parseTrainingFile } from '../../src/nlu/corpus';
import { defaultDataDir } from '../../src/nlu/data-dir';

const dataDir = defaultDataDir();

describe('nlu/<lng>.json training data', () => {
  it('has a file for every supported language', () => {
    const files = readdirSync(dataDir);
    for (const language of LANGUAGES) expect(files).toContain(`${language}.json`);
  });

  it.each(LANGUAGES)('%s: every intent of the catalogue has phrases, and only catalogue intents appear', (language) => {
    const raw = JSON.parse(readFileSync(join(dataDir, `${language}.json`), 'utf8')) as Record<string, unknown>;
    expect(Object.keys(raw).sort()).toEqual([...INTENTS].sort());
    const examples = loadLanguageFile(dataDir, language);
    for (const intent of INTENTS) {
      expect(examples.filter((e) => e.intent === intent).length).toBeGreaterThanOrEqual(20);
    }
  });

  it.each(LANGUAGES)('%s: no phrase is filed under two intents (after normalisation)', (language) => {
    expect(findConflicts(loadLanguageFile(dataDir, language))).toEqual([]);
  });

  it('refuses an unknown intent name with a clear message', () => {
    expect(() => parseTrainingFile({ greetings: ['hoi'] }, 'nl', 'x.json')).toThrow('x.json: unknown intent "greetings"');
    expect(() => parseTrainingFile({ greeting: 'hoi' }, 'nl', 'x.json')).toThrow('must be a list of strings');
  });
});
