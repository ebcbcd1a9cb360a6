import { Counter, Histogram, Registry } from 'prom-client';
import { registerProcessMetrics, type ProcessMetrics } from './process-metrics';
import type { OutcomeRecorder, QuestionOutcome } from './turn/clarification';
import type { TurnObserver } from './turn/turn-runner';

/** The app's Prometheus registry and the turn metrics; one per app, never prom-client's global one. */
export class AppMetrics implements TurnObserver, OutcomeRecorder {
  readonly registry = new Registry();
  private readonly turns: Counter<'channel' | 'outcome'>;
  private readonly latency: Histogram<'channel'>;
  private readonly errors: Counter<'code'>;
  private readonly outcomes: Counter<'outcome' | 'channel'>;
  private readonly process: ProcessMetrics;

  constructor() {
    this.process = registerProcessMetrics(this.registry);
    this.turns = new Counter({ name: 'digipunt_turns_total', help: 'Turns handled, by channel and outcome (ok, duplicate, error)', labelNames: ['channel', 'outcome'], registers: [this.registry] });
    this.latency = new Histogram({
      name: 'digipunt_turn_duration_seconds',
      help: 'Time from taking a message to having its replies',
      labelNames: ['channel'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
      registers: [this.registry],
    });
    this.outcomes = new Counter({
      name: 'digipunt_question_outcomes_total',
      help: 'Questions by outcome: answered directly, answered after clarification, failed, asked for a person',
      labelNames: ['outcome', 'channel'],
      registers: [this.registry],
    });
    this.errors = new Counter({ name: 'digipunt_errors_total', help: 'Failed turns and requests, by error code', labelNames: ['code'], registers: [this.registry] });
  }

  turnEnded(context: Parameters<NonNullable<TurnObserver['turnEnded']>>[0], outcome: Parameters<NonNullable<TurnObserver['turnEnded']>>[1]): void {
    const channel = context.incoming.address.channel;
    this.turns.inc({ channel, outcome: outcome.errorCode ? 'error' : outcome.duplicate ? 'duplicate' : 'ok' });
    this.latency.observe({ channel }, outcome.seconds);
    if (outcome.errorCode) this.errors.inc({ code: outcome.errorCode });
  }

  recordOutcome(outcome: QuestionOutcome, channel: string): void {
    this.outcomes.inc({ outcome, channel });
  }

  /** Ends the event-loop monitor, so a closed app leaves nothing running (or held in memory) behind. */
  close(): void {
    this.process.stop();
  }

  /** Counts an error outside a turn (an HTTP request that failed), by catalogue code. */
  countError(code: string): void {
    this.errors.inc({ code });
  }
}
