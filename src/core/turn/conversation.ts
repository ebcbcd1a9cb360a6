import type { DialogEngine, DialogSession } from '../dialog/engine';
import type { FlowRegistry } from '../dialog/flow-registry';
import type { RawAnswer } from '../dialog/inputs';
import type { Understanding } from '../nlu';
import type { Clarifier, OutcomeRecorder } from './clarification';
import { requireState, type Middleware, type TurnContext } from './context';

/** What the conversation middleware needs: the engine, the routing data and the clarifier. */
export interface ConversationOptions {
  engine: DialogEngine;
  flows: FlowRegistry;
  clarifier: Clarifier;
  outcomes: OutcomeRecorder;
}

type Target = { flow: string; step?: string; clear?: boolean };

function sessionOf(context: TurnContext): DialogSession {
  return { state: requireState(context), address: context.incoming.address, contact: context.incoming.contact, now: context.now, out: context.replies };
}

function rawAnswer(context: TurnContext): RawAnswer {
  const u = context.understanding;
  return { text: context.incoming.text, choiceId: context.incoming.choiceId, intent: u ? { name: u.intent, score: u.score } : undefined };
}

/** Decides what a message is: an answer to the open question, an interruption (help, cancel, ...), or a new topic. */
export function conversationMiddleware({ engine, flows, clarifier, outcomes }: ConversationOptions): Middleware {
  const { routes } = flows;

  const interruptFor = (u: Understanding | undefined, threshold: number): Target | undefined =>
    u && u.score >= threshold ? routes.interrupts[u.intent] : undefined;

  const topicFor = (u: Understanding | undefined): Target | undefined =>
    u && u.score >= routes.thresholds.topic ? routes.topics[u.intent] : undefined;

  const interrupt = async (session: DialogSession, target: Target): Promise<void> =>
    engine.enter(session, target, target.clear || session.state.stack.length === 0 ? 'clear' : 'call');

  const showMenu = (session: DialogSession): Promise<void> => engine.enter(session, { flow: routes.menu }, 'clear');

  /** Inside a flow: an interrupting intent wins, a confident new topic is handled on top, else re-ask with the reason. */
  const answerOrInterrupt = async (session: DialogSession, freeText: boolean, u: Understanding | undefined, raw: RawAnswer): Promise<void> => {
    const threshold = freeText ? routes.thresholds.interruptFreeText : routes.thresholds.interrupt;
    const target = interruptFor(u, threshold);
    // A free-text answer (a name, an address) is never read as a new topic: only interruptions can stop it.
    const topic = !freeText && u && u.intent !== 'none' && u.score >= threshold ? routes.topics[u.intent] : undefined;
    if (target) return interrupt(session, target);
    if (topic) return engine.enter(session, topic, 'call');
    return engine.answer(session, raw);
  };

  /** Idle or in a menu: a question of its own. Start its topic, or clarify (then a person). */
  const newQuestion = async (session: DialogSession, u: Understanding): Promise<void> => {
    const target = interruptFor(u, routes.thresholds.interrupt) ?? (u.intent === 'none' ? undefined : topicFor(u));
    if (target) {
      session.state.misunderstood = 0;
      if (u.intent === 'human_handoff') outcomes.recordOutcome('human', session.address.channel);
      else if (routes.topics[u.intent]?.label) outcomes.recordOutcome('answered', session.address.channel);
      return engine.enter(session, target, 'clear');
    }
    return clarifier.miss(session, u);
  };

  return async (context, next) => {
    const session = sessionOf(context);
    try {
      await handle(context, session);
    } finally {
      if (session.forget) context.forget = true;
    }
    return next();
  };

  async function handle(context: TurnContext, session: DialogSession): Promise<void> {
    const { text, choiceId } = context.incoming;
    const opened = !text && !choiceId;
    if (!session.state.greeted) {
      await engine.enter(session, { flow: routes.welcome }, 'clear');
      session.state.greeted = true;
      if (opened) return showMenu(session);
    } else if (opened) {
      if (context.languageChanged) engine.say(session, ['language.changed']);
      if (!engine.reask(session)) await showMenu(session);
      return;
    }
    if (await clarifier.answer(session, text, choiceId)) return;
    const question = engine.awaiting(session.state);
    const u = context.understanding;
    const raw = rawAnswer(context);
    if (question && question.ask !== 'text' && engine.isValidAnswer(session, question, raw)) {
      await engine.answer(session, raw);
    } else if (question && !engine.inNavigation(session.state)) {
      await answerOrInterrupt(session, question.ask === 'text', u, raw);
    } else if (u) {
      await newQuestion(session, u);
    } else if (question) {
      await engine.answer(session, raw);
    } else {
      await showMenu(session);
    }
  }
}
