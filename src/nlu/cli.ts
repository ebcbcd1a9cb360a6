/** `npm run nlu -- "some text"`: shows how the NLU reads one message, for staff and developers tuning data. */
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
  const nlu = await createNlu({ dataDir: defaultDataDir(), log: (line) => console.error(line) });
  const result = nlu.understand(text, SOURCE_LANGUAGE);
  const { language, intent, score, alternatives, detected } = result;
  console.log(JSON.stringify({ language, intent, score, alternatives, detected }, null, 2));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
