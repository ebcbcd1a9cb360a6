/**
 * Word meaning the training phrases cannot teach: nlu/concepts/<lng>.json lists, per language, the words
 * and short expressions residents use for one concept ("ewa", "jep", "tamam", "أكيد" → YES; "oplader",
 * "chargeur", "şarj aleti" → PARTS). The classifier sees the concept next to the words, so a word that is
 * rare in the phrases still counts, and what one language's phrases teach about a concept helps the others.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LANGUAGES, type Language } from '../core/languages';
import { normalizeText } from './normalize';

/** Arabic writes و ف ب ل ك and the article ال onto the next word; the lexicon lists bare words. */
const ARABIC_PREFIXES = ['وال', 'بال', 'فال', 'كال', 'لل', 'ال', 'و', 'ف', 'ب', 'ل', 'ك'];
/** Stems ("ноутбук*") are indexed by this many first letters; a shorter one counts as a whole word. */
const MIN_STEM_LETTERS = 3;

interface LanguageLexicon {
  /** Normalised word or expression → its concepts. */
  exact: Map<string, Set<string>>;
  /** First letters of a stem → the stems starting so, with their concept. */
  stems: Map<string, Array<[stem: string, concept: string]>>;
  longestExpression: number;
}

/** Why: turns a message's words into the concepts they express, per language, for the intent classifier. */
export class ConceptLexicon {
  private constructor(
    private readonly byLanguage: ReadonlyMap<Language, LanguageLexicon>,
    /** The files' contents, so a changed lexicon retrains the saved model. */
    readonly source: string,
  ) {}

  /** Why: reads nlu/concepts/<lng>.json for every language that has one (none in test fixtures); a malformed file stops start-up. */
  static load(dataDir: string): ConceptLexicon {
    const byLanguage = new Map<Language, LanguageLexicon>();
    const sources: string[] = [];
    for (const language of LANGUAGES) {
      const file = join(dataDir, 'concepts', `${language}.json`);
      if (!existsSync(file)) continue;
      const text = readFileSync(file, 'utf8');
      byLanguage.set(language, buildLexicon(parseConceptFile(JSON.parse(text) as unknown, file)));
      sources.push(`${language}\n${text}`);
    }
    return new ConceptLexicon(byLanguage, sources.join('\n'));
  }

  /** Why: the concept features of normalised words: each concept, adjacent concept pairs, and co-occurring pairs. */
  features(words: readonly string[], language: string | undefined): string[] {
    const lexicon = language === undefined ? undefined : this.byLanguage.get(language as Language);
    if (lexicon === undefined) return [];
    const perWord = words.map((_, i) => conceptsAt(lexicon, words, i, language === 'ar'));
    const features = new Set<string>();
    perWord.forEach((concepts, i) => {
      for (const concept of concepts) {
        features.add(`c:${concept}`);
        for (const next of perWord[i + 1] ?? []) features.add(`cb:${concept}_${next}`);
      }
    });
    const all = [...new Set(perWord.flatMap((concepts) => [...concepts]))].sort();
    all.forEach((a, i) => all.slice(i + 1).forEach((b) => features.add(`cp:${a}_${b}`)));
    return [...features];
  }
}

/** A typo in a concept file must name the file and the concept, not fail later in training. */
function parseConceptFile(json: unknown, source: string): Map<string, string[]> {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) throw new Error(`${source}: expected an object of concept → words`);
  const concepts = new Map<string, string[]>();
  for (const [concept, words] of Object.entries(json)) {
    if (!/^[A-Z_]+$/.test(concept)) throw new Error(`${source}: concept "${concept}" must be written in capitals`);
    if (!Array.isArray(words) || !words.every((w) => typeof w === 'string')) throw new Error(`${source}: "${concept}" must be a list of strings`);
    concepts.set(concept, words as string[]);
  }
  return concepts;
}

function buildLexicon(concepts: ReadonlyMap<string, readonly string[]>): LanguageLexicon {
  const lexicon: LanguageLexicon = { exact: new Map(), stems: new Map(), longestExpression: 1 };
  for (const [concept, entries] of concepts) {
    for (const entry of entries) {
      const isStem = entry.trim().endsWith('*');
      const normalized = normalizeText(entry.replace(/\*\s*$/, ''));
      if (normalized === '') continue;
      if (isStem && !normalized.includes(' ') && [...normalized].length >= MIN_STEM_LETTERS) {
        const key = [...normalized].slice(0, MIN_STEM_LETTERS).join('');
        lexicon.stems.set(key, [...(lexicon.stems.get(key) ?? []), [normalized, concept]]);
        continue;
      }
      lexicon.exact.set(normalized, (lexicon.exact.get(normalized) ?? new Set()).add(concept));
      lexicon.longestExpression = Math.max(lexicon.longestExpression, normalized.split(' ').length);
    }
  }
  return lexicon;
}

/** The concepts of the word at `i`: expressions starting there, the word itself, its stem, its Arabic bare form. */
function conceptsAt(lexicon: LanguageLexicon, words: readonly string[], i: number, arabic: boolean): Set<string> {
  const found = new Set<string>();
  for (let n = Math.min(lexicon.longestExpression, words.length - i); n >= 2; n -= 1) {
    lexicon.exact.get(words.slice(i, i + n).join(' '))?.forEach((c) => found.add(c));
  }
  const word = words[i] ?? '';
  const forms = arabic ? [word, ...ARABIC_PREFIXES.filter((p) => word.startsWith(p) && word.length - p.length >= 2).map((p) => word.slice(p.length))] : [word];
  for (const form of forms) {
    lexicon.exact.get(form)?.forEach((c) => found.add(c));
    for (const [stem, concept] of lexicon.stems.get([...form].slice(0, MIN_STEM_LETTERS).join('')) ?? []) {
      if (form.startsWith(stem)) found.add(concept);
    }
  }
  return found;
}
