import { AppError } from '../errors';
import type { TextValues } from '../i18n/translator';
import type { ConversationAddress, OutgoingMessage } from '../messages';
import type { Answer, ConversationState, FlowFrame } from '../state';
import type { ActionContext, ActionRegistry } from './actions';
import type { FlowRegistry } from './flow-registry';
import { parseAnswer, type OfferedChoice, type RawAnswer } from './inputs';
import type { MessageRenderer } from './renderer';
import { holds } from './conditions';
import { isAsk, isSay, type AskStep, type Next } from './schema';

/** The mutable view of one turn that the engine works on; the pipeline saves it only if the turn succeeds. */
export interface DialogSession {
  state: ConversationState;
  address: ConversationAddress;
  contact?: { phone?: string };
  now: Date;
  out: OutgoingMessage[];
  /** Set by an action that erased the conversation: the turn must not save it again. */
  forget?: boolean;
}

/** How a flow is entered: on top of the current one (comes back), instead of it, or after clearing all. */
export type EnterMode = 'call' | 'replace' | 'clear';

/** A place to enter: a flow and optionally one of its steps. */
export interface FlowTarget {
  flow: string;
  step?: string;
}

const MAX_STEPS_PER_TURN = 50;
const SKIP = 'skip';
/** Deep enough for a flow, a sub-flow and a few interruptions; older frames are dropped first. */
const MAX_STACK = 8;

/** Options the engine takes from configuration. */
export interface DialogEngineOptions {
  flows: FlowRegistry;
  actions: ActionRegistry;
  renderer: MessageRenderer;
  maxFailedAnswers: number;
}

/**
 * On channels that show choices as numbered text (WhatsApp, Telegram), "1. Skip" is answered by
 * typing its number; only a number question reads a bare number as its value.
 */
function picksSkipByNumber(step: AskStep, raw: RawAnswer, choices: OfferedChoice[]): boolean {
  if (step.ask === 'number' || raw.choiceId || !raw.text) return false;
  const picked = /^\s*(\d{1,2})\s*$/.exec(raw.text)?.[1];
  return picked !== undefined && choices[Number(picked) - 1]?.id === SKIP;
}

/** Runs flows as data: named steps, typed questions, branches, actions, sub-flows and resumption. */
export class DialogEngine {
  constructor(private readonly options: DialogEngineOptions) {}

  /** The question the conversation waits on, if any. */
  awaiting(state: ConversationState): AskStep | null {
    const frame = state.stack[state.stack.length - 1];
    if (!frame) return null;
    const step = this.options.flows.step(frame.flow, frame.step);
    return isAsk(step) ? step : null;
  }

  /** Enters a flow and runs it until it asks something or ends. */
  async enter(session: DialogSession, target: FlowTarget, mode: EnterMode): Promise<void> {
    this.push(session, target, mode);
    await this.run(session);
  }

  /** Handles the resident's answer to the current question: saves it and moves on, or re-asks with the reason. */
  async answer(session: DialogSession, raw: RawAnswer): Promise<void> {
    const frame = this.top(session);
    const step = this.awaiting(session.state);
    if (!step) throw new AppError('TURN_FAILED', 'answer() without a question');
    const choices = this.choicesOf(session, step);
    if (step.optional && (raw.choiceId === SKIP || raw.intent?.name === 'deny' || picksSkipByNumber(step, raw, choices))) {
      return this.accept(session, frame, step, null, undefined);
    }
    const result = parseAnswer(step, raw, choices, session.now);
    if (result.ok) return this.accept(session, frame, step, result.value, result.choiceId);
    frame.failures += 1;
    if (frame.failures >= this.options.maxFailedAnswers && frame.flow !== this.options.flows.routes.offerPerson.flow) {
      frame.failures = 0;
      return this.enter(session, this.options.flows.routes.offerPerson, 'call');
    }
    this.ask(session, frame, step, { key: result.reason, values: result.values });
  }

  /** Whether the open question belongs to a menu, which a new topic may simply replace. */
  inNavigation(state: ConversationState): boolean {
    const frame = state.stack[state.stack.length - 1];
    return frame ? this.options.flows.flow(frame.flow).navigation === true : true;
  }

  /** Says texts outside any flow step (e.g. confirming a language switch). */
  say(session: DialogSession, keys: string[]): void {
    session.out.push(this.options.renderer.message(session.state.language, keys));
  }

  /** Whether an answer would be accepted, without acting on it: answers win over interruptions. */
  isValidAnswer(session: DialogSession, step: AskStep, raw: RawAnswer): boolean {
    const choices = this.choicesOf(session, step);
    return (step.optional === true && picksSkipByNumber(step, raw, choices)) || parseAnswer(step, raw, choices, session.now).ok;
  }

  /** Asks the current question again, e.g. after an interruption or a language switch. */
  reask(session: DialogSession): boolean {
    const frame = session.state.stack[session.state.stack.length - 1];
    const step = this.awaiting(session.state);
    if (!frame || !step) return false;
    this.ask(session, frame, step);
    return true;
  }

  /** The choices of a question as the resident sees them, in their language. */
  choicesOf(session: DialogSession, step: AskStep): OfferedChoice[] {
    const { renderer } = this.options;
    const lng = session.state.language;
    const computed = step.choicesFrom ? [...(session.state.stack[session.state.stack.length - 1]?.offered ?? [])] : undefined;
    const choices =
      computed ??
      (step.ask === 'yesno'
        ? [{ id: 'yes', label: renderer.text(lng, 'common.choice.yes') }, { id: 'no', label: renderer.text(lng, 'common.choice.no') }]
        : (step.choices ?? []).map((c) => ({ id: c.id, label: renderer.text(lng, c.label) })));
    if (step.optional) choices.push({ id: SKIP, label: renderer.text(lng, 'common.choice.skip') });
    return choices;
  }

  private async accept(session: DialogSession, frame: FlowFrame, step: AskStep, value: Answer, choiceId?: string): Promise<void> {
    frame.failures = 0;
    frame.answers[step.save ?? frame.step] = value;
    const chosen = step.choices?.find((c) => c.id === choiceId);
    if (this.go(session, chosen?.next ?? step.next ?? { end: true })) await this.run(session);
  }

  private ask(session: DialogSession, frame: FlowFrame, step: AskStep, reason?: { key: string; values?: TextValues }): void {
    const { renderer } = this.options;
    const lng = session.state.language;
    const values = this.valuesOf(frame);
    const parts = [...(reason ? [renderer.text(lng, reason.key, reason.values)] : []), renderer.text(lng, step.prompt, values)];
    const choices = this.choicesOf(session, step);
    session.out.push(renderer.raw(lng, parts.join('\n\n'), choices.length > 0 ? choices : undefined));
  }

  private valuesOf(frame: FlowFrame): TextValues {
    return Object.fromEntries(Object.entries(frame.answers).filter(([, v]) => v !== null).map(([k, v]) => [k, typeof v === 'boolean' ? String(v) : (v as string | number)]));
  }

  private top(session: DialogSession): FlowFrame {
    const frame = session.state.stack[session.state.stack.length - 1];
    if (!frame) throw new AppError('TURN_FAILED', 'no active flow');
    return frame;
  }

  /** Moves to the next place; returns whether the run loop should execute the new step. */
  private go(session: DialogSession, next: Next): boolean {
    const frame = this.top(session);
    if (typeof next === 'string') {
      frame.step = next;
      return true;
    }
    if ('branch' in next) return this.go(session, next.branch.find((b) => holds(b.if, frame.answers))?.next ?? next.else);
    if ('flow' in next) {
      this.push(session, { flow: next.flow, step: next.step }, next.mode ?? 'replace');
      return true;
    }
    session.state.stack.pop();
    if (this.reask(session)) return false;
    if ('resume' in next && session.state.stack.length === 0) {
      this.push(session, { flow: next.otherwise ?? this.options.flows.routes.menu }, 'clear');
      return true;
    }
    return false;
  }

  private push(session: DialogSession, target: FlowTarget, mode: EnterMode): void {
    const flow = this.options.flows.flow(target.flow);
    if (mode === 'clear') session.state.stack = [];
    if (mode === 'replace') session.state.stack.pop();
    if (session.state.stack.length >= MAX_STACK) session.state.stack.shift();
    session.state.stack.push({ flow: flow.id, step: target.step ?? flow.start, answers: {}, failures: 0 });
  }

  private actionContext(session: DialogSession, frame: FlowFrame, params: ActionContext['params'], said: OutgoingMessage[]): ActionContext {
    return {
      params,
      answers: frame.answers,
      state: session.state,
      address: session.address,
      contact: session.contact,
      language: session.state.language,
      now: session.now,
      say: (key, values) => said.push(this.options.renderer.message(session.state.language, [key], { ...this.valuesOf(frame), ...values })),
      renderer: { text: (key, values) => this.options.renderer.text(session.state.language, key, values) },
      forgetConversation: () => {
        session.forget = true;
      },
    };
  }

  private async run(session: DialogSession): Promise<void> {
    for (let i = 0; i < MAX_STEPS_PER_TURN; i += 1) {
      const frame = this.top(session);
      const step = this.options.flows.step(frame.flow, frame.step);
      if (isAsk(step) && step.choicesFrom) {
        frame.offered = await this.options.actions.choices(step.choicesFrom)(this.actionContext(session, frame, {}, []));
        if (frame.offered.length === 0) {
          if (!this.go(session, step.whenEmpty ?? { end: true })) return;
          continue;
        }
      }
      if (isAsk(step)) return this.ask(session, frame, step);
      if (isSay(step)) {
        session.out.push(this.options.renderer.message(session.state.language, step.say, this.valuesOf(frame)));
        if (!this.go(session, step.next)) return;
        continue;
      }
      const said: OutgoingMessage[] = [];
      const result = await this.options.actions.get(step.action)(this.actionContext(session, frame, step.params ?? {}, said));
      session.out.push(...said);
      Object.assign(frame.answers, result.values ?? {});
      const next = (result.outcome !== undefined ? step.on?.[result.outcome] : undefined) ?? step.next;
      if (next === undefined) throw new AppError('TURN_FAILED', `action ${step.action} returned outcome "${result.outcome}" with no route`);
      if (!this.go(session, next)) return;
    }
    throw new AppError('DIALOG_INVALID', `more than ${MAX_STEPS_PER_TURN} steps in one turn (a loop without a question?)`);
  }
}
