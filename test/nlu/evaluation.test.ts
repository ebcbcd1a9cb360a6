import { LANGUAGES } from '../../src/core/languages';
import { ConceptLexicon } from '../../src/nlu/concept-lexicon';
import { loadCorpus, type Example } from '../../src/nlu/corpus';
import { defaultDataDir } from '../../src/nlu/data-dir';
import { evaluate, languageIdAccuracy, ratio, type EvaluationReport } from '../../src/nlu/evaluate';
import { stratifiedFolds } from '../../src/nlu/kfold';
import { normalizeText } from '../../src/nlu/normalize';

/**
 * Floors for one held-out fold of five (the full 5-fold run is `npm run nlu:eval`): the targets,
 * 95 % overall, 98 % language identification, and 90 % in every language (held at 93 %, under Arabic's
 * figure, to catch a regression there). On 27 November 2026, with the concept lexicon (nlu/concepts) and
 * 162,977 phrases after de-duplication, all five folds give 95.1 % overall, 93.5 % (ar) to 95.9 % per
 * language, language identification 98.7 %; this fold gives 95.2 %, 93.7 % (ar) and 98.7 %.
 */
const FLOORS = { overall: 0.95, perLanguage: 0.93, languageId: 0.98, languageIdCoverage: 0.9 };

describe('held-out evaluation (stratified k-fold on de-duplicated data)', () => {
  let report: EvaluationReport;

  beforeAll(async () => {
    const dataDir = defaultDataDir();
    report = await evaluate(loadCorpus(dataDir), { folds: 5, runFolds: 1, concepts: ConceptLexicon.load(dataDir) });
  }, 900_000);

  it('classifies held-out intents above the floors, overall and in every language', () => {
    expect(ratio(report.intent)).toBeGreaterThanOrEqual(FLOORS.overall);
    const below = LANGUAGES.filter((language) => ratio(report.byLanguage.get(language) ?? { correct: 0, total: 1 }) < FLOORS.perLanguage);
    expect(below).toEqual([]);
  });

  it('identifies the language of held-out texts: right when it commits, and it commits on most', () => {
    const { committed, abstained } = report.languageId;
    expect(languageIdAccuracy(report)).toBeGreaterThanOrEqual(FLOORS.languageId);
    expect(committed / (committed + abstained)).toBeGreaterThanOrEqual(FLOORS.languageIdCoverage);
  });
});

describe('stratifiedFolds', () => {
  const examples: Example[] = ['a', 'b', 'c', 'd', 'e', 'f', 'g'].flatMap((letter, i) => [
    { language: 'nl', intent: 'greeting', text: `hallo ${letter}` },
    { language: i % 2 === 0 ? 'en' : 'nl', intent: 'thanks', text: `thanks ${letter}` },
  ]);

  it('puts every example in exactly one fold and spreads each language/intent group evenly', () => {
    const folds = stratifiedFolds(examples, 3, 1);
    expect(folds).toHaveLength(examples.length);
    const groups = new Map<string, number[]>();
    examples.forEach((e, i) => groups.set(`${e.language}/${e.intent}`, [...(groups.get(`${e.language}/${e.intent}`) ?? []), folds[i] ?? -1]));
    for (const assigned of groups.values()) {
      const counts = [0, 1, 2].map((fold) => assigned.filter((f) => f === fold).length);
      expect(Math.max(...counts) - Math.min(...counts)).toBeLessThanOrEqual(1);
    }
  });

  it('is deterministic for a seed', () => {
    expect(stratifiedFolds(examples, 3, 5)).toEqual(stratifiedFolds(examples, 3, 5));
  });

  it('never has a normalised text on both sides once the data is de-duplicated', () => {
    const texts = examples.map((e) => normalizeText(e.text));
    expect(new Set(texts).size).toBe(texts.length);
  });
});
