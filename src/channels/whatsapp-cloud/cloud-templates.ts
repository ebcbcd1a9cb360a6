import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';
import { AppError } from '../../core/errors';
import { LANGUAGES, type Language } from '../../core/languages';
import type { OutgoingMessage } from '../../core/messages';
import { templateText, type CloudPayload } from './to-whatsapp';

const languageCodes = z.object(Object.fromEntries(LANGUAGES.map((l) => [l, z.string().regex(/^[a-z]{2,3}(_[A-Z]{2})?$/, 'must be a WhatsApp language code like nl or en_US')])) as Record<Language, z.ZodString>).strict();

const schema = z
  .object({
    placeholders: z.array(z.string()).default([]),
    outsideWindow: z
      .object({
        name: z.string().regex(/^[a-z0-9_]{1,512}$/, 'must be the template name: a-z, 0-9 and _'),
        languages: languageCodes,
        parameters: z.array(z.enum(['message'])).max(10),
        maxParameterLength: z.number().int().min(20).max(1024),
      })
      .strict(),
  })
  .strict();

/** The staff-editable template settings (content/whatsapp-cloud.yaml), validated. */
export type CloudTemplates = z.infer<typeof schema>;

/** Loads content/whatsapp-cloud.yaml; a bad file stops start-up naming the field. */
export function loadCloudTemplates(dir: string): CloudTemplates {
  const file = path.join(dir, 'whatsapp-cloud.yaml');
  const parsed = schema.safeParse(parse(fs.readFileSync(file, 'utf8')));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new AppError('CONTENT_INVALID', `${file}: ${issue?.path.join('.')}: ${issue?.message}`);
  }
  return parsed.data;
}

/** The template message that carries messages outside the 24-hour window: never free text there. */
export function templatePayload(templates: CloudTemplates, messages: OutgoingMessage[], fallback: Language): CloudPayload {
  const { name, languages, parameters, maxParameterLength } = templates.outsideWindow;
  const language = messages[0]?.language ?? fallback;
  const text = templateText(messages, maxParameterLength);
  const values = parameters.map(() => ({ type: 'text' as const, text }));
  return { type: 'template', template: { name, language: { code: languages[language] }, components: values.length > 0 ? [{ type: 'body', parameters: values }] : [] } };
}
