/** `npm run nlu:eval [folds]`: held-out accuracy of the NLU on nlu/*.json, per language and per intent. */
import { ConceptLexicon } from './concept-lexicon';
import { loadCorpus } from './corpus';
import { defaultDataDir } from './data-dir';
import { evaluate } from './evaluate';
import { formatReport } from './report';

async function main(): Promise<void> {
  const folds = Number(process.argv[2] ?? 5);
  if (!Number.isInteger(folds) || folds < 2) throw new Error('folds must be an integer ≥ 2');
  const dataDir = defaultDataDir();
  const report = await evaluate(loadCorpus(dataDir), { folds, concepts: ConceptLexicon.load(dataDir) });
  for (const line of formatReport(report, folds)) console.log(line);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
