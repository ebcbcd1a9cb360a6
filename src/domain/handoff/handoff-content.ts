import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';
import { AppError } from '../../core/errors';
import { LANGUAGES } from '../../core/languages';

const code = z.string().regex(/^[a-z][a-z0-9_]*$/, 'must be snake_case');
const positive = z.number().positive();

const schema = z.object({
  placeholders: z.array(z.string()).default([]),
  sla: z.object({ firstResponseMinutes: positive, resolutionMinutes: positive, realertAfterMinutes: positive }).strict(),
  maxOpenCasesPerStaff: z.number().int().positive(),
  expireAfterBusinessHours: positive,
  csatWindowHours: positive,
  transcriptTurns: z.number().int().positive().max(200),
  cancelScore: z.number().min(0).max(1),
  reasons: z.record(code, z.object({ priority: z.number().int().min(1).max(5) }).strict()),
  resolutions: z.array(code).min(1),
  sensitiveTopics: z.array(z.object({ id: code, priority: z.number().int().min(1).max(5), words: z.object(Object.fromEntries(LANGUAGES.map((l) => [l, z.array(z.string().min(2))])) as Record<(typeof LANGUAGES)[number], z.ZodArray<z.ZodString>>).strict() }).strict()),
  replyTemplates: z.array(code).min(1),
}).strict();

/** content/handoff.yaml: SLA, caps, reason codes and priorities, resolutions, sensitive topics, templates. */
export type HandoffContent = z.infer<typeof schema>;

/** Loads content/handoff.yaml and checks that every reply template has a text in every language. */
export function loadHandoffContent(contentDir: string, hasText: (language: (typeof LANGUAGES)[number], key: string) => boolean): HandoffContent {
  const file = path.join(contentDir, 'handoff.yaml');
  const parsed = schema.safeParse(parse(fs.readFileSync(file, 'utf8')));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new AppError('CONTENT_INVALID', `${file}: ${issue?.path.join('.')}: ${issue?.message}`);
  }
  for (const id of parsed.data.replyTemplates) {
    const missing = LANGUAGES.filter((l) => !hasText(l, templateKey(id)));
    if (missing.length > 0) throw new AppError('CONTENT_INVALID', `${file}: replyTemplates.${id}: no text ${templateKey(id)} in ${missing.join(', ')}`);
  }
  if (!parsed.data.reasons.resident_request) throw new AppError('CONTENT_INVALID', `${file}: reasons: resident_request is required`);
  return parsed.data;
}

/** The locale key of a reply template: staff pick the id, the resident reads it in their language. */
export function templateKey(id: string): string {
  return `case_reply.${id}`;
}

/** Finds a sensitive topic in a message: a listed word of the resident's language, as a whole word. */
export function sensitiveTopicIn(content: HandoffContent, language: (typeof LANGUAGES)[number], text: string): HandoffContent['sensitiveTopics'][number] | undefined {
  const lower = text.toLocaleLowerCase(language);
  return content.sensitiveTopics.find((topic) => topic.words[language].some((word) => new RegExp(`(^|[^\\p{L}])${escapeRegExp(word.toLocaleLowerCase(language))}`, 'u').test(lower)));
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
