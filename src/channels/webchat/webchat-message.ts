import type { OutgoingMessage } from '../../core/messages';

/** A message as the web chat API and page see it; the field names are a public contract. */
export interface WebChatMessage {
  id: string;
  text: string;
  choices?: Array<{ id: string; label: string }>;
  links?: Array<{ url: string; label: string }>;
  lang: string;
  dir: 'ltr' | 'rtl';
}

/** Translates the core's neutral message to the web chat's shape (the only place these names exist). */
export function toWebChatMessage(message: OutgoingMessage): WebChatMessage {
  return {
    id: message.id,
    text: message.text,
    ...(message.choices?.length ? { choices: message.choices.map((c) => ({ id: c.id, label: c.label })) } : {}),
    ...(message.links?.length ? { links: message.links.map((l) => ({ url: l.url, label: l.label })) } : {}),
    lang: message.language,
    dir: message.direction,
  };
}

/** JSON schema of WebChatMessage for the route schemas and the OpenAPI document. */
export const webChatMessageSchema = {
  type: 'object',
  required: ['id', 'text', 'lang', 'dir'],
  properties: {
    id: { type: 'string' },
    text: { type: 'string' },
    choices: { type: 'array', items: { type: 'object', required: ['id', 'label'], properties: { id: { type: 'string' }, label: { type: 'string' } } } },
    links: { type: 'array', items: { type: 'object', required: ['url', 'label'], properties: { url: { type: 'string' }, label: { type: 'string' } } } },
    lang: { type: 'string' },
    dir: { type: 'string', enum: ['ltr', 'rtl'] },
  },
} as const;
