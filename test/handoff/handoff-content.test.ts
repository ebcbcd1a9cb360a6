import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { loadConfig } from '../../src/config';
import { I18nextTranslator, readLocaleResources } from '../../src/core/i18n/translator';
import { LANGUAGES } from '../../src/core/languages';
import { csatScore } from '../../src/domain/handoff/case-texts';
import { loadHandoffContent, sensitiveTopicIn } from '../../src/domain/handoff/handoff-content';
import { percentile } from '../../src/staff/case-stats';

const config = loadConfig({});
const translator = new I18nextTranslator(readLocaleResources(config.paths.locales));
const content = loadHandoffContent(config.paths.content, (language, key) => translator.has(language, key));

describe('content/handoff.yaml', () => {
  it('names only reason codes that exist, in every flow that calls open_case', () => {
    const used: string[] = [];
    for (const file of fs.readdirSync(config.paths.dialogs).filter((f) => f.endsWith('.yaml'))) {
      const flow = parse(fs.readFileSync(path.join(config.paths.dialogs, file), 'utf8')) as { steps?: Record<string, { action?: string; params?: { reason?: string } }> };
      for (const step of Object.values(flow.steps ?? {})) if (step.action === 'open_case') used.push(step.params?.reason ?? 'resident_request');
    }
    expect(used.length).toBeGreaterThan(1);
    for (const reason of used) expect(Object.keys(content.reasons)).toContain(reason);
  });

  it('has a Dutch dashboard label for every reason, resolution and status', () => {
    for (const reason of Object.keys(content.reasons)) expect(translator.has('nl', `staff.reason.${reason}`)).toBe(true);
    for (const resolution of content.resolutions) expect(translator.has('nl', `staff.resolution.${resolution}`)).toBe(true);
  });

  it('refuses a reply template without a text in every language', () => {
    const missing = (language: string, key: string): boolean => !(language === 'uk' && key === 'case_reply.hello') && translator.has(language as 'nl', key);
    expect(() => loadHandoffContent(config.paths.content, missing)).toThrow(/replyTemplates.hello: no text case_reply.hello in uk/);
  });

  it('finds sensitive topics at the start of a word, in the resident\'s language only', () => {
    expect(sensitiveTopicIn(content, 'nl', 'Ik heb schulden')?.id).toBe('debt');
    expect(sensitiveTopicIn(content, 'nl', 'Ik heb geen onschuld')).toBeUndefined();
    expect(sensitiveTopicIn(content, 'tr', 'Borçlarım var')?.id).toBe('debt');
    expect(sensitiveTopicIn(content, 'en', 'ik heb schulden')).toBeUndefined();
    for (const language of LANGUAGES) for (const topic of content.sensitiveTopics) expect(topic.words[language].length).toBeGreaterThan(0);
  });
});

describe('small rules', () => {
  it('reads a 1–5 score from a button or a bare digit, nothing else', () => {
    expect(csatScore('csat_4', undefined)).toBe(4);
    expect(csatScore(undefined, ' 2 ')).toBe(2);
    expect(csatScore(undefined, '6')).toBeNull();
    expect(csatScore(undefined, 'ik geef 5')).toBeNull();
    expect(csatScore('menu', undefined)).toBeNull();
  });

  it('takes nearest-rank percentiles', () => {
    expect(percentile([], 50)).toBeNull();
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 50)).toBe(5);
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 90)).toBe(9);
    expect(percentile([7], 90)).toBe(7);
  });
});
