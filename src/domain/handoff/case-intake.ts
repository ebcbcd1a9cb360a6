import type { Language } from '../../core/languages';
import type { ConversationAddress } from '../../core/messages';
import type { ConversationState } from '../../core/state';
import { conversationKey } from '../../core/turn/context';
import { AppError } from '../../core/errors';
import { nextReference, type CounterStore } from '../../storage/counters';
import type { CaseDoc, CaseLink } from './case-model';
import { newCaseId, type CaseService } from './case-service';
import type { TurnLog } from './turn-log';

/** Why and for whom a case opens: the resident's conversation and what it already holds. */
export interface OpenCaseInput {
  address: ConversationAddress;
  language: Language;
  reason: string;
  state: ConversationState;
  links?: CaseLink[];
  /** The sensitive topic that triggered the case, when that was the reason. */
  topic?: { id: string; priority: number };
  now: Date;
}

/** The resident across cases on one channel: notes and labels follow them. */
export function residentKeyOf(address: ConversationAddress): string {
  return `${address.channel}:${address.userId}`;
}

/** Human case references: HV-2026-000123 ("hulpvraag"), so staff and residents can name a case. */
export const CASE_REFERENCE_PREFIX = 'HV';

/**
 * Opens cases with their context pack: language, channel, reason, the collected answers, the recent
 * transcript and links. One open case per conversation: a second request finds the first.
 */
export class CaseIntake {
  constructor(private readonly service: CaseService, private readonly counters: CounterStore, private readonly turns: TurnLog) {}

  /** Opens a case, or returns the conversation's open one (`created: false`). */
  async open(input: OpenCaseInput): Promise<{ doc: CaseDoc; created: boolean }> {
    const { store, content, hours, audit } = this.service.deps;
    const key = conversationKey(input.address.channel, input.address.conversationId);
    const existing = await store.openFor(key);
    if (existing) return { doc: existing, created: false };
    const reason = content.reasons[input.reason];
    if (!reason) throw new AppError('DIALOG_INVALID', `open_case: unknown reason "${input.reason}" (content/handoff.yaml reasons)`);
    const residentKey = residentKeyOf(input.address);
    const { now } = input;
    const doc = await store.create({
      _id: newCaseId(),
      reference: await nextReference(this.counters, CASE_REFERENCE_PREFIX, now),
      conversationKey: key,
      residentKey,
      address: input.address,
      language: input.language,
      reason: input.reason,
      priority: Math.max(reason.priority, input.topic?.priority ?? 0),
      context: {
        answers: input.state.stack.map((frame) => ({ flow: frame.flow, step: frame.step, answers: frame.answers })),
        transcript: await this.turns.recent(key, content.transcriptTurns),
        links: input.links ?? [],
        ...(input.topic ? { topic: input.topic.id } : {}),
      },
      assignee: null,
      labels: await store.labelsOf(residentKey),
      acknowledged: false,
      createdAt: now,
      firstResponseDue: hours.addMinutes(now, content.sla.firstResponseMinutes),
      resolutionDue: hours.addMinutes(now, content.sla.resolutionMinutes),
      lastAlertAt: now,
      alertCount: 1,
    }, 'resident');
    await audit.record({ actor: 'resident', action: 'case.open', subject: `case:${doc._id}`, details: { reason: doc.reason, priority: doc.priority }, at: now });
    await this.service.publish('case.waiting', doc);
    return { doc, created: true };
  }
}
