import type { Choice, OutgoingMessage } from '../../core/messages';

/** A message body for the Graph API's /messages endpoint, without the recipient. */
export type CloudPayload =
  | { type: 'text'; text: { body: string; preview_url: false } }
  | { type: 'interactive'; interactive: ButtonMessage | ListMessage }
  | { type: 'template'; template: { name: string; language: { code: string }; components: TemplateComponent[] } };

interface ButtonMessage {
  type: 'button';
  body: { text: string };
  action: { buttons: Array<{ type: 'reply'; reply: { id: string; title: string } }> };
}

interface ListMessage {
  type: 'list';
  body: { text: string };
  action: { button: string; sections: Array<{ rows: Array<{ id: string; title: string; description?: string }> }> };
}

/** The body variables of a template, in order. */
export interface TemplateComponent {
  type: 'body';
  parameters: Array<{ type: 'text'; text: string }>;
}

/** WhatsApp's limits (Cloud API reference, interactive messages). */
export const CLOUD_LIMITS = {
  textBody: 4096, interactiveBody: 1024,
  buttons: 3, buttonTitle: 20, buttonId: 256,
  rows: 10, rowTitle: 24, rowDescription: 72, rowId: 200, listButton: 20,
} as const;

const length = (text: string): number => Array.from(text).length;

/** The text with its links listed under it. */
function bodyOf(message: OutgoingMessage): string {
  return [message.text, ...(message.links ?? []).map((link) => `${link.label}: ${link.url}`)].join('\n');
}

/**
 * Renders a neutral message the Cloud API way: up to 3 short choices as reply buttons, up to 10 as a
 * list, otherwise (or when a label or the text is too long) numbered text, which the core reads too.
 */
export function toWhatsApp(message: OutgoingMessage, listButton: string): CloudPayload {
  const body = bodyOf(message);
  const choices = message.choices ?? [];
  if (choices.length > 0 && length(body) <= CLOUD_LIMITS.interactiveBody) {
    const buttons = asButtons(body, choices);
    if (buttons) return { type: 'interactive', interactive: buttons };
    const list = asList(body, choices, listButton);
    if (list) return { type: 'interactive', interactive: list };
  }
  const numbered = choices.map((choice, i) => `${i + 1}. ${choice.label}`);
  return { type: 'text', text: { body: [body, ...(numbered.length > 0 ? ['', ...numbered] : [])].join('\n').slice(0, CLOUD_LIMITS.textBody), preview_url: false } };
}

function asButtons(body: string, choices: Choice[]): ButtonMessage | undefined {
  const fits = choices.length <= CLOUD_LIMITS.buttons && choices.every((c) => length(c.label) <= CLOUD_LIMITS.buttonTitle && length(c.id) <= CLOUD_LIMITS.buttonId);
  if (!fits) return undefined;
  return { type: 'button', body: { text: body }, action: { buttons: choices.map((c) => ({ type: 'reply', reply: { id: c.id, title: c.label } })) } };
}

function asList(body: string, choices: Choice[], listButton: string): ListMessage | undefined {
  const fits = choices.length <= CLOUD_LIMITS.rows && choices.every((c) => length(c.label) <= CLOUD_LIMITS.rowDescription && length(c.id) <= CLOUD_LIMITS.rowId);
  if (!fits) return undefined;
  const rows = choices.map((c) => {
    if (length(c.label) <= CLOUD_LIMITS.rowTitle) return { id: c.id, title: c.label };
    // A long label: the row shows its start as the title and the whole label as the description under it.
    return { id: c.id, title: `${Array.from(c.label).slice(0, CLOUD_LIMITS.rowTitle - 1).join('').trimEnd()}…`, description: c.label };
  });
  const button = Array.from(listButton).slice(0, CLOUD_LIMITS.listButton).join('');
  return { type: 'list', body: { text: body }, action: { button, sections: [{ rows }] } };
}

/** One line of text for a template variable: WhatsApp rejects new lines, tabs and runs of spaces in them. */
export function templateText(messages: OutgoingMessage[], maxLength: number): string {
  const parts = messages.flatMap((m) => [bodyOf(m), ...(m.choices ?? []).map((c, i) => `${i + 1}. ${c.label}`)]);
  const line = parts.join('\n').split(/\s*\n\s*/).filter(Boolean).join(' · ').replace(/\s+/g, ' ').trim();
  return length(line) <= maxLength ? line : `${Array.from(line).slice(0, maxLength - 1).join('')}…`;
}
