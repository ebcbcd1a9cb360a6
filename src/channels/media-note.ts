import type { MessageRenderer } from '../core/dialog/renderer';
import type { Language } from '../core/languages';
import type { OutgoingMessage } from '../core/messages';

/**
 * Why: residents send photos of documents, which the service must not keep. Messaging channels put
 * this polite note (documents are shown in person) before the turn's replies, in the replies' language.
 */
export function withMediaNote(renderer: MessageRenderer, replies: OutgoingMessage[], fallback: Language): OutgoingMessage[] {
  const language = replies[0]?.language ?? fallback;
  return [renderer.message(language, ['channel.media_not_stored']), ...replies];
}
