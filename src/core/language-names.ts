import fs from 'node:fs';
import path from 'node:path';
import { isLanguage, LANGUAGES, type Language } from './languages';
import { foldForMatch } from './text';

/** Finds which supported language a message names ("in het Frans aub", "english please", "عربي"). */
export interface LanguageNameFinder {
  find(text: string): Language | null;
}

/** Reads nlu/language-names.json: for each language, the words that name it in any of our languages. */
export function loadLanguageNames(nluDir: string): LanguageNameFinder {
  const raw = JSON.parse(fs.readFileSync(path.join(nluDir, 'language-names.json'), 'utf8')) as Record<string, string[]>;
  const names = new Map<string, Language>();
  for (const [code, words] of Object.entries(raw)) {
    if (!isLanguage(code)) throw new Error(`nlu/language-names.json: "${code}" is not a supported language`);
    for (const word of words) names.set(foldForMatch(word), code);
  }
  for (const code of LANGUAGES) if (![...names.values()].includes(code)) throw new Error(`nlu/language-names.json: no names for "${code}"`);
  return {
    find: (text) => {
      const found = new Set(foldForMatch(text).split(' ').map((word) => names.get(word)).filter((l): l is Language => l !== undefined));
      return found.size === 1 ? ([...found][0] as Language) : null;
    },
  };
}
