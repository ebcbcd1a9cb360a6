import type { Language, TextDirection } from './languages';

/** Identifies one resident's conversation on one channel; the core never looks inside `userId`. */
export interface ConversationAddress {
  channel: string;
  conversationId: string;
  userId: string;
}

/** What a channel adapter hands the core: already translated from the platform's own format. */
export interface IncomingMessage {
  address: ConversationAddress;
  /** The platform's message id; the core de-duplicates on (channel, messageId). */
  messageId: string;
  /** Free text the resident typed, if any. */
  text?: string;
  /** The id of a choice the resident tapped (a button or a list row), if any. */
  choiceId?: string;
  /** A language the channel knows for sure (a start parameter, a web chat picker). */
  languageHint?: Language;
  /** Contact details the platform gives, such as the WhatsApp number, offered for confirmation. */
  contact?: { phone?: string };
  /** The platform sent something that is not text (a photo, a voice note). */
  hasMedia?: boolean;
  receivedAt: Date;
}

/** One option of a question; channels render it as a button, a keyboard key or a numbered line. */
export interface Choice {
  id: string;
  label: string;
}

/** A link the resident can open; channels show it inline or as a button. */
export interface Link {
  url: string;
  label: string;
}

/** What the core hands a channel adapter: neutral data, rendered per channel at the edge. */
export interface OutgoingMessage {
  id: string;
  text: string;
  choices?: Choice[];
  links?: Link[];
  language: Language;
  direction: TextDirection;
}
