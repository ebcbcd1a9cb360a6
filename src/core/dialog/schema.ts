import { z } from 'zod';

const name = z.string().regex(/^[a-z][a-z0-9_]*$/, 'must be snake_case (a-z, 0-9, _)');
const textKey = z.string().regex(/^[a-z][a-z0-9_]*(\.[a-z0-9_]+)+$/, 'must be a text key like "menu.prompt"');
const scalar = z.union([z.string(), z.number(), z.boolean()]);

/** A test on a saved answer, used by branches. */
export const conditionSchema = z
  .object({
    field: name,
    equals: scalar.optional(),
    in: z.array(scalar).optional(),
    exists: z.boolean().optional(),
    lt: z.number().optional(),
    gte: z.number().optional(),
  })
  .strict()
  .refine((c) => [c.equals, c.in, c.exists, c.lt, c.gte].filter((v) => v !== undefined).length === 1, 'needs exactly one of equals, in, exists, lt, gte');

/** Where the dialog goes next; steps are named, never numbered. */
export type Next =
  | string
  | { flow: string; step?: string; mode?: 'call' | 'replace' | 'clear' }
  | { end: true }
  | { resume: true; otherwise?: string }
  | { branch: Array<{ if: z.infer<typeof conditionSchema>; next: Next }>; else: Next };

/** Schema of `Next`, recursive through branches. */
export const nextSchema: z.ZodType<Next> = z.lazy(() =>
  z.union([
    name,
    z.object({ flow: name, step: name.optional(), mode: z.enum(['call', 'replace', 'clear']).optional() }).strict(),
    z.object({ end: z.literal(true) }).strict(),
    z.object({ resume: z.literal(true), otherwise: name.optional() }).strict(),
    z.object({ branch: z.array(z.object({ if: conditionSchema, next: nextSchema }).strict()).min(1), else: nextSchema }).strict(),
  ]),
);

/** The typed inputs a question can ask for. */
export const INPUT_TYPES = ['choice', 'yesno', 'text', 'number', 'phone', 'email', 'postcode', 'date'] as const;

/** One typed input kind. */
export type InputType = (typeof INPUT_TYPES)[number];

const choiceSchema = z.object({ id: name, label: textKey, next: nextSchema.optional() }).strict();

const askSchema = z
  .object({
    ask: z.enum(INPUT_TYPES),
    prompt: textKey,
    save: name.optional(),
    choices: z.array(choiceSchema).min(1).max(12).optional(),
    /** A registered provider that computes the choices when the question is asked (free slots, sessions). */
    choicesFrom: name.optional(),
    /** Where to go when the provider offers nothing. */
    whenEmpty: nextSchema.optional(),
    optional: z.boolean().optional(),
    min: z.number().optional(),
    max: z.number().optional(),
    maxLength: z.number().int().positive().optional(),
    next: nextSchema.optional(),
  })
  .strict();

const saySchema = z.object({ say: z.array(textKey).min(1), next: nextSchema }).strict();

const actionSchema = z
  .object({
    action: name,
    params: z.record(scalar).optional(),
    next: nextSchema.optional(),
    on: z.record(nextSchema).optional(),
  })
  .strict()
  .refine((s) => s.next !== undefined || s.on !== undefined, 'an action step needs `next` or `on`');

/** One named step: say something, ask something, or run an action. */
export const stepSchema = z.union([askSchema, saySchema, actionSchema]);

/** A dialog file: a versioned, named flow of named steps. */
export const flowSchema = z
  .object({
    id: name,
    version: z.number().int().positive(),
    description: z.string().optional(),
    /** A menu: leaving it for another topic abandons nothing, so topics replace it instead of stacking on it. */
    navigation: z.boolean().optional(),
    start: name,
    steps: z.record(name, stepSchema),
  })
  .strict();

/** Routing data: which flow answers which intent, and which intents interrupt any flow. */
export const routesSchema = z
  .object({
    version: z.number().int().positive(),
    welcome: name,
    menu: name,
    /** The flow offered after repeated failed answers: it always leads to a person. */
    offerPerson: z.object({ flow: name, step: name.optional() }).strict(),
    /** NLU scores needed to start a topic, to interrupt a question (higher during free text), and to switch language or ask first. */
    thresholds: z
      .object({
        topic: z.number().min(0).max(1),
        interrupt: z.number().min(0).max(1),
        interruptFreeText: z.number().min(0).max(1),
        languageSwitch: z.number().min(0).max(1),
        languageAsk: z.number().min(0).max(1),
      })
      .strict(),
    topics: z.record(z.object({ flow: name, step: name.optional(), label: textKey.optional() }).strict()),
    interrupts: z.record(z.object({ flow: name, step: name.optional(), clear: z.boolean().optional() }).strict()),
  })
  .strict();

/** A question step. */
export type AskStep = z.infer<typeof askSchema>;
/** A step that only talks. */
export type SayStep = z.infer<typeof saySchema>;
/** A step that runs a registered action. */
export type ActionStep = z.infer<typeof actionSchema>;
/** Any step. */
export type Step = AskStep | SayStep | ActionStep;
/** A validated flow. */
export type Flow = z.infer<typeof flowSchema>;
/** Validated routing data. */
export type Routes = z.infer<typeof routesSchema>;
/** A branch condition. */
export type Condition = z.infer<typeof conditionSchema>;

/** Tells an ask step from the others without casts. */
export function isAsk(step: Step): step is AskStep {
  return 'ask' in step;
}

/** Tells a say step from the others without casts. */
export function isSay(step: Step): step is SayStep {
  return 'say' in step;
}
