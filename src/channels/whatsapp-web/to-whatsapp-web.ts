import type { OutgoingMessage } from '../../core/messages';

/**
 * Renders a message as WhatsApp text: the text, then the choices as numbered lines (WhatsApp Web's
 * buttons and lists are deprecated; the core reads a bare number as the answer), then the links.
 */
export function toWhatsAppWebText(message: OutgoingMessage): string {
  const choices = (message.choices ?? []).map((choice, i) => `${i + 1}. ${choice.label}`);
  const links = (message.links ?? []).map((link) => `${link.label}: ${link.url}`);
  return [message.text, choices.join('\n'), links.join('\n')].filter((part) => part !== '').join('\n\n');
}
