import type { DialogEngine, DialogSession } from '../dialog/engine';
import type { Routes } from '../dialog/schema';
import type { MessageRenderer } from '../dialog/renderer';
import type { IntentName } from '../intents';
import type { Understanding } from '../nlu';
import { choiceNumber, foldForMatch } from '../text';

/** How a resident's question ended: the figures Dutch municipal assistants report. */
export type QuestionOutcome = 'answered' | 'clarified' | 'failed' | 'human';

/** Counts question outcomes per channel (metrics implement it). */
export interface OutcomeRecorder {
  recordOutcome(outcome: QuestionOutcome, channel: string): void;
}

const OTHER = 'topic_other';
const PERSON = 'topic_person';
const TOPIC = 'topic_';

/**
 * Low confidence gets one clarifying question with the two most likely topics as choices;
 * a second miss in a row offers a person. Understood messages reset the count.
 */
export class Clarifier {
  constructor(
    private readonly routes: Routes,
    private readonly engine: DialogEngine,
    private readonly renderer: MessageRenderer,
    private readonly outcomes: OutcomeRecorder,
  ) {}

  /** The message was not understood: ask which topic it is, or offer a person the second time. */
  async miss(session: DialogSession, understanding: Understanding | undefined): Promise<void> {
    const { state } = session;
    state.misunderstood += 1;
    if (state.misunderstood >= 2) {
      state.misunderstood = 0;
      this.outcomes.recordOutcome('failed', session.address.channel);
      return this.engine.enter(session, this.routes.offerPerson, 'clear');
    }
    const outOfScope = understanding?.intent === 'none' && understanding.score >= this.routes.thresholds.topic;
    const candidates = outOfScope ? [] : this.candidates(understanding);
    if (candidates.length < 2) return this.engine.enter(session, this.routes.topics.none ?? { flow: this.routes.menu }, 'clear');
    state.clarify = candidates;
    state.stack = [];
    const lng = state.language;
    const choices = [
      ...candidates.map((intent) => ({ id: `${TOPIC}${intent}`, label: this.renderer.text(lng, this.routes.topics[intent]?.label ?? 'clarify.choice.other') })),
      { id: OTHER, label: this.renderer.text(lng, 'clarify.choice.other') },
      { id: PERSON, label: this.renderer.text(lng, 'menu.choice.person') },
    ];
    session.out.push(this.renderer.message(lng, ['clarify.prompt'], {}, { choices }));
  }

  /** Handles the answer to a pending clarifying question; false when the message is not one. */
  async answer(session: DialogSession, text: string | undefined, choiceId: string | undefined): Promise<boolean> {
    const { state } = session;
    const candidates = state.clarify;
    if (!candidates) return false;
    state.clarify = null;
    const ids = [...candidates.map((c) => `${TOPIC}${c}`), OTHER, PERSON];
    const picked = this.pick(ids, candidates, state.language, text, choiceId);
    if (!picked) return false;
    state.misunderstood = 0;
    if (picked === PERSON) {
      this.outcomes.recordOutcome('human', session.address.channel);
      await this.engine.enter(session, this.routes.interrupts.human_handoff ?? this.routes.offerPerson, 'clear');
    } else if (picked === OTHER) {
      await this.engine.enter(session, { flow: this.routes.menu }, 'clear');
    } else {
      this.outcomes.recordOutcome('clarified', session.address.channel);
      const topic = this.routes.topics[picked.slice(TOPIC.length)];
      if (topic) await this.engine.enter(session, topic, 'clear');
    }
    return true;
  }

  private pick(ids: string[], candidates: IntentName[], lng: Parameters<MessageRenderer['text']>[0], text?: string, choiceId?: string): string | undefined {
    if (choiceId && ids.includes(choiceId)) return choiceId;
    const number = text ? choiceNumber(text) : null;
    if (number !== null) return ids[number - 1];
    const folded = text ? foldForMatch(text) : '';
    const labels = [...candidates.map((c) => this.routes.topics[c]?.label ?? ''), 'clarify.choice.other', 'menu.choice.person'];
    const index = labels.findIndex((key) => key && foldForMatch(this.renderer.text(lng, key)) === folded);
    return index >= 0 ? ids[index] : undefined;
  }

  private candidates(understanding: Understanding | undefined): IntentName[] {
    if (!understanding) return [];
    const ranked = [understanding.intent, ...understanding.alternatives.map((a) => a.intent)];
    const labels = new Set<string>();
    return ranked.filter((intent) => {
      const label = this.routes.topics[intent]?.label;
      if (!label || labels.has(label)) return false;
      labels.add(label);
      return true;
    }).slice(0, 2);
  }
}
