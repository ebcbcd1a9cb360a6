import { createHash } from 'node:crypto';
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import type { Language } from '../core/languages';
import type { Nlu } from '../core/nlu';
import { dedupe, loadCorpus, nluDataFingerprint, type Example } from './corpus';
import { ConceptLexicon } from './concept-lexicon';
import { conceptFeatures, IntentEnsemble, trainNgramModel } from './intent-ensemble';
import { NlpJsIntentModel } from './intent-model';
import { LanguageIdentifier, type LanguageIdentifierData } from './language-id';
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
const MODEL_FORMAT = 8;

interface SavedModel {
  dataHash: string;
  languages: Language[];
  utterances: number;
  nlp: string;
  ngram: NgramModelData;
  languageId: LanguageIdentifierData;
}

/** The three trained parts; what a saved model holds and what the NLU is built from. */
interface TrainedParts {
  nlpjs: NlpJsIntentModel;
  ngram: NgramClassifier;
  languageId: LanguageIdentifier;
}

/** Why: the evaluation and the factory build the same engine from any set of examples. */
export async function trainNlu(examples: readonly Example[], concepts: ConceptLexicon): Promise<NlpJsNlu> {
  return assemble(await trainParts(examples, concepts));
}

async function trainParts(examples: readonly Example[], concepts: ConceptLexicon): Promise<TrainedParts> {
  const nlpjs = await NlpJsIntentModel.train(examples);
  return { nlpjs, ngram: trainNgramModel(examples, concepts), languageId: LanguageIdentifier.train(examples) };
}

/** nlp.js model + n-gram vote + language identifier, trained on the same examples. */
function assemble(parts: TrainedParts): NlpJsNlu {
  return new NlpJsNlu(new IntentEnsemble(parts.nlpjs, parts.ngram), parts.languageId);
}

/** Why: the composition root's one call: train on nlu/*.json (or load the model saved for exactly that data) and hand back the port. */
export async function createNlu(options: CreateNluOptions): Promise<Nlu> {
  const started = Date.now();
  const concepts = ConceptLexicon.load(options.dataDir);
  const hash = createHash('sha256').update(`${MODEL_FORMAT}\n${nluDataFingerprint(options.dataDir)}`).digest('hex');
  const saved = options.modelFile === undefined ? undefined : readSaved(options.modelFile, hash);
  const { parts, languages, utterances } = saved === undefined ? await trainFromFiles(options, concepts, hash) : await loadSaved(saved, concepts);
  const how = saved === undefined ? 'trained' : 'loaded';
  options.log(`nlu: ${how} ${languages} languages, ${utterances} utterances in ${Date.now() - started} ms`);
  return assemble(parts);
}

interface Built {
  parts: TrainedParts;
  languages: number;
  utterances: number;
}

async function trainFromFiles(options: CreateNluOptions, concepts: ConceptLexicon, hash: string): Promise<Built> {
  const examples = dedupe(loadCorpus(options.dataDir));
  const languages = new Set(examples.map((e) => e.language)).size;
  // Training takes minutes on the full data: say so first, or a first `npm start` looks stuck.
  options.log(`nlu: training ${languages} languages, ${examples.length} utterances (once; the model is saved for the next start)`);
  const parts = await trainParts(examples, concepts);
  if (options.modelFile !== undefined) writeSaved(options.modelFile, hash, examples.length, parts);
  return { parts, languages, utterances: examples.length };
}

async function loadSaved(saved: SavedModel, concepts: ConceptLexicon): Promise<Built> {
  const parts: TrainedParts = {
    nlpjs: await NlpJsIntentModel.fromExport(saved.nlp, saved.languages),
    ngram: NgramClassifier.fromData(saved.ngram, conceptFeatures(concepts)),
    languageId: LanguageIdentifier.fromData(saved.languageId),
  };
  return { parts, languages: saved.languages.length, utterances: saved.utterances };
}

function readSaved(file: string, hash: string): SavedModel | undefined {
  if (!existsSync(file)) return undefined;
  let parsed: Partial<SavedModel>;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8')) as Partial<SavedModel>;
  } catch {
    return undefined;
  }
  const valid = parsed.dataHash === hash && typeof parsed.nlp === 'string' && Array.isArray(parsed.languages)
    && typeof parsed.utterances === 'number' && typeof parsed.ngram === 'object' && typeof parsed.languageId === 'object';
  return valid ? (parsed as SavedModel) : undefined;
}

function writeSaved(file: string, hash: string, utterances: number, parts: TrainedParts): void {
  const saved: SavedModel = {
    dataHash: hash, languages: [...parts.nlpjs.languages], utterances, nlp: parts.nlpjs.export(), ngram: parts.ngram.toData(), languageId: parts.languageId.toData(),
  };
  const partial = `${file}.${process.pid}.${Date.now()}.partial`;
  writeFileSync(partial, JSON.stringify(saved));
  renameSync(partial, file);
}
