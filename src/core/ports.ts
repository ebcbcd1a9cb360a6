import type { ConversationAddress, OutgoingMessage } from './messages';

/** The outcome of recording an inbound message: new, or a repeat of one already seen. */
export type InboxEntry =
  | { status: 'new' }
  | { status: 'duplicate'; replies: OutgoingMessage[] | null };

/** De-duplicates inbound messages by (channel, message id) and remembers the replies of each turn. */
export interface InboxStore {
  begin(channel: string, messageId: string, conversationKey: string, at: Date): Promise<InboxEntry>;
  complete(channel: string, messageId: string, replies: OutgoingMessage[]): Promise<void>;
  /** Forgets a message whose turn failed, so a retry of the platform is handled again. */
  abandon(channel: string, messageId: string): Promise<void>;
  /** Waits for the replies of a message another request is still handling (null when it never completes). */
  waitForReplies(channel: string, messageId: string, timeoutMs: number): Promise<OutgoingMessage[] | null>;
}

/** A short exclusive lease per conversation, so that one turn runs at a time across processes. */
export interface LeaseStore {
  acquire(key: string, owner: string, ttlMs: number, now: Date): Promise<boolean>;
  release(key: string, owner: string): Promise<void>;
}

/** A stored conversation: its raw state (parsed by the core) and a revision for optimistic saves. */
export interface StoredConversation {
  state: unknown;
  revision: number;
}

/** Reads and writes conversation state; a save with a stale revision fails with STATE_CONFLICT. */
export interface ConversationStore {
  load(key: string): Promise<StoredConversation | null>;
  save(key: string, address: ConversationAddress, state: object, expectedRevision: number | null, at: Date): Promise<void>;
}

/** Tells /readyz whether the store answers. */
export interface HealthCheck {
  ping(): Promise<boolean>;
}
