import type { BusinessHours } from '../domain/handoff/business-hours';
import type { CaseStore } from '../domain/handoff/case-store';
import type { TurnLog } from '../domain/handoff/turn-log';
import { CASE_STATUSES } from '../domain/handoff/case-machine';
import type { AppMetrics } from '../core/metrics';

/** What the statistics are computed from. */
export interface StatsInput {
  store: CaseStore;
  turns: TurnLog;
  hours: BusinessHours;
  now: Date;
  days?: number;
  /** digipunt_question_outcomes_total by outcome, since this process started. */
  questionOutcomes?: Record<string, number>;
}

/** The statistics page's data: per day, plus waiting-time percentiles and the CSAT spread. */
export interface CaseStatistics {
  days: string[];
  conversations: number[];
  cases: number[];
  /** Cases per conversation, per day (0 when there were no conversations). */
  handoffRate: number[];
  /** How cases ended: resolved, returned to the assistant, cancelled, expired, still open. */
  outcomes: Record<string, number>;
  /** Minutes from opening to the claim, for claimed cases. */
  waitingMinutes: { p50: number | null; p90: number | null; count: number };
  csat: { counts: number[]; average: number | null };
  /** Containment: questions answered, answered after clarifying, failed, or sent to a person (since start). */
  questionOutcomes: Record<string, number>;
}

/** Sums the question-outcome counter by outcome (all channels), from the app's Prometheus registry. */
export async function questionOutcomes(metrics: AppMetrics): Promise<Record<string, number>> {
  const metric = metrics.registry.getSingleMetric('digipunt_question_outcomes_total');
  const out: Record<string, number> = {};
  for (const value of metric ? (await metric.get()).values : []) {
    const outcome = String(value.labels.outcome ?? 'unknown');
    out[outcome] = (out[outcome] ?? 0) + value.value;
  }
  return out;
}

/** The value at percentile p of sorted numbers (nearest rank), or null for none. */
export function percentile(sorted: number[], p: number): number | null {
  if (sorted.length === 0) return null;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))] ?? null;
}

/** Computes the statistics of the last `days` days (28 by default, the transcript retention). */
export async function caseStatistics(input: StatsInput): Promise<CaseStatistics> {
  const dayCount = input.days ?? 28;
  const since = new Date(input.now.getTime() - dayCount * 86_400_000);
  const dayOf = (at: Date): string => input.hours.local(at).day;
  const days = Array.from({ length: dayCount }, (_, i) => dayOf(new Date(since.getTime() + (i + 1) * 86_400_000)));
  const perDay = await input.turns.conversationsPerDay(since, dayOf);
  const cases = await input.store.models.cases.find({ createdAt: { $gte: since } }, { context: 0 }).lean();
  const casesPerDay = new Map<string, number>();
  for (const doc of cases) casesPerDay.set(dayOf(doc.createdAt), (casesPerDay.get(dayOf(doc.createdAt)) ?? 0) + 1);
  const conversations = days.map((d) => perDay[d] ?? 0);
  const caseCounts = days.map((d) => casesPerDay.get(d) ?? 0);
  const outcomes = Object.fromEntries(CASE_STATUSES.filter((s) => s !== 'bot').map((s) => [s, cases.filter((c) => c.status === s).length]));
  const waits = cases.filter((c) => c.claimedAt).map((c) => ((c.claimedAt as Date).getTime() - c.createdAt.getTime()) / 60_000).sort((a, b) => a - b);
  const scores = cases.map((c) => c.csat).filter((s): s is number => typeof s === 'number');
  return {
    days,
    conversations,
    cases: caseCounts,
    handoffRate: days.map((_, i) => ((conversations[i] ?? 0) > 0 ? Math.round(((caseCounts[i] ?? 0) / (conversations[i] as number)) * 1000) / 1000 : 0)),
    outcomes,
    waitingMinutes: { p50: percentile(waits, 50), p90: percentile(waits, 90), count: waits.length },
    questionOutcomes: input.questionOutcomes ?? {},
    csat: { counts: [1, 2, 3, 4, 5].map((n) => scores.filter((s) => s === n).length), average: scores.length ? Math.round((scores.reduce((a, b) => a + b, 0) / scores.length) * 100) / 100 : null },
  };
}
