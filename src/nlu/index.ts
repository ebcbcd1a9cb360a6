/** The NLU module's public face for the composition root and the core. */
export { createNlu, type CreateNluOptions } from './create-nlu';
export { NlpJsNlu } from './nlpjs-nlu';
