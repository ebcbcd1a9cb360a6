/**
 * Plain language ("Heerlijk Helder"): every sentence of the Dutch source text has at most 13 words.
 * Sentences split on . ! ? and newlines; a {{placeholder}} counts as one word.
 */
import path from 'node:path';
import { SOURCE_LANGUAGE } from '../../src/core/languages';
import { flattenKeys, longSentences, readLocaleFolder, sentencesOf, wordCount } from './locale-check';

const MAX_WORDS = 13;
const LOCALES_DIR = path.join(__dirname, '..', '..', 'locales');

/**
 * Dutch keys (file.key) that may have a longer sentence, each with the reason. Keep this list short:
 * rewrite the text instead when you can. An entry that no longer needs it makes the test fail.
 */
const ALLOW_LONG: Readonly<Record<string, string>> = {};

function dutchTexts(): Array<[string, string]> {
  const texts: Array<[string, string]> = [];
  for (const [file, tree] of Object.entries(readLocaleFolder(LOCALES_DIR, SOURCE_LANGUAGE))) {
    for (const [key, value] of flattenKeys(tree, file)) {
      if (typeof value === 'string') texts.push([key, value]);
    }
  }
  return texts;
}

describe(`Dutch sentences have at most ${MAX_WORDS} words`, () => {
  const texts = dutchTexts();

  it('finds Dutch texts to check', () => {
    expect(texts.length).toBeGreaterThan(0);
  });

  it('has no long sentence outside the allow-list', () => {
    const tooLong = texts
      .filter(([key]) => !(key in ALLOW_LONG))
      .flatMap(([key, text]) => longSentences(text, MAX_WORDS).map((s) => `nl ${key}: ${wordCount(s)} words: "${s}"`));
    expect(tooLong).toEqual([]);
  });

  it('has an allow-list with a reason per key and only keys that still need it', () => {
    const byKey = new Map(texts);
    const stale = Object.entries(ALLOW_LONG)
      .filter(([key, reason]) => reason.trim() === '' || !byKey.has(key) || longSentences(byKey.get(key) ?? '', MAX_WORDS).length === 0)
      .map(([key]) => key);
    expect(stale).toEqual([]);
  });
});

describe('sentence splitting and word counting', () => {
  it('splits on . ! ? and newlines and counts a placeholder as one word', () => {
    expect(sentencesOf('Hallo! Welkom bij {{digipunt_name}}.\nTyp iets?')).toEqual(['Hallo', 'Welkom bij PLACEHOLDER', 'Typ iets']);
    expect(wordCount('Bel {{digipunt_phone}} of mail {{digipunt_email}}'.replace(/\{\{[^{}]*\}\}/g, 'X'))).toBe(5);
  });

  it('does not count a separator such as "·" as a word', () => {
    expect(wordCount('Andere taal · Language · Langue')).toBe(4);
  });

  it('reports a sentence over the limit', () => {
    const long = 'Een twee drie vier vijf zes zeven acht negen tien elf twaalf dertien veertien.';
    expect(longSentences(long, MAX_WORDS)).toHaveLength(1);
    expect(longSentences('Kort. Ook kort!', MAX_WORDS)).toEqual([]);
  });
});
