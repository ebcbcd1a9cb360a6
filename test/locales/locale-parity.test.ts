/**
 * Every locale translates the Dutch source one to one (Flemish language rules): same files, same keys,
 * the plural forms its own language needs, the same placeholders, no empty texts.
 */
import fs from 'node:fs';
import path from 'node:path';
import { LANGUAGES, SOURCE_LANGUAGE } from '../../src/core/languages';
import {
  checkLocale,
  flattenKeys,
  formatProblem,
  placeholdersIn,
  pluralCategoriesOf,
  readLocaleFolder,
  splitPluralKey,
  type LocaleFiles,
} from './locale-check';

const LOCALES_DIR = path.join(__dirname, '..', '..', 'locales');
const EXPECTED_LANGUAGES = ['nl', 'fr', 'en', 'tr', 'ar', 'uk'];

describe('locale folders', () => {
  it('has exactly one folder per supported language', () => {
    const folders = fs
      .readdirSync(LOCALES_DIR, { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name)
      .sort();
    expect([...LANGUAGES].sort()).toEqual([...EXPECTED_LANGUAGES].sort());
    expect(folders).toEqual([...LANGUAGES].sort());
  });
});

describe('locale parity with Dutch', () => {
  const source = readLocaleFolder(LOCALES_DIR, SOURCE_LANGUAGE);

  it.each([...LANGUAGES])('%s has the Dutch files, keys, plural forms and placeholders', (language) => {
    const target = language === SOURCE_LANGUAGE ? source : readLocaleFolder(LOCALES_DIR, language);
    expect(checkLocale(source, target, language).map(formatProblem)).toEqual([]);
  });

  it.each([...LANGUAGES])('%s keeps the language names as endonyms, identical to Dutch', (language) => {
    const target = readLocaleFolder(LOCALES_DIR, language);
    expect({ [language]: (target.language as { name?: unknown } | undefined)?.name }).toEqual({
      [language]: (source.language as { name?: unknown }).name,
    });
  });

  it.each([...LANGUAGES])('%s labels itself as a translation and names the way back to Dutch', (language) => {
    const target = readLocaleFolder(LOCALES_DIR, language);
    const notice = (target.translation as { notice?: unknown } | undefined)?.notice;
    expect({ [language]: typeof notice === 'string' && notice.includes('Nederlands') }).toEqual({ [language]: true });
  });
});

describe('checkLocale (fixtures prove the check can fail)', () => {
  const nl: LocaleFiles = {
    menu: { prompt: 'Kies een nummer.', choice: { loan: 'Lenen' } },
    input: { max: 'Hoogstens {{max}}.', chars_one: '{{count}} teken', chars_other: '{{count}} tekens' },
  };
  const nlCategories = (): string[] => ['one', 'other'];
  const ukCategories = (): string[] => ['one', 'few', 'many', 'other'];
  const problemsOf = (target: LocaleFiles, categories = nlCategories): string[] =>
    checkLocale(nl, target, 'xx', categories).map(formatProblem);

  const good: LocaleFiles = {
    menu: { prompt: 'Choose a number.', choice: { loan: 'Borrow' } },
    input: { max: 'At most {{max}}.', chars_one: '{{count}} character', chars_other: '{{count}} characters' },
  };

  it('accepts a complete translation, and the source against itself', () => {
    expect(problemsOf(good)).toEqual([]);
    expect(problemsOf(nl)).toEqual([]);
  });

  it('reports a missing key with language, file and key', () => {
    const target = { ...good, menu: { prompt: 'Choose a number.', choice: {} } };
    expect(problemsOf(target)).toEqual(['[xx] menu.json → choice.loan: key is missing']);
  });

  it('reports an extra key', () => {
    const target = { ...good, menu: { prompt: 'Choose.', extra: 'More content', choice: { loan: 'Borrow' } } };
    expect(problemsOf(target)).toEqual(['[xx] menu.json → extra: extra key (not in Dutch)']);
  });

  it('reports a missing plural category', () => {
    const target = {
      ...good,
      input: { max: 'Не більше {{max}}.', chars_one: '{{count}} символ', chars_many: '{{count}} символів', chars_other: '{{count}} символу' },
    };
    expect(problemsOf(target, ukCategories)).toEqual([
      '[xx] input.json → chars: plural forms missing for xx: _few (i18next would show the raw key)',
    ]);
  });

  it('reports a plural category the language does not use', () => {
    const target = { ...good, input: { ...(good.input as object), chars_few: '{{count}} characters' } };
    expect(problemsOf(target)).toEqual([
      '[xx] input.json → chars: plural forms xx does not use: _few (needs _one, _other)',
    ]);
  });

  it('reports a plural key translated as a plain key', () => {
    const target = { ...good, input: { max: 'At most {{max}}.', chars: '{{count}} characters' } };
    expect(problemsOf(target)).toEqual([
      '[xx] input.json → chars: must be a plural key (with _one, _other, ...) like the Dutch one',
    ]);
  });

  it('reports placeholders missing, renamed or added', () => {
    const target = { ...good, input: { ...(good.input as object), max: 'At most {{maximum}}.' } };
    expect(problemsOf(target)).toEqual([
      '[xx] input.json → max: placeholder missing: {{max}} (Dutch uses {{max}})',
      '[xx] input.json → max: placeholder not in the Dutch text: {{maximum}}',
    ]);
  });

  it('reports empty texts and non-text values', () => {
    const target = { ...good, menu: { prompt: '  ', choice: { loan: 3 } } };
    expect(problemsOf(target)).toEqual([
      '[xx] menu.json → prompt: empty text',
      '[xx] menu.json → choice.loan: must be a text, found number',
    ]);
  });

  it('reports missing and extra files', () => {
    const target = { menu: good.menu, translation: { notice: 'A translation.' } };
    expect(problemsOf(target)).toEqual([
      '[xx] input.json: file is missing (the Dutch locale has it)',
      '[xx] translation.json: extra file (the Dutch locale does not have it)',
    ]);
  });

  it('uses the plural categories of Node’s ICU by default', () => {
    expect(pluralCategoriesOf('tr').sort()).toEqual(['one', 'other']);
    expect(pluralCategoriesOf('uk').sort()).toEqual(['few', 'many', 'one', 'other']);
    expect(pluralCategoriesOf('ar').sort()).toEqual(['few', 'many', 'one', 'other', 'two', 'zero']);
  });
});

describe('locale-check helpers', () => {
  it('flattens nested keys and folds plural suffixes', () => {
    expect([...flattenKeys({ a: { b: 'x', c_one: 'y' } }).keys()]).toEqual(['a.b', 'a.c_one']);
    expect(splitPluralKey('invalid.text_too_long_other')).toEqual({ base: 'invalid.text_too_long', category: 'other' });
    expect(splitPluralKey('choice.done')).toEqual({ base: 'choice.done' });
  });

  it('does not mistake a plain key ending in a plural word for a plural form', () => {
    const source: LocaleFiles = { donate: { ask_how_many: 'Hoeveel?' } };
    expect(checkLocale(source, { donate: { ask_how_many: 'How many?' } }, 'xx', () => ['one', 'other'])).toEqual([]);
    expect(checkLocale(source, source, 'ar').map(formatProblem)).toEqual([]);
  });

  it('reads placeholder names, also with formats and the unescaped prefix', () => {
    expect([...placeholdersIn('Bel {{digipunt_phone}}, {{- name}} of {{count, number}}.')]).toEqual([
      'digipunt_phone',
      'name',
      'count',
    ]);
  });
});
