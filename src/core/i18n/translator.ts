import fs from 'node:fs';
import path from 'node:path';
import i18next, { type i18n } from 'i18next';
import { AppError } from '../errors';
import { LANGUAGES, SOURCE_LANGUAGE, type Language } from '../languages';

/** Nested locale JSON as read from disk. */
export type LocaleTree = { [key: string]: string | LocaleTree };

/** All texts of all languages: language → file name → keys. */
export type LocaleResources = Record<string, LocaleTree>;

/** Values that a text may interpolate (`{{name}}`), including `count` for plurals. */
export type TextValues = Record<string, string | number>;

/** The text port of the core: every user-facing sentence comes through here, by key. */
export interface Translator {
  t(language: Language, key: string, values?: TextValues): string;
  has(language: Language, key: string): boolean;
}

/** Reads locales/<lng>/*.json; each file becomes the first segment of its keys (menu.json → "menu.*"). */
export function readLocaleResources(dir: string, languages: readonly string[] = LANGUAGES): LocaleResources {
  const resources: LocaleResources = {};
  for (const lng of languages) {
    const lngDir = path.join(dir, lng);
    if (!fs.existsSync(lngDir)) continue;
    const tree: LocaleTree = {};
    for (const file of fs.readdirSync(lngDir).filter((f) => f.endsWith('.json')).sort()) {
      const raw = fs.readFileSync(path.join(lngDir, file), 'utf8');
      try {
        tree[path.basename(file, '.json')] = JSON.parse(raw) as LocaleTree;
      } catch (error) {
        throw new AppError('LOCALE_INVALID', `${lng}/${file}: ${(error as Error).message}`);
      }
    }
    resources[lng] = tree;
  }
  if (!resources[SOURCE_LANGUAGE]) throw new AppError('LOCALE_INVALID', `no ${SOURCE_LANGUAGE} locale in ${dir}`);
  return resources;
}

/** i18next-backed translator; one instance per app, never the global i18next singleton. */
export class I18nextTranslator implements Translator {
  private readonly instance: i18n;

  constructor(resources: LocaleResources) {
    this.instance = i18next.createInstance();
    void this.instance.init({
      resources: Object.fromEntries(Object.entries(resources).map(([lng, tree]) => [lng, { translation: tree }])),
      lng: SOURCE_LANGUAGE,
      fallbackLng: false,
      supportedLngs: [...LANGUAGES],
      initAsync: false,
      returnNull: false,
      returnEmptyString: false,
      interpolation: { escapeValue: false },
    });
  }

  /** Missing keys come back as the key itself, which the locale tests forbid. */
  t(language: Language, key: string, values: TextValues = {}): string {
    return this.instance.t(key, { ...values, lng: language });
  }

  has(language: Language, key: string): boolean {
    return this.instance.exists(key, { lng: language });
  }
}
