import { Engine, type RuleProperties } from 'json-rules-engine';
import type { Answer } from '../../../core/state';
import { factsOf, type EligibilityRule, type EligibilityRules } from './rules';

/**
 * What the pre-screen concludes: likely eligible (offer to apply), maybe (offer a person), not
 * eligible (say why), or `pending` while a rule still waits for an answer that was not asked yet.
 */
export type EligibilityOutcome = 'likely' | 'maybe' | 'not_eligible' | 'pending';

/** The outcome with the rules that explain it, so every outcome can say why in plain words. */
export interface EligibilityVerdict {
  outcome: EligibilityOutcome;
  /** Rules that do not hold: the reasons of a "not eligible". */
  failed: EligibilityRule[];
  /** Rules that cannot be decided because the resident does not know (or skipped): the reasons of a "maybe". */
  unsure: EligibilityRule[];
}

type RuleState = 'decidable' | 'unsure' | 'pending';

function stateOf(rule: EligibilityRule, answers: Record<string, Answer | undefined>, unknownAnswer: string): RuleState {
  const values = factsOf(rule.conditions).map((fact) => answers[fact]);
  if (values.some((v) => v === undefined)) return 'pending';
  return values.some((v) => v === null || v === unknownAnswer) ? 'unsure' : 'decidable';
}

function toEngineRule(rule: EligibilityRule): RuleProperties {
  return { name: rule.id, conditions: rule.conditions, event: { type: rule.id } };
}

/** Runs json-rules-engine over the rules whose answers are all known; returns the ids of those that hold. */
async function passingRules(rules: EligibilityRule[], answers: Record<string, Answer | undefined>): Promise<Set<string>> {
  if (rules.length === 0) return new Set();
  const engine = new Engine(rules.map(toEngineRule), { allowUndefinedFacts: false });
  const facts = Object.fromEntries(Object.entries(answers).filter(([, v]) => v !== undefined && v !== null));
  const { events } = await engine.run(facts);
  return new Set(events.map((e) => e.type));
}

/**
 * Evaluates the staff's rules on the answers so far. A rule that fails makes the resident not
 * eligible at once (the dialog can stop early); "I don't know" only ever leads to "maybe". With
 * `final`, rules still waiting for an answer count as unsure: never a rejection for a missing answer.
 */
export async function evaluateEligibility(
  rules: EligibilityRules,
  answers: Record<string, Answer | undefined>,
  options: { final: boolean },
): Promise<EligibilityVerdict> {
  const states = new Map(rules.rules.map((rule) => [rule.id, stateOf(rule, answers, rules.unknownAnswer)]));
  const decidable = rules.rules.filter((r) => states.get(r.id) === 'decidable');
  const passing = await passingRules(decidable, answers);
  const failed = decidable.filter((r) => !passing.has(r.id));
  const pending = rules.rules.filter((r) => states.get(r.id) === 'pending');
  const unsure = rules.rules.filter((r) => states.get(r.id) === 'unsure' || (options.final && states.get(r.id) === 'pending'));
  if (failed.length > 0) return { outcome: 'not_eligible', failed, unsure };
  if (!options.final && pending.length > 0) return { outcome: 'pending', failed, unsure };
  return { outcome: unsure.length > 0 ? 'maybe' : 'likely', failed, unsure };
}
