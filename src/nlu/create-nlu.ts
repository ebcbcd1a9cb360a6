import { createHash } from 'node:crypto';
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import type { Language } from '../core/languages';
import type { Nlu } from '../core/nlu';
import { dedupe, loadCorpus, type Example } from './corpus';
import { ConceptLexicon } from './concept-lexicon';
import { conceptFeatures, IntentEnsemble, trainNgramModel } from './intent-ensemble';
import { NlpJsIntentModel } from './intent-model';
import { LanguageIdentifier } from './language-id';
import { NgramClassifier, type NgramModelData } from './ngram-classifier';
import { NlpJsNlu } from './nlpjs-nlu';

/** What the composition root passes to build the NLU. */
export interface CreateNluOptions {
  /** Folder with nlu/<lng>.json training files (and, optionally, concepts/<lng>.json). */
  dataDir: string;
  /** Receives the progress lines: one before training (when it trains), one when ready (no personal data). */
  log: (line: string) => void;
  /** Optional saved nlp.js model: imported when it was trained on the current data, else (re)written. */
  modelFile?: string;
}

/** Bump when features or model shapes change, so an old saved model is retrained instead of misread. */
const MODEL_FORMAT = 7;

interface SavedModel {
  dataHash: string;
  languages: Language[];
  nlp: string;
  ngram: NgramModelData;
}

/** Why: the evaluation and the factory build the same engine from any set of examples. */
export async function trainNlu(examples: readonly Example[], concepts: ConceptLexicon): Promise<NlpJsNlu> {
  const nlpjs = await NlpJsIntentModel.train(examples);
  return assemble(nlpjs, examples, trainNgramModel(examples, concepts));
}

/** nlp.js model + n-gram vote + language identifier, all from the same examples. */
function assemble(nlpjs: NlpJsIntentModel, examples: readonly Example[], ngram: NgramClassifier): NlpJsNlu {
  return new NlpJsNlu(new IntentEnsemble(nlpjs, ngram), LanguageIdentifier.train(examples));
}

/** Why: the composition root's one call: read nlu/*.json, train (or import) and hand back the port. */
export async function createNlu(options: CreateNluOptions): Promise<Nlu> {
  const started = Date.now();
  const examples = dedupe(loadCorpus(options.dataDir));
  const concepts = ConceptLexicon.load(options.dataDir);
  const hash = dataHash(examples, concepts);
  const saved = options.modelFile === undefined ? undefined : readSaved(options.modelFile, hash);
  const languages = new Set(examples.map((e) => e.language)).size;
  // Training takes up to a minute on the full data: say so first, or a first `npm start` looks stuck.
  if (saved === undefined) options.log(`nlu: training ${languages} languages, ${examples.length} utterances (once; the model is saved for the next start)`);
  const nlpjs = saved === undefined
    ? await NlpJsIntentModel.train(examples)
    : await NlpJsIntentModel.fromExport(saved.nlp, saved.languages);
  const ngram = saved === undefined ? trainNgramModel(examples, concepts) : NgramClassifier.fromData(saved.ngram, conceptFeatures(concepts));
  if (saved === undefined && options.modelFile !== undefined) writeSaved(options.modelFile, hash, nlpjs, ngram);
  const nlu = assemble(nlpjs, examples, ngram);
  const how = saved === undefined ? 'trained' : 'loaded';
  options.log(`nlu: ${how} ${languages} languages, ${examples.length} utterances in ${Date.now() - started} ms`);
  return nlu;
}

function dataHash(examples: readonly Example[], concepts: ConceptLexicon): string {
  return createHash('sha256').update(`${MODEL_FORMAT}\n${JSON.stringify(examples)}\n${concepts.source}`).digest('hex');
}

function readSaved(file: string, hash: string): SavedModel | undefined {
  if (!existsSync(file)) return undefined;
  let parsed: Partial<SavedModel>;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8')) as Partial<SavedModel>;
  } catch {
    return undefined;
  }
  const valid = parsed.dataHash === hash && typeof parsed.nlp === 'string' && Array.isArray(parsed.languages) && typeof parsed.ngram === 'object';
  return valid ? (parsed as SavedModel) : undefined;
}

function writeSaved(file: string, hash: string, model: NlpJsIntentModel, ngram: NgramClassifier): void {
  const saved: SavedModel = { dataHash: hash, languages: [...model.languages], nlp: model.export(), ngram: ngram.toData() };
  const partial = `${file}.${process.pid}.${Date.now()}.partial`;
  writeFileSync(partial, JSON.stringify(saved));
  renameSync(partial, file);
}
