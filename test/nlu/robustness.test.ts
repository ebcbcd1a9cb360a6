import type { IntentName } from '../../src/core/intents';
import type { Language } from '../../src/core/languages';
import type { Nlu } from '../../src/core/nlu';
import { loadCorpus } from '../../src/nlu/corpus';
import { defaultDataDir } from '../../src/nlu/data-dir';
import { normalizeText } from '../../src/nlu/normalize';
import { sharedNlu } from './shared-nlu';

/** Messages as residents type them: typos, capitals, no accents, Flemish, emoji, mixed languages. None is in nlu/*.json. */
const CASES: ReadonlyArray<[Language, string, IntentName]> = [
  ['nl', 'KUNDE MIJ EFFE HELPEN AUB', 'help'],
  ['nl', 'amai mijne lader is kwijt 😭', 'loan_problem'],
  ['nl', 'ik wil ne laptop lenen pleasee', 'loan_apply'],
  ['nl', 'wanneer zijde gij open zaterdag', 'faq_hours'],
  ['nl', 'wij hebben 35 oude laptops van ons kantoor, kunde die komen halen', 'donate_schedule'],
  ['nl', 'ik wil me ne medewerker spreken', 'human_handoff'],
  ['nl', 'allee salukes he', 'goodbye'],
  ['fr', 'bjr je voudrai emprunté un ordi svp', 'loan_apply'],
  ['fr', 'MON CHARGEUR EST PERDU', 'loan_problem'],
  ['fr', 'ou se trouve la kringwinkel', 'faq_location'],
  ['fr', 'merciii beaucoup 🙏', 'thanks'],
  ['en', 'hiii can u help me plsss', 'help'],
  ['en', 'wat are ur opening hours', 'faq_hours'],
  ['en', 'DELETE ALL MY DATA NOW', 'privacy_erase'],
  ['en', 'i want to talk to a real human pls', 'human_handoff'],
  ['tr', 'laptopum bozuldu ne yapcam', 'loan_problem'],
  ['tr', 'OGLUM ICIN LAPTOP BASVURUSU YAPCAM', 'loan_apply'],
  ['tr', 'cok tesekkur ederim abla', 'thanks'],
  ['tr', 'persembe kacta kapaniyorsunuz', 'faq_hours'],
  ['ar', 'السلام عليكم خويا بغيت نسلف لابتوب عافاك', 'loan_apply'],
  ['ar', 'شكرااا بزاف اختي على المساعدة', 'thanks'],
  ['ar', 'فين كاين العنوان ديالكم', 'faq_location'],
  ['ar', 'احذفوا كل المعلومات ديالي', 'privacy_erase'],
  ['uk', 'ДОБРИЙ ДЕНЬ ВСІМ 👋', 'greeting'],
  ['uk', 'мій ноут зламався що робити', 'loan_problem'],
  ['uk', 'де ви знаходитесь? адреса', 'faq_location'],
  ['uk', 'дякуюююю пані за допомогу 🙏', 'thanks'],
];

describe('NLU robustness on unseen resident-style messages', () => {
  let nlu: Nlu;

  beforeAll(async () => {
    nlu = await sharedNlu();
  });

  it('uses only messages that are not in the training data', () => {
    const trained = new Set(loadCorpus(defaultDataDir()).map((e) => normalizeText(e.text)));
    expect(CASES.filter(([, text]) => trained.has(normalizeText(text)))).toEqual([]);
  });

  it.each(CASES)('%s: "%s" → %s', (language, text, intent) => {
    const result = nlu.understand(text, language);
    expect(result.intent).toBe(intent);
    expect(result.language).toBe(language);
  });

  it('classifies in the conversation language when detection is not clear, and in the detected one when it is', () => {
    expect(nlu.understand('ok', 'tr').language).toBe('tr');
    expect(nlu.understand('je voudrais un ordinateur portable svp', 'nl').language).toBe('fr');
  });
});
