import { Language as NlpjsLanguageGuesser } from '@nlpjs/language';
import type { LanguageGuess } from '../core/nlu';
import type { Example } from './corpus';
import { LatinLanguageModel, type LatinLanguageModelData, type WordForms } from './language-model';
import { normalizeForLanguageId, normalizeText } from './normalize';
import { arabicScriptLanguage, cyrillicLanguage, dominantScript, hasTurkishLetters } from './script';

/** Log-odds the best language needs over the runner-up before we call it (≈ 95 % against 5 %). */
const MIN_MARGIN = 3;
/** Share of never-seen words from which we ask nlp.js whether this is a language we do not speak. */
const FOREIGN_OOV_SHARE = 0.5;
/** How far nlp.js's foreign top guess must lead our best language (its scores are 0..1, top = 1). */
const FOREIGN_MARGIN = 0.1;
/** Languages residents of Aalst write that we do not support; nlp.js picks among these and ours. */
const FOREIGN_CANDIDATES = ['de', 'es', 'it', 'pt', 'pl', 'ro', 'sq', 'so', 'hu', 'cs', 'sk', 'hr', 'sl', 'lt'];
const NO_EVIDENCE: LanguageGuess = { code: null, score: 0 };

/** The identifier as saved in the model file: the Latin-script languages and their counts. */
export interface LanguageIdentifierData {
  latin: string[];
  model: LatinLanguageModelData;
}

/** Splits a message into words in both forms; digits are no language evidence. */
function wordsOf(text: string): WordForms[] {
  const plain = normalizeText(text).split(' ');
  const accented = normalizeForLanguageId(text).split(' ');
  if (plain.length !== accented.length) return plain.filter(isWord).map((w) => ({ plain: w, accented: w }));
  return plain.map((w, i) => ({ plain: w, accented: accented[i] ?? w })).filter((w) => isWord(w.plain));
}

function isWord(token: string): boolean {
  return /\p{L}/u.test(token);
}

/** Languages whose training data is mostly Latin script; a stray "ok" in ar.json makes Arabic no candidate. */
function mostlyLatin(examples: readonly Example[]): string[] {
  const tally = new Map<string, { latin: number; all: number }>();
  for (const { language, text } of examples) {
    const entry = tally.get(language) ?? { latin: 0, all: 0 };
    entry.all += 1;
    if (dominantScript(text).script === 'latin') entry.latin += 1;
    tally.set(language, entry);
  }
  return [...tally].filter(([, { latin, all }]) => latin * 2 > all).map(([language]) => language);
}

/** A script is clear evidence; a mixed message ("ابغى laptop") only slightly less. */
function scriptScore(share: number): number {
  return share >= 0.5 ? 1 : 0.9;
}

/** Softmax of the best language against all, and its log-odds margin over the runner-up. */
function best(scores: Map<string, number>): { code: string; posterior: number; margin: number } | null {
  const ranked = [...scores].sort((a, b) => b[1] - a[1]);
  const top = ranked[0];
  if (top === undefined) return null;
  const second = ranked[1]?.[1] ?? -Infinity;
  const denominator = ranked.reduce((sum, [, s]) => sum + Math.exp(s - top[1]), 0);
  return { code: top[0], posterior: 1 / denominator, margin: top[1] - second };
}

/** Why: the core switches language only on clear evidence, so this abstains (code null) on thin evidence. */
export class LanguageIdentifier {
  private readonly guesser = new NlpjsLanguageGuesser();

  private constructor(
    private readonly model: LatinLanguageModel,
    private readonly supportedLatin: readonly string[],
  ) {}

  /** Why: learns the Latin-script languages from the same utterances as the intent model. */
  static train(examples: readonly Example[]): LanguageIdentifier {
    const latinLanguages = mostlyLatin(examples);
    const model = new LatinLanguageModel();
    for (const example of examples) {
      if (!latinLanguages.includes(example.language)) continue;
      if (dominantScript(example.text).script === 'latin') model.add(example.language, wordsOf(example.text));
    }
    return new LanguageIdentifier(model, latinLanguages);
  }

  /** Why: training re-reads every phrase (half of a start-up's CPU); the model file keeps the result instead. */
  toData(): LanguageIdentifierData {
    return { latin: [...this.supportedLatin], model: this.model.toData() };
  }

  /** Why: reads a saved identifier back; it identifies exactly as the one that was saved. */
  static fromData(data: LanguageIdentifierData): LanguageIdentifier {
    return new LanguageIdentifier(LatinLanguageModel.fromData(data.model), data.latin);
  }

  /** Why: the port's language guess: script first, then the word/n-gram model, then nlp.js for foreign text. */
  identify(text: string): LanguageGuess {
    const { script, share } = dominantScript(text);
    if (script === 'arabic') return { code: arabicScriptLanguage(text), score: scriptScore(share) };
    if (script === 'cyrillic') return { code: cyrillicLanguage(text.toLowerCase()), score: scriptScore(share) };
    if (script === 'other') return this.foreignScript(text);
    if (script === 'none') return NO_EVIDENCE;
    return this.latin(text);
  }

  private latin(text: string): LanguageGuess {
    const words = wordsOf(text);
    const unknownShare = words.filter((w) => !this.model.isKnown(w.plain)).length / Math.max(words.length, 1);
    if (words.length >= 2 && unknownShare >= FOREIGN_OOV_SHARE) {
      const foreign = this.foreignLatin(text);
      if (foreign !== null) return { code: foreign, score: unknownShare };
    }
    const singleWordEvidence = words.length === 1 && hasTurkishLetters(text.toLowerCase());
    if (words.length < 2 && !singleWordEvidence) return NO_EVIDENCE;
    const winner = best(this.model.score(words));
    if (winner === null || winner.margin < MIN_MARGIN) return NO_EVIDENCE;
    return { code: winner.code, score: winner.posterior };
  }

  /** nlp.js trigram guess among our Latin languages and common foreign ones; only a clear foreign win counts. */
  private foreignLatin(text: string): string | null {
    const guesses = this.guesser.guess(text, [...this.supportedLatin, ...FOREIGN_CANDIDATES], 8);
    const top = guesses[0];
    if (top === undefined || this.supportedLatin.includes(top.alpha2)) return null;
    const bestOurs = guesses.find((g) => this.supportedLatin.includes(g.alpha2))?.score ?? 0;
    return top.score - bestOurs >= FOREIGN_MARGIN ? top.alpha2 : null;
  }

  /** Greek, Hebrew, Devanagari...: nlp.js names the script's language; we never speak it. */
  private foreignScript(text: string): LanguageGuess {
    const top = this.guesser.guess(text, null, 1)[0];
    return top === undefined ? NO_EVIDENCE : { code: top.alpha2, score: top.score };
  }
}
