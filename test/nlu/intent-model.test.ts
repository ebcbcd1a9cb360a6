import { dedupe, loadCorpus } from '../../src/nlu/corpus';
import { defaultDataDir } from '../../src/nlu/data-dir';
import { NlpJsIntentModel } from '../../src/nlu/intent-model';

/** nlp.process answers 'None' below its default threshold of 0.5. */
const NLPJS_THRESHOLD = 0.5;

describe('NlpJsIntentModel', () => {
  let model: NlpJsIntentModel;

  // The cases are Dutch and English: training on those two files alone takes a third of the time of all six.
  beforeAll(async () => {
    model = await NlpJsIntentModel.train(dedupe(loadCorpus(defaultDataDir())).filter((e) => e.language === 'nl' || e.language === 'en'));
  }, 300_000);

  it.each([
    ['nl', 'kunde mij helpen'],
    ['nl', 'amai mijne laptop is kapot gevallen'],
    ['nl', 'wanneer zijde gij open'],
    ['nl', 'iets heel anders over voetbal'],
    ['en', 'can you pick up 40 laptops at our office'],
    ['en', 'delete all my stuff'],
    ['en', 'zzz qqq'],
  ] as const)('the synchronous path agrees with nlp.process (%s: %s)', async (language, text) => {
    const [top] = model.classify(language, text);
    const expected = top === undefined || top.score < NLPJS_THRESHOLD ? 'none' : top.intent;
    expect(await model.referenceIntent(language, text)).toBe(expected);
  });

  it('survives an export / import round trip', async () => {
    const copy = await NlpJsIntentModel.fromExport(model.export(), model.languages);
    expect(copy.classify('nl', 'waar is mijn aanvraag')).toEqual(model.classify('nl', 'waar is mijn aanvraag'));
  });
});
