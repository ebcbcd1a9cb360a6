/**
 * Pure checks for the locale files, shared by the locale tests. Dutch is the source text (Flemish
 * language rules): every other locale must have exactly the Dutch files and keys, the plural forms its
 * own language needs, and the same {{placeholders}}. Kept free of file access so fixtures can prove the
 * checks fail when they should.
 */
import fs from 'node:fs';
import path from 'node:path';

/** One locale as parsed from disk: file name (without .json) → parsed JSON. */
export type LocaleFiles = Record<string, unknown>;

/** One finding; `key` is the full key inside the file (for example "invalid.text_too_long"). */
export interface LocaleProblem {
  language: string;
  file: string;
  key: string;
  message: string;
}

/** The i18next plural suffixes (v21+ JSON format), in i18next's order. */
export const PLURAL_CATEGORIES = ['zero', 'one', 'two', 'few', 'many', 'other'] as const;

const PLURAL_SUFFIX = new RegExp(`^(.+)_(${PLURAL_CATEGORIES.join('|')})$`);

/** The categories Intl.PluralRules (and so i18next) uses for a language; i18next asks for exactly these. */
export function pluralCategoriesOf(language: string): string[] {
  return [...new Intl.PluralRules(language).resolvedOptions().pluralCategories];
}

/** Formats a problem so a failing test names language, file and key. */
export function formatProblem(problem: LocaleProblem): string {
  const where = problem.key ? `${problem.file}.json → ${problem.key}` : `${problem.file}.json`;
  return `[${problem.language}] ${where}: ${problem.message}`;
}

/** Flattens nested JSON into dotted keys; leaves that are not strings are kept so they can be reported. */
export function flattenKeys(tree: unknown, prefix = ''): Map<string, unknown> {
  const out = new Map<string, unknown>();
  if (tree === null || typeof tree !== 'object' || Array.isArray(tree)) {
    out.set(prefix, tree);
    return out;
  }
  for (const [name, value] of Object.entries(tree as Record<string, unknown>)) {
    const key = prefix ? `${prefix}.${name}` : name;
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
      for (const [k, v] of flattenKeys(value, key)) out.set(k, v);
    } else {
      out.set(key, value);
    }
  }
  return out;
}

/**
 * Splits "a.count_one" into base "a.count" and category "one"; keys without a plural suffix have none.
 * Only a candidate: checkLocale treats it as a plural form when "<base>_other" exists.
 */
export function splitPluralKey(key: string): { base: string; category?: string } {
  const match = PLURAL_SUFFIX.exec(key);
  return match ? { base: match[1] as string, category: match[2] as string } : { base: key };
}

/** The interpolation names in a text: "{{count}}", "{{- name}}" and "{{count, number}}" all count. */
export function placeholdersIn(text: string): Set<string> {
  const names = new Set<string>();
  for (const match of text.matchAll(/\{\{([^{}]*)\}\}/g)) {
    const name = (match[1] ?? '').trim().replace(/^-\s*/, '').split(',')[0]?.trim() ?? '';
    names.add(name);
  }
  return names;
}

/** A key after folding plural suffixes: either a plain text or a set of plural forms. */
interface FoldedKey {
  plural: boolean;
  forms: Map<string, unknown>;
}

function foldPlurals(flat: Map<string, unknown>, pluralBases: ReadonlySet<string>): Map<string, FoldedKey> {
  const folded = new Map<string, FoldedKey>();
  for (const [key, value] of flat) {
    const split = splitPluralKey(key);
    const isForm = split.category !== undefined && pluralBases.has(split.base);
    const base = isForm ? split.base : key;
    const entry = folded.get(base) ?? { plural: false, forms: new Map<string, unknown>() };
    if (isForm) {
      entry.plural = true;
      entry.forms.set(split.category as string, value);
    } else {
      entry.forms.set('', value);
    }
    folded.set(base, entry);
  }
  return folded;
}

/**
 * Keys with a plural suffix are plural forms only when "<base>_other" exists (every language has the
 * "other" form), so a plain key such as "ask_how_many" is not mistaken for a plural of "ask_how".
 */
function pluralBasesOf(...flats: Array<Map<string, unknown>>): Set<string> {
  const bases = new Set<string>();
  for (const flat of flats) {
    for (const key of flat.keys()) {
      const { base, category } = splitPluralKey(key);
      if (category === 'other') bases.add(base);
    }
  }
  return bases;
}

function placeholderUnion(forms: Map<string, unknown>): Set<string> {
  const all = new Set<string>();
  for (const value of forms.values()) {
    if (typeof value === 'string') for (const name of placeholdersIn(value)) all.add(name);
  }
  return all;
}

function keyOfForm(base: string, category: string): string {
  return category ? `${base}_${category}` : base;
}

function list(values: Iterable<string>): string {
  const sorted = [...values].sort();
  return sorted.length ? sorted.map((v) => `{{${v}}}`).join(', ') : '(none)';
}

/**
 * Compares one locale with the source locale. Checks: same files; same keys after folding plural
 * suffixes; each plural key has exactly the categories `categoriesOf(language)` returns; the same
 * placeholders as the source (for plural keys: over all forms together, because a language may spell
 * out "one" or "two" instead of writing the number); every text is a non-empty string.
 * Pass the source as both arguments to check the source locale itself.
 */
export function checkLocale(
  source: LocaleFiles,
  target: LocaleFiles,
  language: string,
  categoriesOf: (language: string) => string[] = pluralCategoriesOf,
): LocaleProblem[] {
  const problems: LocaleProblem[] = [];
  const report = (file: string, key: string, message: string): void => {
    problems.push({ language, file, key, message });
  };

  for (const file of Object.keys(source).sort()) {
    if (!(file in target)) report(file, '', 'file is missing (the Dutch locale has it)');
  }
  for (const file of Object.keys(target).sort()) {
    if (!(file in source)) report(file, '', 'extra file (the Dutch locale does not have it)');
  }

  const needed = new Set(categoriesOf(language));
  for (const file of Object.keys(source).sort()) {
    if (!(file in target)) continue;
    const sourceFlat = flattenKeys(source[file]);
    const targetFlat = flattenKeys(target[file]);
    const pluralBases = pluralBasesOf(sourceFlat, targetFlat);
    const sourceKeys = foldPlurals(sourceFlat, pluralBases);
    const targetKeys = foldPlurals(targetFlat, pluralBases);

    for (const [base, sourceKey] of sourceKeys) {
      const targetKey = targetKeys.get(base);
      if (!targetKey) {
        report(file, base, sourceKey.plural ? 'plural key is missing (all forms)' : 'key is missing');
        continue;
      }
      if (sourceKey.plural !== targetKey.plural) {
        report(
          file,
          base,
          sourceKey.plural
            ? 'must be a plural key (with _one, _other, ...) like the Dutch one'
            : 'must be a plain key: the Dutch text has no plural forms',
        );
      }
      const expected = placeholderUnion(sourceKey.forms);
      const actual = placeholderUnion(targetKey.forms);
      const missing = [...expected].filter((name) => !actual.has(name));
      const extra = [...actual].filter((name) => !expected.has(name));
      if (missing.length) report(file, base, `placeholder missing: ${list(missing)} (Dutch uses ${list(expected)})`);
      if (extra.length) report(file, base, `placeholder not in the Dutch text: ${list(extra)}`);
    }
    for (const [base, targetKey] of targetKeys) {
      if (!sourceKeys.has(base)) report(file, base, targetKey.plural ? 'extra plural key (not in Dutch)' : 'extra key (not in Dutch)');
    }

    for (const [base, targetKey] of targetKeys) {
      if (targetKey.plural) {
        const present = new Set([...targetKey.forms.keys()].filter((category) => category !== ''));
        const missing = [...needed].filter((category) => !present.has(category));
        const extra = [...present].filter((category) => !needed.has(category));
        if (missing.length) {
          report(file, base, `plural forms missing for ${language}: ${missing.map((c) => `_${c}`).join(', ')} (i18next would show the raw key)`);
        }
        if (extra.length) {
          report(file, base, `plural forms ${language} does not use: ${extra.map((c) => `_${c}`).join(', ')} (needs ${[...needed].map((c) => `_${c}`).join(', ')})`);
        }
        if (targetKey.forms.has('')) report(file, base, 'both a plain key and plural forms');
      }
      for (const [category, value] of targetKey.forms) {
        const key = keyOfForm(base, category);
        if (typeof value !== 'string') report(file, key, `must be a text, found ${Array.isArray(value) ? 'array' : typeof value}`);
        else if (value.trim() === '') report(file, key, 'empty text');
      }
    }
  }
  return problems;
}

/** Splits a text into sentences on . ! ? and newlines, after turning each {{placeholder}} into one word. */
export function sentencesOf(text: string): string[] {
  return text
    .replace(/\{\{[^{}]*\}\}/g, 'PLACEHOLDER')
    .split(/[.!?\n]+/)
    .map((sentence) => sentence.trim())
    .filter((sentence) => sentence !== '');
}

/** Counts whitespace-separated tokens; a token without any letter or digit (such as "·" or "-") is not a word. */
export function wordCount(sentence: string): number {
  return sentence.split(/\s+/).filter((token) => /[\p{L}\p{N}]/u.test(token)).length;
}

/** The sentences of a text that have more than `max` words. */
export function longSentences(text: string, max: number): string[] {
  return sentencesOf(text).filter((sentence) => wordCount(sentence) > max);
}

/** Reads locales/<language>/*.json; a file that is not valid JSON throws with its path in the message. */
export function readLocaleFolder(localesDir: string, language: string): LocaleFiles {
  const dir = path.join(localesDir, language);
  const files: LocaleFiles = {};
  for (const name of fs.readdirSync(dir).filter((f) => f.endsWith('.json')).sort()) {
    const file = path.join(dir, name);
    try {
      files[path.basename(name, '.json')] = JSON.parse(fs.readFileSync(file, 'utf8')) as unknown;
    } catch (error) {
      throw new Error(`${language}/${name} is not valid JSON: ${(error as Error).message}`);
    }
  }
  return files;
}
