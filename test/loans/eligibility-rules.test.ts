import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../src/config';
import { evaluateEligibility } from '../../src/domain/loans/eligibility/evaluate';
import { loadEligibilityRules, type EligibilityRules } from '../../src/domain/loans/eligibility/rules';

const contentDir = loadConfig({}).paths.content;
const always = (): boolean => true;
const rules = loadEligibilityRules(contentDir, always);
const all = { postcode: '9300', support: 'yes', already_borrowing: 'no', training: 'yes' };
const final = { final: true };

function rulesWith(edit: (yaml: string) => string): EligibilityRules {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rules-'));
  fs.writeFileSync(path.join(dir, 'eligibility-rules.yaml'), edit(fs.readFileSync(path.join(contentDir, 'eligibility-rules.yaml'), 'utf8')));
  return loadEligibilityRules(dir, always);
}

describe('eligibility pre-screen rules (content/eligibility-rules.yaml)', () => {
  test('every default rule holds: likely eligible', async () => {
    expect((await evaluateEligibility(rules, all, final)).outcome).toBe('likely');
  });

  test.each([
    ['postcode', '1000', 'lives_in_aalst'],
    ['support', 'no', 'has_support'],
    ['already_borrowing', 'yes', 'not_borrowing'],
    ['training', 'no', 'follows_training'],
  ])('%s = %s: not eligible, naming rule %s', async (fact, value, rule) => {
    const verdict = await evaluateEligibility(rules, { ...all, [fact]: value }, final);
    expect(verdict.outcome).toBe('not_eligible');
    expect(verdict.failed.map((r) => r.id)).toEqual([rule]);
  });

  test('every Aalst postcode passes', async () => {
    for (const postcode of ['9300', '9308', '9310', '9320']) expect((await evaluateEligibility(rules, { ...all, postcode }, final)).outcome).toBe('likely');
  });

  test('"I don\'t know" or a skipped question is never a rejection: maybe, naming what staff must check', async () => {
    const unknown = await evaluateEligibility(rules, { ...all, support: 'unknown' }, final);
    expect(unknown.outcome).toBe('maybe');
    expect(unknown.unsure.map((r) => r.id)).toEqual(['has_support']);
    expect((await evaluateEligibility(rules, { ...all, postcode: null }, final)).outcome).toBe('maybe');
    expect((await evaluateEligibility(rules, { postcode: '9300' }, final)).outcome).toBe('maybe');
  });

  test('a rule that fails wins over "I don\'t know" elsewhere', async () => {
    expect((await evaluateEligibility(rules, { ...all, postcode: '2000', support: 'unknown' }, final)).outcome).toBe('not_eligible');
  });

  test('before the last question: a failed rule stops at once, otherwise the pre-screen goes on', async () => {
    expect((await evaluateEligibility(rules, { postcode: '9000' }, { final: false })).outcome).toBe('not_eligible');
    expect((await evaluateEligibility(rules, { postcode: '9300' }, { final: false })).outcome).toBe('pending');
    expect((await evaluateEligibility(rules, { postcode: '9300', support: 'unknown' }, { final: false })).outcome).toBe('pending');
  });

  test('changing the rules file changes the outcome, without code changes', async () => {
    const ninove = { ...all, postcode: '9400' };
    expect((await evaluateEligibility(rules, ninove, final)).outcome).toBe('not_eligible');
    const wider = rulesWith((yaml) => yaml.replace('"9320"]', '"9320", "9400"]'));
    expect((await evaluateEligibility(wider, ninove, final)).outcome).toBe('likely');
    const noTraining = rulesWith((yaml) => yaml.replace(/ {2}- id: follows_training[\s\S]*$/, ''));
    expect((await evaluateEligibility(noTraining, { ...all, training: 'no' }, final)).outcome).toBe('likely');
    const anyOf = rulesWith((yaml) => yaml.replace('        - { fact: support, operator: equal, value: "yes" }', '        - { fact: support, operator: in, value: ["yes", "child_at_school"] }'));
    expect((await evaluateEligibility(anyOf, { ...all, support: 'child_at_school' }, final)).outcome).toBe('likely');
  });

  test('a broken rules file stops start-up naming the file and the problem', () => {
    expect(() => rulesWith((yaml) => yaml.replace('operator: in', 'operator: within'))).toThrow(/eligibility-rules\.yaml: rules\.0\.conditions/);
    expect(() => loadEligibilityRules(contentDir, (key) => key !== 'eligibility.reason.training')).toThrow(/follows_training.*eligibility\.reason\.training/);
  });
});
