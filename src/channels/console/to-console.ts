import type { OutgoingMessage } from '../../core/messages';

/** Renders a message for a terminal: the text, then the choices as a numbered list (type the number). */
export function toConsoleText(message: OutgoingMessage): string {
  const choices = (message.choices ?? []).map((choice, i) => `  ${i + 1}. ${choice.label}`);
  const links = (message.links ?? []).map((link) => `  ${link.label}: ${link.url}`);
  return [message.text, ...choices, ...links].join('\n');
}
