/**
 * A small naive-Bayes language model over the Latin-script training data: known words vote with their
 * real usage counts (so "ok", "merci" or "laptop", used in several languages, vote for none of them),
 * unknown words (typos, unseen words) vote with their character n-grams.
 */

const WORD_SMOOTHING = 0.3;
const NGRAM_SMOOTHING = 0.5;
const NGRAM_WEIGHT = 1.5;

/** Per-language feature counts as saved in the model file (totals and vocabulary follow from them). */
export type CountsData = Record<string, Record<string, number>>;

/** Per-language counts of one kind of feature. */
class Counts {
  readonly byLanguage = new Map<string, Map<string, number>>();
  readonly totals = new Map<string, number>();
  readonly vocabulary = new Set<string>();

  add(language: string, feature: string): void {
    const counts = this.byLanguage.get(language) ?? new Map<string, number>();
    this.byLanguage.set(language, counts);
    counts.set(feature, (counts.get(feature) ?? 0) + 1);
    this.totals.set(language, (this.totals.get(language) ?? 0) + 1);
    this.vocabulary.add(feature);
  }

  toData(): CountsData {
    return Object.fromEntries([...this.byLanguage].map(([language, counts]) => [language, Object.fromEntries(counts)]));
  }

  static fromData(data: CountsData): Counts {
    const counts = new Counts();
    for (const [language, features] of Object.entries(data)) {
      const map = new Map(Object.entries(features));
      counts.byLanguage.set(language, map);
      let total = 0;
      for (const [feature, count] of map) {
        total += count;
        counts.vocabulary.add(feature);
      }
      counts.totals.set(language, total);
    }
    return counts;
  }

  logProbability(language: string, feature: string, smoothing: number): number {
    const count = this.byLanguage.get(language)?.get(feature) ?? 0;
    const total = this.totals.get(language) ?? 0;
    return Math.log((count + smoothing) / (total + smoothing * this.vocabulary.size));
  }
}

/** Character n-grams (2..4) of one word, padded so word starts and ends count. */
export function charNgrams(word: string): string[] {
  const padded = ` ${word} `;
  const grams: string[] = [];
  for (let n = 2; n <= 4; n += 1) {
    for (let i = 0; i + n <= padded.length; i += 1) grams.push(padded.slice(i, i + n));
  }
  return grams;
}

/** One word as the model sees it: the accent-free form for the word vote, the accented one for n-grams. */
export interface WordForms {
  plain: string;
  accented: string;
}

/** The language model as saved beside the intent model, so a start-up loads counts instead of re-reading every phrase. */
export interface LatinLanguageModelData {
  words: CountsData;
  ngrams: CountsData;
}

/** Why: scores Latin-script text per supported language with evidence that abstains on shared words. */
export class LatinLanguageModel {
  private readonly languages = new Set<string>();

  constructor(
    private readonly words = new Counts(),
    private readonly ngrams = new Counts(),
  ) {
    for (const language of words.byLanguage.keys()) this.languages.add(language);
  }

  /** Why: what the saved model file keeps of the language model. */
  toData(): LatinLanguageModelData {
    return { words: this.words.toData(), ngrams: this.ngrams.toData() };
  }

  /** Why: reads the saved counts back; the scores equal those of the model that was saved. */
  static fromData(data: LatinLanguageModelData): LatinLanguageModel {
    return new LatinLanguageModel(Counts.fromData(data.words), Counts.fromData(data.ngrams));
  }

  /** Why: learns from one training utterance (its words already split in both forms). */
  add(language: string, words: readonly WordForms[]): void {
    this.languages.add(language);
    for (const word of words) {
      this.words.add(language, word.plain);
      for (const gram of charNgrams(word.accented)) this.ngrams.add(language, gram);
    }
  }

  /** Why: tells which words of a message the training data has never seen in any language. */
  isKnown(plainWord: string): boolean {
    return this.words.vocabulary.has(plainWord);
  }

  /** Why: log-score per language, higher is likelier; differences are log-odds. */
  score(words: readonly WordForms[]): Map<string, number> {
    const scores = new Map<string, number>();
    for (const language of this.languages) {
      let total = 0;
      for (const word of words) total += this.wordScore(language, word);
      scores.set(language, total);
    }
    return scores;
  }

  private wordScore(language: string, word: WordForms): number {
    if (this.isKnown(word.plain)) return this.words.logProbability(language, word.plain, WORD_SMOOTHING);
    const grams = charNgrams(word.accented);
    let sum = 0;
    for (const gram of grams) sum += this.ngrams.logProbability(language, gram, NGRAM_SMOOTHING);
    return (NGRAM_WEIGHT * sum) / grams.length;
  }
}
