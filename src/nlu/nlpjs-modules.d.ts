// The @nlpjs packages ship no type declarations: these are the few members src/nlu uses, typed narrowly.

declare module '@nlpjs/core' {
  /** A plugin class that registers its parts (tokenizer, stemmer...) in a container. */
  export type NlpjsPlugin = new (...args: never[]) => unknown;
  export interface NlpjsContainer {
    use(plugin: NlpjsPlugin): string;
    get(name: string, settings?: object): unknown;
  }
  export function containerBootstrap(): Promise<NlpjsContainer>;
}

declare module '@nlpjs/nlp' {
  import type { NlpjsPlugin } from '@nlpjs/core';
  export const Nlp: NlpjsPlugin;
}

declare module '@nlpjs/language' {
  export interface NlpjsLanguageScore {
    alpha2: string;
    alpha3: string;
    language: string;
    score: number;
  }
  export class Language {
    guess(utterance: string, allowList?: string[] | null, limit?: number): NlpjsLanguageScore[];
  }
}

declare module '@nlpjs/lang-nl' { export const LangNl: import('@nlpjs/core').NlpjsPlugin; }
declare module '@nlpjs/lang-fr' { export const LangFr: import('@nlpjs/core').NlpjsPlugin; }
declare module '@nlpjs/lang-en' { export const LangEn: import('@nlpjs/core').NlpjsPlugin; }
declare module '@nlpjs/lang-tr' { export const LangTr: import('@nlpjs/core').NlpjsPlugin; }
declare module '@nlpjs/lang-ar' { export const LangAr: import('@nlpjs/core').NlpjsPlugin; }
declare module '@nlpjs/lang-uk' { export const LangUk: import('@nlpjs/core').NlpjsPlugin; }
