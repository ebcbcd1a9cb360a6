import { z } from 'zod';
import { LANGUAGES } from './languages';

/** Bumped whenever the shape changes; `parseState` migrates older shapes. */
export const STATE_VERSION = 1;

const answer = z.union([z.string(), z.number(), z.boolean(), z.null()]);

const frameSchema = z.object({
  flow: z.string(),
  step: z.string(),
  answers: z.record(answer),
  failures: z.number().int().nonnegative(),
});

const stateSchema = z.object({
  version: z.literal(STATE_VERSION),
  language: z.enum(LANGUAGES),
  greeted: z.boolean(),
  stack: z.array(frameSchema).max(20),
  /** Languages in which the "this is a translation" note was already shown. */
  translationNoticeShown: z.array(z.enum(LANGUAGES)),
  /** Count of turns, for transcripts and ordering checks. */
  turns: z.number().int().nonnegative(),
  /** A language switch the assistant proposed and awaits a yes/no for. */
  proposedLanguage: z.enum(LANGUAGES).nullable(),
  /** Consecutive messages the assistant did not understand, for clarify-then-offer-a-person. */
  misunderstood: z.number().int().nonnegative(),
});

/** One answer saved by a question step. */
export type Answer = z.infer<typeof answer>;
/** One active flow with its current step and collected answers. */
export type FlowFrame = z.infer<typeof frameSchema>;
/** The typed conversation state stored per conversation. */
export type ConversationState = z.infer<typeof stateSchema>;

/** A fresh state for a conversation the assistant has never seen. */
export function newState(language: ConversationState['language']): ConversationState {
  return { version: STATE_VERSION, language, greeted: false, stack: [], translationNoticeShown: [], turns: 0, proposedLanguage: null, misunderstood: 0 };
}

/** Older shapes and how to lift them to the current one; add an entry when STATE_VERSION grows. */
const MIGRATIONS: Record<number, (raw: Record<string, unknown>) => Record<string, unknown>> = {};

/** The outcome of reading stored state: the state, and whether it had to be reset. */
export type ParsedState = { state: ConversationState; reset: boolean };

/** Parses stored state, migrating old versions; unreadable state is reset rather than crashing the turn. */
export function parseState(raw: unknown, fallbackLanguage: ConversationState['language']): ParsedState {
  let value = raw as Record<string, unknown> | null;
  while (value && typeof value.version === 'number' && value.version < STATE_VERSION && MIGRATIONS[value.version]) {
    value = (MIGRATIONS[value.version] as (r: Record<string, unknown>) => Record<string, unknown>)(value);
  }
  const parsed = stateSchema.safeParse(value);
  if (parsed.success) return { state: parsed.data, reset: false };
  const language = LANGUAGES.find((l) => l === value?.language) ?? fallbackLanguage;
  return { state: { ...newState(language), greeted: true }, reset: true };
}
