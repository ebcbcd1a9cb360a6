import type { Activity, Attachment } from 'botbuilder';
import type { Logger } from '../../../core/logger';
import { KeyedSerialQueue } from '../../../core/turn/keyed-queue';
import type { CaseEvent } from '../../../domain/handoff/case-events';
import type { CaseStore } from '../../../domain/handoff/case-store';
import type { ProactiveSender } from '../proactive-sender';
import { caseCard, type CaseCardOptions } from './case-card';
import type { CaseCardStore } from './case-card-store';

/** What the alerts need: where to post, how to draw a card, and where cards are remembered. */
export interface CaseAlertsOptions {
  sender: ProactiveSender;
  cards: CaseCardStore;
  store: CaseStore;
  /** The staff channel's conversation id (TEAMS_STAFF_CHANNEL_ID). */
  channelId: string;
  cardOptions: (caseId: string) => Omit<CaseCardOptions, 'realert'>;
  clock: () => Date;
  log: Logger;
}

const message = (attachment: Attachment): Partial<Activity> => ({ type: 'message', attachments: [attachment] });

/**
 * Turns the handoff feature's case events into Teams messages: a new waiting case and each
 * re-alert post a card in the staff channel; any change redraws every card of that case.
 * Events of one case are handled in order, so a redraw never overtakes the post it redraws.
 */
export class CaseAlerts {
  private readonly queue = new KeyedSerialQueue();

  constructor(private readonly options: CaseAlertsOptions) {}

  handle(event: CaseEvent): Promise<void> {
    return this.queue.run(event.caseId, async () => {
      if (event.type === 'case.waiting' || event.type === 'case.realert') await this.post(event.caseId, event.type === 'case.realert');
      else if (event.type === 'case.changed') await this.redraw(event.caseId);
    });
  }

  /** Waits for the events in progress (at shutdown). */
  drain(): Promise<void> {
    return this.queue.drain();
  }

  /** Draws the case again on every card that shows it (a claim, a resolve, a lost race). */
  async redraw(caseId: string): Promise<void> {
    const doc = await this.options.store.get(caseId);
    const card = message(caseCard(doc, { ...this.options.cardOptions(caseId), now: this.options.clock() }));
    for (const posted of await this.options.cards.of(caseId)) {
      const outcome = await this.options.sender.update(this.options.channelId, posted.conversationId, { ...card, id: posted.activityId });
      if (outcome.status !== 'sent') this.options.log.warn({ status: outcome.status }, 'Teams staff card could not be updated');
    }
  }

  private async post(caseId: string, realert: boolean): Promise<void> {
    const { channelId } = this.options;
    const doc = await this.options.store.get(caseId);
    const card = caseCard(doc, { ...this.options.cardOptions(caseId), now: this.options.clock(), realert });
    const outcome = await this.options.sender.startThread(channelId, message(card));
    if (outcome.status === 'sent' && outcome.ids[0]) {
      await this.options.cards.add(caseId, { conversationId: outcome.conversationId, activityId: outcome.ids[0] }, this.options.clock());
      return;
    }
    this.options.log.warn({ status: outcome.status }, 'Teams staff alert not posted: add the staff app to the staff channel (TEAMS_STAFF_CHANNEL_ID)');
  }
}
