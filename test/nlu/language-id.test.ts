import { dedupe, loadCorpus } from '../../src/nlu/corpus';
import { defaultDataDir } from '../../src/nlu/data-dir';
import { LanguageIdentifier } from '../../src/nlu/language-id';

describe('LanguageIdentifier', () => {
  const identifier = LanguageIdentifier.train(dedupe(loadCorpus(defaultDataDir())));

  it.each(['ok', '1', 'laptop', 'hallo', 'merci', 'ok merci', '👍', '', 'stop'])('gives no language for the ambiguous "%s"', (text) => {
    expect(identifier.identify(text).code).toBeNull();
  });

  it.each([
    ['kunde gij mij helpen me nen laptop', 'nl'],
    ['ik wil een laptop lenen voor mijn zoon', 'nl'],
    ['je voudrais emprunter un ordinateur', 'fr'],
    ['my charger is broken what do i do', 'en'],
    ['laptopum bozuldu ne yapmaliyim', 'tr'],
    ['laptop ödünç alabilir miyim', 'tr'],
    ['teşekkürler', 'tr'],
    ['بغيت لابتوب', 'ar'],
    ['نعم', 'ar'],
    ['ابغى laptop', 'ar'],
    ['де моя заявка', 'uk'],
    ['так', 'uk'],
  ])('identifies "%s" as %s', (text, code) => {
    const guess = identifier.identify(text);
    expect(guess.code).toBe(code);
    expect(guess.score).toBeGreaterThanOrEqual(0.9);
  });

  it.each([
    ['ich möchte einen Laptop leihen bitte', 'de'],
    ['quiero pedir un portátil por favor', 'es'],
    ['я хочу взять ноутбук, объясните', 'ru'],
    ['می خواهم یک لپ تاپ بگیرم', 'fa'],
  ])('names the unsupported language of "%s" (%s)', (text, code) => {
    expect(identifier.identify(text).code).toBe(code);
  });

  it('identifies every phrase the same after a save and a load of the model file (a start-up loads it instead of training)', () => {
    const examples = dedupe(loadCorpus(defaultDataDir()));
    const loaded = LanguageIdentifier.fromData(JSON.parse(JSON.stringify(identifier.toData())) as ReturnType<LanguageIdentifier['toData']>);
    const sample = examples.filter((_, index) => index % 20 === 0).map((e) => e.text).concat(['kunde gij mij helpen', 'ich möchte einen Laptop', 'ok merci']);
    const differing = sample.filter((text) => JSON.stringify(loaded.identify(text)) !== JSON.stringify(identifier.identify(text)));
    expect(differing).toEqual([]);
  });
});
