import { containerBootstrap, type NlpjsContainer, type NlpjsPlugin } from '@nlpjs/core';
import { Nlp } from '@nlpjs/nlp';
import { LangAr } from '@nlpjs/lang-ar';
import { LangEn } from '@nlpjs/lang-en';
import { LangFr } from '@nlpjs/lang-fr';
import { LangNl } from '@nlpjs/lang-nl';
import { LangTr } from '@nlpjs/lang-tr';
import { LangUk } from '@nlpjs/lang-uk';
import { isIntentName } from '../core/intents';
import type { Language } from '../core/languages';
import type { IntentScore } from '../core/nlu';
import type { Example } from './corpus';
import { normalizeText } from './normalize';
import type { NlpjsNeuralInput, NlpjsNeuralNlu, NlpjsNlp, NlpjsPipes } from './nlpjs-internals';

const LANGUAGE_PLUGINS: Record<Language, NlpjsPlugin> = {
  nl: LangNl, fr: LangFr, en: LangEn, tr: LangTr, ar: LangAr, uk: LangUk,
};
const DOMAIN = 'master_domain';

/** Builds the nlp.js container with the Nlp plugin and every language plugin, with autosave and epoch logs off. */
async function createNlp(): Promise<{ nlp: NlpjsNlp; container: NlpjsContainer }> {
  const container = await containerBootstrap();
  container.use(Nlp);
  for (const plugin of Object.values(LANGUAGE_PLUGINS)) container.use(plugin);
  const nlp = container.get('nlp') as NlpjsNlp;
  nlp.settings.autoSave = false;
  nlp.settings.autoLoad = false;
  nlp.nluManager.settings.log = false;
  return { nlp, container };
}

/** The pieces of nlp.js's (async) process pipeline that are synchronous underneath, per language. */
function pipesFor(container: NlpjsContainer, language: Language): NlpjsPipes {
  return {
    normalizer: container.get(`normalizer-${language}`) as NlpjsPipes['normalizer'],
    tokenizer: container.get(`tokenizer-${language}`) as NlpjsPipes['tokenizer'],
    stemmer: container.get(`stemmer-${language}`) as NlpjsPipes['stemmer'],
  };
}

/** Why: one nlp.js model for all six languages, usable synchronously because the Nlu port is synchronous. */
export class NlpJsIntentModel {
  private readonly pipes = new Map<Language, NlpjsPipes>();

  private constructor(
    private readonly nlp: NlpjsNlp,
    container: NlpjsContainer,
    readonly languages: readonly Language[],
  ) {
    for (const language of languages) this.pipes.set(language, pipesFor(container, language));
  }

  /** Why: start-up training from nlu/*.json; every utterance goes through normalizeText first. */
  static async train(examples: readonly Example[]): Promise<NlpJsIntentModel> {
    const { nlp, container } = await createNlp();
    const languages = [...new Set(examples.map((e) => e.language))];
    nlp.addLanguage(languages);
    for (const { language, text, intent } of examples) {
      const normalized = normalizeText(text);
      if (normalized !== '') nlp.addDocument(language, normalized, intent);
    }
    await nlp.train();
    return new NlpJsIntentModel(nlp, container, languages);
  }

  /** Why: a saved model skips training at start-up (nlp.js export format). */
  static async fromExport(exported: string, languages: readonly Language[]): Promise<NlpJsIntentModel> {
    const { nlp, container } = await createNlp();
    nlp.addLanguage([...languages]);
    nlp.import(exported);
    return new NlpJsIntentModel(nlp, container, languages);
  }

  /** Why: persists the trained model with nlp.js's own format. */
  export(): string {
    return this.nlp.export(true);
  }

  /** Why: the reference answer of nlp.js's own async pipeline, so a test can prove the sync path agrees. */
  async referenceIntent(language: Language, text: string): Promise<string> {
    const result = await this.nlp.process(language, normalizeText(text));
    return result.intent === 'None' ? 'none' : result.intent;
  }

  /** Why: the sync classification the port needs; returns every intent with a score > 0, best first. */
  classify(language: Language, text: string): IntentScore[] {
    const pipes = this.pipes.get(language);
    const manager = this.nlp.nluManager.domainManagers[language];
    const neural = manager?.domains[DOMAIN];
    if (pipes === undefined || manager === undefined || neural === undefined) return [];
    const stems = this.stems(pipes, normalizeText(text));
    const ranked = rank(neural, stems);
    const exact = manager.stemDict[[...new Set(stems)].sort().join()];
    if (exact === undefined || !isIntentName(exact.intent)) return ranked;
    return [{ intent: exact.intent, score: 1 }, ...ranked.filter((s) => s.intent !== exact.intent)];
  }

  /** Why: nlp.js's features are stems of its own tokenizer; the same chain as its prepare step, without promises. */
  private stems(pipes: NlpjsPipes, normalized: string): string[] {
    const tokens = pipes.tokenizer.tokenize(pipes.normalizer.normalize(normalized), false);
    return pipes.stemmer.stem(tokens).filter((t) => t !== '');
  }
}

/** Runs the neural classifier steps of nlp.js (features, network, activation filter, normalisation). */
function rank(neural: NlpjsNeuralNlu, stems: readonly string[]): IntentScore[] {
  const tokens: Record<string, number> = {};
  for (const stem of stems) tokens[stem] = 1;
  let input: NlpjsNeuralInput = { tokens, settings: neural.settings };
  input = neural.textToFeatures(input);
  input = neural.innerProcess(input);
  input = neural.filterNonActivated(input);
  input = neural.normalizeClassifications(input);
  const best = new Map<IntentScore['intent'], number>();
  for (const { intent, score } of input.classifications ?? []) {
    const name = intent === 'None' ? 'none' : intent;
    if (isIntentName(name) && score > (best.get(name) ?? 0)) best.set(name, score);
  }
  return [...best].map(([intent, score]) => ({ intent, score })).sort((a, b) => b.score - a.score);
}
