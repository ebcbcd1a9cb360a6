import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../src/config';
import { registerCoreActions } from '../../src/core/actions/language-actions';
import { ActionRegistry } from '../../src/core/dialog/actions';
import { DialogEngine, type DialogSession } from '../../src/core/dialog/engine';
import { loadFlowRegistry } from '../../src/core/dialog/flow-registry';
import { MessageRenderer } from '../../src/core/dialog/renderer';
import { I18nextTranslator, readLocaleResources } from '../../src/core/i18n/translator';
import { newState } from '../../src/core/state';

const config = loadConfig({});
const translator = new I18nextTranslator(readLocaleResources(config.paths.locales));
const renderer = new MessageRenderer(translator, () => ({}));

/** The real dialogs plus one test flow whose question's choices come from a provider. */
const SLOT_FLOW = `
id: pick_slot
version: 1
start: slot
steps:
  slot:
    ask: choice
    prompt: faq.prompt
    choicesFrom: free_slots
    whenEmpty: none_left
    next: chosen
  chosen:
    say: [common.thanks_reply]
    next: { end: true }
  none_left:
    say: [common.not_understood]
    next: { end: true }
`;

const ROUTES = `
version: 1
welcome: pick_slot
menu: pick_slot
offerPerson: { flow: pick_slot }
thresholds: { topic: 0.6, interrupt: 0.75, interruptFreeText: 0.9, languageSwitch: 0.9, languageAsk: 0.7 }
topics: {}
interrupts: {}
`;

/** A dialogs folder with just the test flow, so the engine is tested apart from the features' flows. */
function dialogsDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'engine-'));
  fs.writeFileSync(path.join(dir, 'routes.yaml'), ROUTES);
  fs.writeFileSync(path.join(dir, 'pick_slot.yaml'), SLOT_FLOW);
  return dir;
}

function buildEngine(slots: () => Array<{ id: string; label: string }>): DialogEngine {
  const dir = dialogsDir();
  const actions = registerCoreActions(new ActionRegistry()).registerChoices('free_slots', async () => slots());
  const flows = loadFlowRegistry(dir, { hasAction: (n) => actions.has(n), hasChoiceProvider: (n) => actions.hasChoices(n), hasText: (k) => translator.has('nl', k) });
  return new DialogEngine({ flows, actions, renderer, maxFailedAnswers: 3 });
}

const session = (): DialogSession => ({ state: { ...newState('nl'), greeted: true }, address: { channel: 'test', conversationId: 'c', userId: 'u' }, now: new Date(), out: [] });

describe('run-time choices', () => {
  const offered = [{ id: 'slot-1', label: 'dinsdag 1 december, 9:00' }, { id: 'slot-2', label: 'woensdag 2 december, 13:00' }];

  test('are computed when asked, shown as choices, and the answer is checked against what was shown', async () => {
    let current = offered;
    const engine = buildEngine(() => current);
    const s = session();
    await engine.enter(s, { flow: 'pick_slot' }, 'clear');
    expect(s.out[0]?.choices).toEqual(offered);
    current = [{ id: 'slot-9', label: 'later' }];
    s.out = [];
    await engine.answer(s, { text: '3' });
    expect(s.out[0]?.text).toContain(renderer.text('nl', 'input.invalid.choice', { max: 2 }));
    expect(s.out[0]?.choices).toEqual(offered);
    s.out = [];
    await engine.answer(s, { text: '2' });
    expect(s.out[0]?.text).toBe(renderer.text('nl', 'common.thanks_reply'));
  });

  test('an empty list goes to whenEmpty', async () => {
    const engine = buildEngine(() => []);
    const s = session();
    await engine.enter(s, { flow: 'pick_slot' }, 'clear');
    expect(s.out.map((m) => m.text)).toEqual([renderer.text('nl', 'common.not_understood')]);
  });

  test('a flow naming an unknown provider does not load', () => {
    expect(() => loadFlowRegistry(dialogsDir(), { hasAction: () => true, hasChoiceProvider: () => false, hasText: () => true })).toThrow(/pick_slot\.yaml: step "slot": unknown choice provider "free_slots"/);
  });
});
