import type { IntentName } from '../core/intents';
import type { Language } from '../core/languages';
import type { ConceptLexicon } from './concept-lexicon';
import { dedupe, type Example } from './corpus';
import { trainNlu } from './create-nlu';
import { stratifiedFolds } from './kfold';
import { NearCopyIndex } from './near-copies';
import { normalizeText } from './normalize';

/** How the held-out evaluation is run. */
export interface EvaluationOptions {
  folds: number;
  /** Run only the first N folds (a quicker test with the same held-out principle); default all. */
  runFolds?: number;
  seed?: number;
  /** The word-meaning lexicon the model is trained with (nlu/concepts); not part of the folds. */
  concepts: ConceptLexicon;
}

/** Correct out of total, for one slice of the test data. */
export interface Tally {
  correct: number;
  total: number;
}

/** One held-out prediction, kept so reports can show confusions. */
export interface Prediction {
  example: Example;
  intent: IntentName;
  detected: string | null;
  /** A training phrase differs from this one by one word only (an easier test). */
  nearCopy: boolean;
}

/** Why: the numbers behind `npm run nlu:eval` and the accuracy test, computed once. */
export interface EvaluationReport {
  intent: Tally;
  byLanguage: Map<Language, Tally>;
  byIntent: Map<IntentName, Tally>;
  /** Language identification on held-out texts that occur in one language only. */
  languageId: { committed: number; correct: number; abstained: number; shared: number };
  /** Intent accuracy on held-out phrases with no one-word neighbour in their training folds. */
  withoutNearCopies: Tally;
  predictions: Prediction[];
}

function bump(map: Map<string, Tally>, key: string, correct: boolean): void {
  const tally = map.get(key) ?? { correct: 0, total: 0 };
  tally.total += 1;
  if (correct) tally.correct += 1;
  map.set(key, tally);
}

/** Normalised texts that appear in more than one language's data ("ok", "stop", "gdpr"): no language is right. */
function sharedTexts(examples: readonly Example[]): Set<string> {
  const languagesOf = new Map<string, Set<Language>>();
  for (const { text, language } of examples) {
    const key = normalizeText(text);
    languagesOf.set(key, (languagesOf.get(key) ?? new Set<Language>()).add(language));
  }
  return new Set([...languagesOf].filter(([, langs]) => langs.size > 1).map(([text]) => text));
}

/** The n-gram model learns all languages at once, so "ok" in nl.json and en.json would sit in train and test. */
function dedupeAcrossLanguages(all: readonly Example[]): Example[] {
  const seen = new Set<string>();
  return dedupe(all).filter((e) => {
    const key = normalizeText(e.text);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Why: trains on k-1 folds and tests on the held-out fold; de-duplication first (also across languages), so no phrase is in both. */
export async function evaluate(all: readonly Example[], options: EvaluationOptions): Promise<EvaluationReport> {
  const examples = dedupeAcrossLanguages(all);
  const folds = stratifiedFolds(examples, options.folds, options.seed ?? 42);
  const predictions: Prediction[] = [];
  for (let fold = 0; fold < (options.runFolds ?? options.folds); fold += 1) {
    const training = examples.filter((_, i) => folds[i] !== fold);
    const nlu = await trainNlu(training, options.concepts);
    const near = new NearCopyIndex(training.map((e) => normalizeText(e.text)));
    for (const example of examples.filter((_, i) => folds[i] === fold)) {
      const result = nlu.understand(example.text, example.language);
      const nearCopy = near.hasNeighbour(normalizeText(example.text));
      predictions.push({ example, intent: result.intent, detected: result.detected.code, nearCopy });
    }
  }
  return summarize(predictions, sharedTexts(dedupe(all)));
}

/** Tallies predictions per language, per intent and for language identification. */
export function summarize(predictions: readonly Prediction[], shared: ReadonlySet<string>): EvaluationReport {
  const byLanguage = new Map<string, Tally>();
  const byIntent = new Map<string, Tally>();
  const languageId = { committed: 0, correct: 0, abstained: 0, shared: 0 };
  const withoutNearCopies = { correct: 0, total: 0 };
  let correct = 0;
  for (const { example, intent, detected, nearCopy } of predictions) {
    const ok = intent === example.intent;
    if (ok) correct += 1;
    if (!nearCopy) {
      withoutNearCopies.total += 1;
      if (ok) withoutNearCopies.correct += 1;
    }
    bump(byLanguage, example.language, ok);
    bump(byIntent, example.intent, ok);
    if (shared.has(normalizeText(example.text))) languageId.shared += 1;
    else if (detected === null) languageId.abstained += 1;
    else {
      languageId.committed += 1;
      if (detected === example.language) languageId.correct += 1;
    }
  }
  return {
    intent: { correct, total: predictions.length },
    byLanguage: byLanguage as Map<Language, Tally>,
    byIntent: byIntent as Map<IntentName, Tally>,
    languageId,
    withoutNearCopies,
    predictions: [...predictions],
  };
}

/** Why: a ratio that a report line and a test assertion both read the same way. */
export function ratio(tally: Tally): number {
  return tally.total === 0 ? 0 : tally.correct / tally.total;
}

/** Precision of committed language guesses (a null guess keeps the conversation language: no harm done). */
export function languageIdAccuracy(report: EvaluationReport): number {
  return ratio({ correct: report.languageId.correct, total: report.languageId.committed });
}

/** The most frequent (expected → predicted) intent mistakes, per language. */
export function topConfusions(report: EvaluationReport, limit: number): Array<{ pair: string; count: number }> {
  const counts = new Map<string, number>();
  for (const { example, intent } of report.predictions) {
    if (intent === example.intent) continue;
    const pair = `${example.language}: ${example.intent} → ${intent}`;
    counts.set(pair, (counts.get(pair) ?? 0) + 1);
  }
  return [...counts].map(([pair, count]) => ({ pair, count })).sort((a, b) => b.count - a.count).slice(0, limit);
}
