import type { MessageRenderer } from '../../core/dialog/renderer';
import type { Language } from '../../core/languages';
import type { OutgoingMessage } from '../../core/messages';
import { requireState, type Middleware, type TurnContext } from '../../core/turn/context';
import type { BusinessHours } from './business-hours';
import { isOpenStatus } from './case-machine';
import type { CaseDoc } from './case-model';
import { residentKeyOf, type CaseIntake } from './case-intake';
import type { CaseService } from './case-service';
import type { CaseStore } from './case-store';
import { csatScore, openingTexts, render } from './case-texts';
import { sensitiveTopicIn, type HandoffContent } from './handoff-content';
import type { TurnLog } from './turn-log';

/** What the handoff middleware needs. */
export interface HandoffMiddlewareDeps {
  store: CaseStore;
  service: CaseService;
  intake: CaseIntake;
  turns: TurnLog;
  content: HandoffContent;
  renderer: MessageRenderer;
  hours: BusinessHours;
}

/** The id of the "I no longer need help" button under the acknowledgement. */
export const CANCEL_CHOICE = 'case_cancel';

const HOUR = 3_600_000;

function residentText(context: TurnContext): string | undefined {
  const { text, choiceId } = context.incoming;
  return text?.trim() || (choiceId ? `[${choiceId}]` : undefined);
}

/**
 * The resident's side of a handoff, after the NLU: while a case is waiting or assigned the assistant
 * does not answer itself (it acknowledges once, relays, and honours "never mind"); after closing it takes
 * the 1–5 score; a sensitive topic opens a case at once. It also records every turn for transcripts.
 */
export function handoffMiddleware(deps: HandoffMiddlewareDeps): Middleware {
  const { store, service, renderer } = deps;

  const say = (context: TurnContext, message: OutgoingMessage): void => void context.replies.push(message);

  const relay = async (context: TurnContext, open: CaseDoc, language: Language): Promise<void> => {
    const u = context.understanding;
    const cancel = context.incoming.choiceId === CANCEL_CHOICE || (u?.intent === 'cancel' && u.score >= deps.content.cancelScore);
    if (cancel) {
      await service.cancelByResident(open);
      requireState(context).stack = [];
      return say(context, renderer.message(language, ['case.cancelled']));
    }
    const text = residentText(context);
    if (text) {
      await store.addMessage(open._id, { from: 'resident', text, at: context.now });
      await service.publish('case.message', open);
    }
    if (open.acknowledged) return;
    await store.patch(open._id, { acknowledged: true });
    say(context, renderer.message(language, ['case.relayed'], {}, { choices: [{ id: CANCEL_CHOICE, label: renderer.text(language, 'case.choice.cancel') }] }));
  };

  /** True when the message was the score of a just-closed case; any other message closes the question. */
  const takeScore = async (context: TurnContext, language: Language, latest: CaseDoc | null): Promise<boolean> => {
    if (!latest?.csatOpen) return false;
    const fresh = latest.csatAskedAt && context.now.getTime() - latest.csatAskedAt.getTime() < deps.content.csatWindowHours * HOUR;
    const score = fresh ? csatScore(context.incoming.choiceId, context.incoming.text) : null;
    await store.patch(latest._id, score === null ? { csatOpen: false } : { csat: score, csatOpen: false });
    if (score === null) return false;
    await service.deps.audit.record({ actor: 'resident', action: 'case.csat', subject: `case:${latest._id}`, details: { score }, at: context.now });
    say(context, renderer.message(language, ['case.csat.thanks']));
    return true;
  };

  const openForTopic = async (context: TurnContext, language: Language): Promise<boolean> => {
    const text = context.incoming.text;
    const topic = text ? sensitiveTopicIn(deps.content, language, text) : undefined;
    if (!topic) return false;
    const state = requireState(context);
    const { doc } = await deps.intake.open({ address: context.incoming.address, language, reason: 'sensitive_topic', state, topic, now: context.now });
    state.stack = [];
    say(context, render(renderer, language, [{ key: 'case.sensitive' }, ...openingTexts(deps.hours, language, context.now, doc.reference)]));
    return true;
  };

  return async (context, next) => {
    const state = requireState(context);
    const language = state.language;
    const said = residentText(context);
    const resident = residentKeyOf(context.incoming.address);
    deps.turns.hold(context.key, said ? [{ from: 'resident', text: said, at: context.now }] : []);
    try {
      const before = context.replies.length;
      // One read per turn: a conversation has at most one open case, and it is its newest (closed cases never reopen).
      const latest = await store.latestFor(context.key);
      if (latest && isOpenStatus(latest.status)) await relay(context, latest, language);
      else if (!(await takeScore(context, language, latest)) && !(await openForTopic(context, language))) await next();
      const answered = context.replies.slice(before).map((m) => ({ from: 'bot' as const, text: m.text, at: context.now }));
      await deps.turns.finish(context.key, resident, answered);
    } finally {
      deps.turns.drop(context.key);
    }
  };
}
