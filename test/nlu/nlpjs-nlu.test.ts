import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Nlu } from '../../src/core/nlu';
import { createNlu } from '../../src/nlu/create-nlu';
import { loadTestNlu } from '../support/nlu-model';
import { sharedNlu } from './shared-nlu';

/** A small training set (the clarification test's), so training it is quick. */
const fixture = path.join(__dirname, '..', 'fixtures', 'nlu-ambiguous');

describe('NlpJsNlu (trained from nlu/*.json)', () => {
  let nlu: Nlu;
  const lines: string[] = [];

  beforeAll(async () => {
    nlu = await sharedNlu();
  });

  it('reports start-up with a single progress line when the saved model is loaded', async () => {
    await loadTestNlu((line) => lines.push(line));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^nlu: loaded 6 languages, \d+ utterances in \d+ ms$/);
  });

  it('says it is training before it trains, then that it is ready; the next start loads the saved model', async () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'digipunt-nlu-'));
    const modelFile = path.join(folder, 'model.json');
    try {
      const first: string[] = [];
      await createNlu({ dataDir: fixture, modelFile, log: (line) => first.push(line) });
      expect(first).toEqual([expect.stringMatching(/^nlu: training \d languages, \d+ utterances \(once; the model is saved for the next start\)$/), expect.stringMatching(/^nlu: trained /)]);
      const second: string[] = [];
      await createNlu({ dataDir: fixture, modelFile, log: (line) => second.push(line) });
      expect(second).toEqual([expect.stringMatching(/^nlu: loaded /)]);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it.each([
    ['kunde mij helpen aub', 'nl', 'help'],
    ['ik wil ne laptop', 'nl', 'loan_apply'],
    ['mijne lader is kwijt', 'nl', 'loan_problem'],
    ['i lost the charger of my laptop', 'en', 'loan_problem'],
    ['where are you located', 'en', 'faq_location'],
  ] as const)('%s → %s / %s', (text, language, intent) => {
    const result = nlu.understand(text, 'nl');
    expect(result.language).toBe(language);
    expect(result.intent).toBe(intent);
  });

  it.each(['1', '2', '12', 'b'])('treats the bare choice answer %s as intent none with score 0', (text) => {
    expect(nlu.understand(text, 'en')).toMatchObject({ intent: 'none', score: 0, alternatives: [], language: 'en' });
  });

  it('classifies in the conversation language when the language is not clear', () => {
    const result = nlu.understand('ok', 'en');
    expect(result.detected.code).toBeNull();
    expect(result.language).toBe('en');
    expect(result.intent).toBe('affirm');
  });

  it('gives at most three alternatives, best first, without the winner', () => {
    const result = nlu.understand('laptop', 'nl');
    expect(result.alternatives.length).toBeLessThanOrEqual(3);
    expect(result.alternatives.map((a) => a.intent)).not.toContain(result.intent);
    const scores = [result.score, ...result.alternatives.map((a) => a.score)];
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
  });
});
