import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../src/config';
import { createApp } from '../../src/main';
import { loadFlowRegistry } from '../../src/core/dialog/flow-registry';
import { AppError } from '../../src/core/errors';

const realDialogs = loadConfig({}).paths.dialogs;
const refs = { hasAction: (name: string) => name !== 'launch_rocket', hasChoiceProvider: () => true, hasText: (key: string) => !key.includes('missing') };

/** A copy of the real dialogs folder with one file replaced, so each case breaks exactly one thing. */
function dialogsWith(file: string, content: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dialogs-'));
  for (const f of fs.readdirSync(realDialogs)) fs.copyFileSync(path.join(realDialogs, f), path.join(dir, f));
  fs.writeFileSync(path.join(dir, file), content);
  return dir;
}

const broken: Array<[string, string, string, RegExp]> = [
  ['a step going to an unknown step', 'help.yaml', 'id: help\nversion: 1\nstart: explain\nsteps:\n  explain:\n    say: [help.text]\n    next: nowhere\n', /help\.yaml: step "explain": goes to unknown step "nowhere"/],
  ['an unknown flow', 'help.yaml', 'id: help\nversion: 1\nstart: explain\nsteps:\n  explain:\n    say: [help.text]\n    next: { flow: nope }\n', /help\.yaml: step "explain": goes to unknown flow "nope"/],
  ['a text key missing in Dutch', 'help.yaml', 'id: help\nversion: 1\nstart: explain\nsteps:\n  explain:\n    say: [help.missing_text]\n    next: { end: true }\n', /help\.yaml: step "explain": text key "help.missing_text" is missing/],
  ['an unknown action', 'help.yaml', 'id: help\nversion: 1\nstart: explain\nsteps:\n  explain:\n    action: launch_rocket\n    next: { end: true }\n', /help\.yaml: step "explain": unknown action "launch_rocket"/],
  ['an unknown input type', 'help.yaml', 'id: help\nversion: 1\nstart: explain\nsteps:\n  explain:\n    ask: colour\n    prompt: help.text\n', /help\.yaml: step "explain"/],
  ['a choice question without choices', 'help.yaml', 'id: help\nversion: 1\nstart: explain\nsteps:\n  explain:\n    ask: choice\n    prompt: help.text\n    next: { end: true }\n', /help\.yaml: step "explain": a choice question needs `choices`/],
  ['a missing start step', 'help.yaml', 'id: help\nversion: 1\nstart: begin\nsteps:\n  explain:\n    say: [help.text]\n    next: { end: true }\n', /help\.yaml: start: unknown step "begin"/],
  ['a YAML syntax error', 'help.yaml', 'id: help\nsteps: [\n', /help\.yaml: syntax/],
  ['a flow id used twice', 'help_copy.yaml', 'id: help\nversion: 1\nstart: explain\nsteps:\n  explain:\n    say: [help.text]\n    next: { end: true }\n', /flow "help" is also defined/],
  ['a route to an intent outside the catalogue', 'routes.yaml', fs.readFileSync(path.join(realDialogs, 'routes.yaml'), 'utf8').replace('  greeting: { flow: main_menu }', '  hello_there: { flow: main_menu }'), /routes\.yaml: hello_there: is not an intent of the catalogue/],
];

describe('dialog files are checked at start-up', () => {
  test('the real dialogs load', () => {
    const registry = loadFlowRegistry(realDialogs, { hasAction: () => true, hasChoiceProvider: () => true, hasText: () => true });
    expect(registry.ids()).toEqual(expect.arrayContaining(['welcome', 'main_menu', 'faq']));
  });

  test.each(broken)('%s stops loading with file, step and reason', (_name, file, content, message) => {
    const dir = dialogsWith(file, content);
    expect(() => loadFlowRegistry(dir, refs)).toThrow(AppError);
    expect(() => loadFlowRegistry(dir, refs)).toThrow(message);
  });

  test('a broken dialog stops the app from starting, naming the file', async () => {
    const dir = dialogsWith('help.yaml', 'id: help\nversion: 1\nstart: explain\nsteps:\n  explain:\n    say: [help.text]\n    next: nowhere\n');
    const config = loadConfig({ DIALOGS_DIR: dir, LOG_LEVEL: 'silent' });
    await expect(createApp(config, 'mongodb://127.0.0.1:1/never-used')).rejects.toThrow(/help\.yaml: step "explain": goes to unknown step "nowhere"/);
  });
});
