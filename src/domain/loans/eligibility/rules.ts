import { z } from 'zod';
import { contentError, readContentFile } from '../content-file';

const OPERATORS = [
  'equal', 'notEqual', 'in', 'notIn', 'lessThan', 'lessThanInclusive', 'greaterThan', 'greaterThanInclusive', 'contains', 'doesNotContain',
] as const;

const scalar = z.union([z.string(), z.number(), z.boolean()]);

/** One test on one answer, in json-rules-engine's own shape so the file reads like its documentation. */
export interface LeafCondition {
  fact: string;
  operator: (typeof OPERATORS)[number];
  value: z.infer<typeof scalar> | Array<z.infer<typeof scalar>>;
}

/** A condition tree: all / any / not over leaves, as json-rules-engine nests them. */
export type RuleCondition = LeafCondition | { all: RuleCondition[] } | { any: RuleCondition[] } | { not: RuleCondition };

const leafSchema = z.object({ fact: z.string().regex(/^[a-z][a-z0-9_]*$/), operator: z.enum(OPERATORS), value: z.union([scalar, z.array(scalar)]) }).strict();

const conditionSchema: z.ZodType<RuleCondition> = z.lazy(() =>
  z.union([
    leafSchema,
    z.object({ all: z.array(conditionSchema).min(1) }).strict(),
    z.object({ any: z.array(conditionSchema).min(1) }).strict(),
    z.object({ not: conditionSchema }).strict(),
  ]),
);

const topLevelSchema = z.union([z.object({ all: z.array(conditionSchema).min(1) }).strict(), z.object({ any: z.array(conditionSchema).min(1) }).strict()]);

const ruleSchema = z
  .object({
    id: z.string().regex(/^[a-z][a-z0-9_]*$/),
    reason: z.string().regex(/^eligibility\.[a-z0-9_.]+$/, 'must be a text key in eligibility.json'),
    conditions: topLevelSchema,
  })
  .strict();

const rulesFileSchema = z
  .object({
    placeholders: z.array(z.string()).default([]),
    unknownAnswer: z.string().min(1),
    rules: z.array(ruleSchema).min(1),
  })
  .strict()
  .refine((f) => new Set(f.rules.map((r) => r.id)).size === f.rules.length, 'rule ids must be unique');

/** One staff-editable pre-screen rule with the plain-language reason said when it does not hold. */
export type EligibilityRule = z.infer<typeof ruleSchema>;

/** The validated rules file (content/eligibility-rules.yaml). */
export type EligibilityRules = z.infer<typeof rulesFileSchema>;

/** The answers a rule reads; lets the evaluation tell "not asked yet" from "I don't know". */
export function factsOf(condition: RuleCondition): string[] {
  if ('fact' in condition) return [condition.fact];
  if ('all' in condition) return condition.all.flatMap(factsOf);
  if ('any' in condition) return condition.any.flatMap(factsOf);
  return factsOf(condition.not);
}

/** Loads and checks the rules at start-up, so a typo in the staff file stops the app with its location, never mid-conversation. */
export function loadEligibilityRules(dir: string, hasText: (key: string) => boolean): EligibilityRules {
  const rules = readContentFile(dir, 'eligibility-rules.yaml', rulesFileSchema);
  const missing = rules.rules.find((r) => !hasText(r.reason));
  if (missing) throw contentError(dir, 'eligibility-rules.yaml', `rule "${missing.id}": text key "${missing.reason}" is missing in the Dutch locale`);
  return rules;
}
