import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ConceptLexicon } from '../../src/nlu/concept-lexicon';
import { defaultDataDir } from '../../src/nlu/data-dir';
import { NgramClassifier } from '../../src/nlu/ngram-classifier';
import { normalizeText } from '../../src/nlu/normalize';
import { LANGUAGES } from '../../src/core/languages';

/** Writes a data folder with concepts/<lng>.json files and returns its path. */
function lexiconDir(files: Record<string, unknown>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'concepts-'));
  fs.mkdirSync(path.join(dir, 'concepts'));
  for (const [language, content] of Object.entries(files)) {
    fs.writeFileSync(path.join(dir, 'concepts', `${language}.json`), typeof content === 'string' ? content : JSON.stringify(content));
  }
  return dir;
}

const concepts = (lexicon: ConceptLexicon, language: string, text: string): string[] =>
  lexicon.features(normalizeText(text).split(' '), language).filter((f) => f.startsWith('c:')).sort();

describe('ConceptLexicon', () => {
  const lexicon = ConceptLexicon.load(lexiconDir({
    nl: { YES: ['ja', 'ewa', 'is goed'], LAPTOP: ['laptop*', 'computer'], NO: ['nee'] },
    ar: { LAPTOP: ['لابتوب', 'حاسوب*'] },
  }));

  it.each([
    ['nl', 'EWA 👍', ['c:YES']],
    ['nl', 'ja is goed', ['c:YES']],
    ['nl', 'mijn laptopke', ['c:LAPTOP']],
    ['nl', 'nee, geen computer', ['c:LAPTOP', 'c:NO']],
    ['ar', 'واللابتوب', ['c:LAPTOP']],
    ['ar', 'بالحاسوبين', ['c:LAPTOP']],
    ['nl', 'de fiets', []],
    ['fr', 'ja laptop', []],
  ] as const)('%s "%s" → %j', (language, text, expected) => {
    expect(concepts(lexicon, language, text)).toEqual(expected);
  });

  it('adds adjacent and co-occurring concept pairs', () => {
    const features = lexicon.features(['nee', 'geen', 'computer'], 'nl');
    expect(features).toEqual(expect.arrayContaining(['cp:LAPTOP_NO']));
    expect(features).not.toContain('cb:NO_LAPTOP');
    expect(lexicon.features(['nee', 'computer'], 'nl')).toContain('cb:NO_LAPTOP');
  });

  it('refuses a malformed file and names it', () => {
    expect(() => ConceptLexicon.load(lexiconDir({ nl: { yes: ['ja'] } }))).toThrow(/nl\.json: concept "yes" must be written in capitals/);
    expect(() => ConceptLexicon.load(lexiconDir({ nl: { YES: 'ja' } }))).toThrow(/nl\.json: "YES" must be a list of strings/);
    expect(() => ConceptLexicon.load(lexiconDir({ nl: '{ not json' }))).toThrow();
  });

  it('teaches the classifier a word no training phrase has, and carries it across languages', () => {
    const words = ConceptLexicon.load(lexiconDir({
      nl: { YES: ['ja', 'ewa'], NO: ['nee', 'neeje'] },
      tr: { YES: ['evet', 'tamam'], NO: ['hayir', 'yok'] },
    }));
    const phrases = [
      { text: 'ja', label: 'affirm', group: 'nl' }, { text: 'nee', label: 'deny', group: 'nl' },
      { text: 'evet', label: 'affirm', group: 'tr' }, { text: 'hayir', label: 'deny', group: 'tr' },
    ];
    const withConcepts = NgramClassifier.train(phrases, (w, group) => words.features(w, group));
    const withoutConcepts = NgramClassifier.train(phrases);
    expect(withConcepts.classify('ewa', 'nl')[0]?.label).toBe('affirm');
    expect(withConcepts.classify('tamam', 'tr')[0]?.label).toBe('affirm');
    expect(withConcepts.classify('neeje', 'nl')[0]?.label).toBe('deny');
    expect(withoutConcepts.classify('ewa', 'nl')[0]?.score).toBeLessThan(0.6);
  });

  it('the project lexicon has the same concepts in every language', () => {
    const names = LANGUAGES.map((language) => {
      const file = path.join(defaultDataDir(), 'concepts', `${language}.json`);
      return Object.keys(JSON.parse(fs.readFileSync(file, 'utf8')) as object).sort().join(' ');
    });
    expect(new Set(names).size).toBe(1);
    expect(ConceptLexicon.load(defaultDataDir()).source).not.toBe('');
  });
});
