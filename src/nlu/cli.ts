/** `npm run nlu -- "some text"`: shows how the NLU reads one message, for staff and developers tuning data. */
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SOURCE_LANGUAGE } from '../core/languages';
import { createNlu } from './create-nlu';
import { defaultDataDir } from './data-dir';

async function main(): Promise<void> {
  const text = process.argv.slice(2).join(' ');
  if (text.trim() === '') {
    console.error('usage: npm run nlu -- "some text"');
    process.exitCode = 2;
    return;
  }
  // A model cached in the temp folder: retrained only when nlu/*.json (or the model format) changes.
  const modelFile = join(tmpdir(), 'digipunt-nlu-cli-model.json');
  const nlu = await createNlu({ dataDir: defaultDataDir(), modelFile, log: (line) => console.error(line) });
  // Classified as if the conversation were still in the source language, as for a first message.
  const { language, intent, score, alternatives, detected } = nlu.understand(text, SOURCE_LANGUAGE);
  console.log(JSON.stringify({ language, intent, score, alternatives, detected }, null, 2));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
