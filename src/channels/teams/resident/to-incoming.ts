import type { Activity } from 'botbuilder';
import { isLanguage, type Language } from '../../../core/languages';
import type { IncomingMessage } from '../../../core/messages';

/** The resident channel's name on addresses, keys and metrics. */
export const TEAMS_CHANNEL = 'teams';

/** Teams adds a text/html copy of formatted messages and sends cards as attachments: neither is media. */
const NOT_MEDIA = /^(text\/html|application\/vnd\.microsoft\.card\.)/;
const MENTION = /<at>[^<]*<\/at>/g;

/** "fr-FR" → "fr", when it is a language the assistant speaks. */
function languageOf(locale: string | undefined): Language | undefined {
  const code = locale?.slice(0, 2).toLowerCase();
  return code && isLanguage(code) ? code : undefined;
}

function choiceIdOf(value: unknown): string | undefined {
  const id = (value as { choiceId?: unknown } | null | undefined)?.choiceId;
  return typeof id === 'string' && id !== '' ? id : undefined;
}

/** The resident joined: the bot was installed or the Emulator opened a conversation. */
function residentJoined(activity: Activity): boolean {
  return (activity.membersAdded ?? []).some((member) => member.id !== activity.recipient.id);
}

/**
 * Translates a Bot Framework activity for the core: a message (text, or a card button's
 * Action.Submit arriving as `value.choiceId`), or the first contact (the resident joined, no text).
 * Other activities (typing, reactions, the bot itself being added) are not turns: null.
 */
export function toIncoming(activity: Activity): IncomingMessage | null {
  const address = { channel: TEAMS_CHANNEL, conversationId: activity.conversation.id, userId: activity.from?.aadObjectId ?? activity.from?.id ?? activity.conversation.id };
  const base = { address, messageId: activity.id ?? `${activity.type}:${activity.conversation.id}`, receivedAt: new Date() };
  if (activity.type === 'conversationUpdate') {
    if (!residentJoined(activity)) return null;
    const languageHint = languageOf(activity.locale);
    return { ...base, ...(languageHint ? { languageHint } : {}) };
  }
  if (activity.type !== 'message') return null;
  const text = (activity.text ?? '').replace(MENTION, '').trim();
  const choiceId = choiceIdOf(activity.value);
  const hasMedia = (activity.attachments ?? []).some((attachment) => !NOT_MEDIA.test(attachment.contentType));
  return { ...base, ...(text ? { text } : {}), ...(choiceId ? { choiceId } : {}), ...(hasMedia ? { hasMedia: true } : {}) };
}
