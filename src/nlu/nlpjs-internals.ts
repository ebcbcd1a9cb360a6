/**
 * The members of nlp.js 4.x objects that src/nlu reaches. nlp.js has no types; these interfaces are the
 * one place that says which undocumented internals we depend on (checked by test/nlu/intent-model.test.ts
 * against nlp.process, so an upgrade that changes them fails a test instead of misclassifying).
 */

/** One nlp.js classification row; 'None' is nlp.js's own fallback class. */
export interface NlpjsClassification {
  intent: string;
  score: number;
}

/** The object nlp.js's NLU pipeline steps pass along. */
export interface NlpjsNeuralInput {
  tokens: Record<string, number>;
  settings: Record<string, unknown>;
  classifications?: NlpjsClassification[];
}

/** The NeuralNlu steps of nlp.js's process pipeline, all synchronous. */
export interface NlpjsNeuralNlu {
  settings: Record<string, unknown>;
  textToFeatures(input: NlpjsNeuralInput): NlpjsNeuralInput;
  innerProcess(input: NlpjsNeuralInput): NlpjsNeuralInput;
  filterNonActivated(input: NlpjsNeuralInput): NlpjsNeuralInput;
  normalizeClassifications(input: NlpjsNeuralInput): NlpjsNeuralInput;
}

/** A per-language domain manager: its neural domains and its exact-match dictionary of stem sets. */
export interface NlpjsDomainManager {
  domains: Record<string, NlpjsNeuralNlu | undefined>;
  stemDict: Record<string, { intent: string } | undefined>;
}

/** The Nlp facade: documents in, training, export/import, and its NLU manager. */
export interface NlpjsNlp {
  settings: { autoSave?: boolean; autoLoad?: boolean };
  nluManager: {
    settings: { log?: boolean };
    domainManagers: Record<string, NlpjsDomainManager | undefined>;
  };
  addLanguage(locales: string[]): void;
  addDocument(locale: string, utterance: string, intent: string): void;
  train(): Promise<unknown>;
  process(locale: string, utterance: string): Promise<{ intent: string; score: number }>;
  export(minified?: boolean): string;
  import(data: string): void;
}

/** A language's normalizer, tokenizer and stemmer from the language plugin (synchronous). */
export interface NlpjsPipes {
  normalizer: { normalize(text: string): string };
  tokenizer: { tokenize(text: string, normalize?: boolean): string[] };
  stemmer: { stem(tokens: string[]): string[] };
}
