import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
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

/**
 * Why: a saved model is reused only for the data it was trained on. Hashing the files' bytes (phrases and
 * concepts) needs no parsing, so loading a saved model does not read every phrase; a reformatted file retrains.
 */
export function nluDataFingerprint(dataDir: string): string {
  const hash = createHash('sha256');
  for (const folder of [dataDir, join(dataDir, 'concepts')].filter((f) => existsSync(f))) {
    for (const file of readdirSync(folder).filter((f) => f.endsWith('.json')).sort()) hash.update(file).update(readFileSync(join(folder, file)));
  }
  return hash.digest('hex');
}

/** Why: the same phrase twice (after normalisation) would leak between train and test folds. */
export function dedupe(examples: readonly Example[]): Example[] {
  const seen = new Set<string>();
  const result: Example[] = [];
  for (const example of examples) {
    const normalized = normalizeText(example.text);
    const key = `${example.language}\u0000${normalized}`;
    if (normalized === '' || seen.has(key)) continue;
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
