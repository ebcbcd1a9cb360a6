import type { ScenarioResult } from '../load/measure';
import { round } from '../stats';

/** A scenario's database commands per turn, as text: the round trips a turn makes and what each costs. */
export function formatDbPerTurn(s: ScenarioResult): string {
  if (!s.db || s.turns === 0) return '';
  const perTurn = (n: number): number => round(n / s.turns, 2);
  const lines = s.db.commands.map((c) => `  ${String(perTurn(c.count)).padStart(5)} × per turn, ${String(round(c.totalMs / c.count, 2)).padStart(6)} ms each  ${c.name}`);
  return [
    `Database commands @${s.concurrency}: ${perTurn(s.db.totalCount)} per turn, ${perTurn(s.db.totalMs)} ms of round trips per turn (turn p50 ${s.latencyMs.p50} ms):`,
    ...lines,
  ].join('\n');
}
