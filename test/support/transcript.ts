import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';
import type { WebChatMessage } from '../../src/channels/webchat/webchat-message';
import type { MessageRenderer } from '../../src/core/dialog/renderer';
import { LANGUAGES, type Language } from '../../src/core/languages';
import type { WebChatClient } from './webchat-client';

const language = z.enum(LANGUAGES);

const matcherSchema = z
  .object({
    key: z.string().optional(),
    values: z.record(z.union([z.string(), z.number()])).optional(),
    contains: z.string().optional(),
    choices: z.array(z.string()).optional(),
    lang: language.optional(),
    dir: z.enum(['ltr', 'rtl']).optional(),
  })
  .strict();

const turnSchema = z
  .object({
    user: z.union([z.string(), z.object({ choice: z.string() }).strict(), z.object({ language }).strict()]).optional(),
    messageId: z.string().optional(),
    restart: z.literal(true).optional(),
    language: language.optional(),
    bot: z.array(matcherSchema).optional(),
  })
  .strict();

const transcriptSchema = z
  .object({ name: z.string(), language, open: z.object({ language: language.optional() }).strict().optional(), turns: z.array(turnSchema).min(1) })
  .strict();

/** A conversation written as data: what the user says and what the assistant must say back. */
export type Transcript = z.infer<typeof transcriptSchema>;
type Matcher = z.infer<typeof matcherSchema>;

/** Reads every transcript under a folder (one folder per language), validated. */
export function loadTranscripts(dir: string): Array<{ file: string; transcript: Transcript }> {
  const files = fs.readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.yaml')).sort();
  return files.map((file) => {
    const parsed = transcriptSchema.safeParse(parse(fs.readFileSync(path.join(dir, file), 'utf8')));
    if (!parsed.success) throw new Error(`${file}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
    return { file, transcript: parsed.data };
  });
}

function describe(messages: WebChatMessage[]): string {
  return messages.map((m, i) => `  [${i}] (${m.lang}) ${m.text.replace(/\n/g, ' / ')}${m.choices ? ` {${m.choices.map((c) => c.id).join(', ')}}` : ''}`).join('\n');
}

/** Where the matcher's text starts in the message at or after `offset`, or -1 when the message does not match. */
function matchAt(message: WebChatMessage, matcher: Matcher, lng: Language, renderer: MessageRenderer, offset: number): number {
  if (matcher.choices && JSON.stringify(message.choices?.map((c) => c.id) ?? []) !== JSON.stringify(matcher.choices)) return -1;
  if (matcher.lang && message.lang !== matcher.lang) return -1;
  if (matcher.dir && message.dir !== matcher.dir) return -1;
  const text = message.text.toLowerCase();
  const wanted = matcher.key ? renderer.text(matcher.lang ?? lng, matcher.key, matcher.values) : matcher.contains;
  return wanted === undefined ? offset : text.indexOf(wanted.toLowerCase(), offset);
}

/** Checks that the matchers match the replies in order (several may match one message); throws a readable diff when not. */
export function expectReplies(replies: WebChatMessage[], matchers: Matcher[], lng: Language, renderer: MessageRenderer, where: string): void {
  let at = { message: 0, offset: 0 };
  for (const matcher of matchers) {
    let found: typeof at | undefined;
    for (let i = at.message; i < replies.length && !found; i += 1) {
      const position = matchAt(replies[i] as WebChatMessage, matcher, lng, renderer, i === at.message ? at.offset : 0);
      if (position >= 0) found = { message: i, offset: position + 1 };
    }
    if (!found) {
      const expected = matcher.key ? `${JSON.stringify(matcher)} → "${renderer.text(matcher.lang ?? lng, matcher.key, matcher.values)}"` : JSON.stringify(matcher);
      throw new Error(`${where}: no reply matches ${expected}\nreplies:\n${describe(replies)}`);
    }
    at = found;
  }
}

/** What the runner needs: a client, the renderer, and a way to restart the server mid-conversation. */
export interface TranscriptEnvironment {
  client: WebChatClient;
  renderer: MessageRenderer;
  restart(): Promise<void>;
}

/** Plays a transcript against the running app through the web chat API. */
export async function playTranscript(t: Transcript, env: TranscriptEnvironment): Promise<void> {
  let lng: Language = t.language;
  let replies: WebChatMessage[] = await env.client.open(t.open?.language);
  for (const [i, turn] of t.turns.entries()) {
    const where = `turn ${i + 1}${typeof turn.user === 'string' ? ` ("${turn.user}")` : turn.user ? ` (${JSON.stringify(turn.user)})` : ''}`;
    if (turn.restart) await env.restart();
    if (turn.user !== undefined) {
      const body = typeof turn.user === 'string' ? { text: turn.user } : turn.user;
      replies = await env.client.send({ ...body, ...(turn.messageId ? { messageId: turn.messageId } : {}) });
    }
    if (turn.language) lng = turn.language;
    if (turn.bot) expectReplies(replies, turn.bot, lng, env.renderer, where);
  }
}
