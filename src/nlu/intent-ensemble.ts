import { isIntentName } from '../core/intents';
import type { Language } from '../core/languages';
import type { IntentScore } from '../core/nlu';
import type { ConceptLexicon } from './concept-lexicon';
import type { Example } from './corpus';
import type { NlpJsIntentModel } from './intent-model';
import { NgramClassifier, type ExtraFeatures } from './ngram-classifier';

/** How much nlp.js's vote counts against the n-gram model's (a log-linear blend). */
const NLPJS_WEIGHT = 0.2;
/** nlp.js often gives 0 to all but one intent; this floor keeps its "no" from being a veto. */
const NLPJS_FLOOR = 0.05;

/**
 * Why: one n-gram model for all languages, each feature learnt both shared and per language, so
 * "gdpr", "ligo", "laptop" or "certificaat/certificat/sertifika" teach every language at once; the
 * lexicon's concepts are learnt the same way.
 */
export function trainNgramModel(examples: readonly Example[], concepts: ConceptLexicon): NgramClassifier {
  return NgramClassifier.train(examples.map((e) => ({ text: e.text, label: e.intent, group: e.language })), conceptFeatures(concepts));
}

/** Why: the same concept features for training and for a saved model read back. */
export function conceptFeatures(concepts: ConceptLexicon): ExtraFeatures {
  return (words, language) => concepts.features(words, language);
}

/** Why: nlp.js and the n-gram model err on different messages; their blend is right more often than either. */
export class IntentEnsemble {
  constructor(
    private readonly nlpjs: NlpJsIntentModel,
    private readonly ngram: NgramClassifier,
  ) {}

  /** Why: every intent with its blended probability, best first. */
  classify(language: Language, text: string): IntentScore[] {
    const nlpjs = this.nlpjs.classify(language, text);
    const nlpjsScore = new Map(nlpjs.map((s) => [s.intent, s.score]));
    const blended = this.ngram.classify(text, language).flatMap(({ label, score }) => {
      if (!isIntentName(label)) return [];
      const vote = Math.log(score) + NLPJS_WEIGHT * Math.log((nlpjsScore.get(label) ?? 0) + NLPJS_FLOOR);
      return [{ intent: label, score: vote }];
    });
    return softmax(blended);
  }
}

function softmax(scores: IntentScore[]): IntentScore[] {
  const max = Math.max(...scores.map((s) => s.score));
  const exps = scores.map((s) => ({ intent: s.intent, score: Math.exp(s.score - max) }));
  const total = exps.reduce((sum, s) => sum + s.score, 0);
  return exps.map((s) => ({ intent: s.intent, score: s.score / total })).sort((a, b) => b.score - a.score);
}
