import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isIntentName, type IntentName } from '../core/intents';
import { LANGUAGES, SOURCE_LANGUAGE, type Language } from '../core/languages';
import { normalizeText } from './normalize';

/** One training or test utterance with its label; the unit every NLU part trains and evaluates on. */
export interface Example {
  language: Language;
  intent: IntentName;
  text: string;
}

/** Why: a typo in an intent name or a wrong shape in nlu/<lng>.json must stop start-up with a clear message. */
export function parseTrainingFile(json: unknown, language: Language, source: string): Example[] {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    throw new Error(`${source}: expected an object of intent → utterances`);
  }
  const examples: Example[] = [];
  for (const [intent, utterances] of Object.entries(json)) {
    if (!isIntentName(intent)) throw new Error(`${source}: unknown intent "${intent}"`);
    if (!Array.isArray(utterances) || !utterances.every((u) => typeof u === 'string')) {
      throw new Error(`${source}: "${intent}" must be a list of strings`);
    }
    for (const text of utterances as string[]) examples.push({ language, intent, text });
  }
  return examples;
}

/** Why: the training data lives in nlu/<lng>.json (data, not code); this reads one language. */
export function loadLanguageFile(dataDir: string, language: Language): Example[] {
  const file = join(dataDir, `${language}.json`);
  return parseTrainingFile(JSON.parse(readFileSync(file, 'utf8')) as unknown, language, file);
}

/** Why: loads every supported language that has a data file; the source language must be there. */
export function loadCorpus(dataDir: string): Example[] {
  const present = LANGUAGES.filter((language) => existsSync(join(dataDir, `${language}.json`)));
  if (!present.includes(SOURCE_LANGUAGE)) throw new Error(`${dataDir}: no ${SOURCE_LANGUAGE}.json training data`);
  return present.flatMap((language) => loadLanguageFile(dataDir, language));
}

/** Why: the same phrase twice (after normalisation) would leak between train and test folds. */
export function dedupe(examples: readonly Example[]): Example[] {
  const seen = new Set<string>();
  const result: Example[] = [];
  for (const example of examples) {
    const key = `${example.language}\u0000${normalizeText(example.text)}`;
    if (normalizeText(example.text) === '' || seen.has(key)) continue;
    seen.add(key);
    result.push(example);
  }
  return result;
}

/** Why: a phrase filed under two intents of one language teaches the classifier a contradiction. */
export function findConflicts(examples: readonly Example[]): string[] {
  const labels = new Map<string, IntentName>();
  const conflicts: string[] = [];
  for (const { language, intent, text } of examples) {
    const key = `${language}: ${normalizeText(text)}`;
    const previous = labels.get(key);
    if (previous !== undefined && previous !== intent) conflicts.push(`${key} (${previous} / ${intent})`);
    else labels.set(key, intent);
  }
  return conflicts;
}
