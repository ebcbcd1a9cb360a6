import type { Activity, CloudAdapter, ConversationParameters, ConversationReference, TurnContext } from 'botbuilder';
import type { Logger } from '../../core/logger';
import type { ConversationReferenceStore } from './conversation-references';

/** How often and how long a throttled (429) send is tried again. */
export interface RetryOptions {
  attempts: number;
  firstDelayMs: number;
  maxDelayMs: number;
}

/** What became of a proactive send: delivered (with the new activity ids), or the bot is gone (403). */
export type SendOutcome = { status: 'sent'; ids: string[]; conversationId: string } | { status: 'gone' } | { status: 'unknown_conversation' };

/** The part of botframework-connector's ConnectorClient that starts a channel thread. */
interface ThreadStarter {
  conversations: { createConversation(parameters: ConversationParameters): Promise<{ id?: string; activityId?: string }> };
}

type Work = (context: TurnContext) => Promise<{ ids: string[]; conversationId: string }>;

interface HttpFailure {
  statusCode?: number;
  response?: { headers?: { get(name: string): string | null | undefined } };
}

/** The HTTP status of a failed Bot Connector call, if the error carries one. */
export function statusOf(error: unknown): number | undefined {
  const status = (error as HttpFailure | null)?.statusCode;
  return typeof status === 'number' ? status : undefined;
}

function retryAfterMs(error: unknown): number | undefined {
  const value = (error as HttpFailure | null)?.response?.headers?.get('retry-after');
  const seconds = value ? Number(value) : NaN;
  return Number.isFinite(seconds) ? seconds * 1000 : undefined;
}

/**
 * Sends outside a turn through stored conversation references. A 403 means the bot was removed
 * (uninstalled, or the chat deleted): the reference is marked gone and nothing is retried. A 429
 * means Teams throttles: wait (Retry-After, or doubling) and try again a few times.
 */
export class ProactiveSender {
  constructor(
    private readonly adapter: CloudAdapter,
    private readonly appId: string,
    private readonly references: ConversationReferenceStore,
    private readonly log: Logger,
    private readonly clock: () => Date,
    private readonly retry: RetryOptions = { attempts: 4, firstDelayMs: 1000, maxDelayMs: 30_000 },
  ) {}

  /** Sends into the stored conversation (a personal chat). */
  async send(conversationId: string, activities: Array<Partial<Activity>>): Promise<SendOutcome> {
    return this.withReference(conversationId, conversationId, async (context) => {
      const responses = await context.sendActivities(activities);
      return { ids: responses.map((response) => response?.id ?? ''), conversationId };
    });
  }

  /** Posts a new message (its own thread) in a Teams channel whose reference is stored under `channelId`. */
  async startThread(channelId: string, activity: Partial<Activity>): Promise<SendOutcome> {
    return this.withReference(channelId, channelId, async (context) => {
      const connector = context.turnState.get(context.adapter.ConnectorClientKey) as ThreadStarter;
      const created = await connector.conversations.createConversation({
        isGroup: true, bot: context.activity.recipient, tenantId: context.activity.conversation.tenantId, channelData: { channel: { id: channelId } }, activity: activity as Activity,
      } as ConversationParameters);
      return { ids: [created.activityId ?? ''], conversationId: created.id ?? channelId };
    });
  }

  /** Replaces an activity the bot sent before (a card whose state changed), in `conversationId` (e.g. a thread). */
  async update(referenceKey: string, conversationId: string, activity: Partial<Activity> & { id: string }): Promise<SendOutcome> {
    return this.withReference(referenceKey, conversationId, async (context) => {
      await context.updateActivity(activity);
      return { ids: [activity.id], conversationId };
    });
  }

  private async withReference(referenceKey: string, conversationId: string, work: Work): Promise<SendOutcome> {
    const stored = await this.references.get(referenceKey);
    if (!stored) return { status: 'unknown_conversation' };
    const reference = { ...stored, conversation: { ...stored.conversation, id: conversationId } } as ConversationReference;
    for (let attempt = 1; ; attempt += 1) {
      try {
        return { status: 'sent', ...(await this.once(reference, work)) };
      } catch (error) {
        const status = statusOf(error);
        if (status === 403) {
          this.log.warn({ status }, 'Teams: the bot was removed from the conversation; reference marked gone');
          await this.references.markGone(referenceKey, this.clock());
          return { status: 'gone' };
        }
        if (status !== 429 || attempt >= this.retry.attempts) throw error;
        const wait = Math.min(this.retry.maxDelayMs, retryAfterMs(error) ?? this.retry.firstDelayMs * 2 ** (attempt - 1));
        this.log.warn({ status, attempt, waitMs: wait }, 'Teams throttles proactive sends; waiting');
        await new Promise((resolve) => setTimeout(resolve, wait));
      }
    }
  }

  /** One attempt. The adapter hands errors of the logic to onTurnError, so they are caught here and rethrown. */
  private async once(reference: ConversationReference, work: Work): Promise<{ ids: string[]; conversationId: string }> {
    let outcome: { done: { ids: string[]; conversationId: string } } | { error: unknown } | undefined;
    await this.adapter.continueConversationAsync(this.appId, reference, async (context) => {
      try {
        outcome = { done: await work(context) };
      } catch (error) {
        outcome = { error };
      }
    });
    if (!outcome) throw new Error('the conversation did not run');
    if ('error' in outcome) throw outcome.error;
    return outcome.done;
  }
}
