import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import type { ZodError } from 'zod';
import { AppError } from '../errors';
import { isIntentName } from '../intents';
import { flowSchema, isAsk, isSay, routesSchema, type Flow, type Next, type Routes, type Step } from './schema';

/** What the loader checks references against: registered actions and the source locale's keys. */
export interface FlowReferenceCheck {
  hasAction(name: string): boolean;
  /** Optional: flows without run-time choices need no providers. */
  hasChoiceProvider?(name: string): boolean;
  hasText(key: string): boolean;
}

/** All flows and the routing data, validated together at start-up. */
export interface FlowRegistry {
  routes: Routes;
  flow(id: string): Flow;
  step(flowId: string, stepName: string): Step;
  ids(): string[];
}

const ROUTES_FILE = 'routes.yaml';

function fail(file: string, where: string, reason: string): never {
  throw new AppError('DIALOG_INVALID', `${file}: ${where}: ${reason}`);
}

function describeZod(file: string, error: ZodError): never {
  const issue = error.issues[0];
  const p = issue?.path ?? [];
  const where = p[0] === 'steps' && p[1] !== undefined ? `step "${String(p[1])}"${p.length > 2 ? ` (${p.slice(2).join('.')})` : ''}` : p.join('.') || 'file';
  return fail(file, where, issue?.message ?? 'invalid');
}

function readData(file: string): unknown {
  const raw = fs.readFileSync(file, 'utf8');
  try {
    return file.endsWith('.json') ? JSON.parse(raw) : parse(raw);
  } catch (error) {
    return fail(path.basename(file), 'syntax', (error as Error).message.split('\n')[0] ?? 'unreadable');
  }
}

function checkNext(file: string, stepName: string, next: Next, flow: Flow, flows: Map<string, Flow>): void {
  if (typeof next === 'string') {
    if (!flow.steps[next]) fail(file, `step "${stepName}"`, `goes to unknown step "${next}"`);
  } else if ('flow' in next) {
    const target = flows.get(next.flow);
    if (!target) fail(file, `step "${stepName}"`, `goes to unknown flow "${next.flow}"`);
    if (next.step && !target.steps[next.step]) fail(file, `step "${stepName}"`, `goes to unknown step "${next.step}" of flow "${next.flow}"`);
  } else if ('resume' in next && next.otherwise) {
    if (!flows.has(next.otherwise)) fail(file, `step "${stepName}"`, `resumes otherwise in unknown flow "${next.otherwise}"`);
  } else if ('branch' in next) {
    next.branch.forEach((b) => checkNext(file, stepName, b.next, flow, flows));
    checkNext(file, stepName, next.else, flow, flows);
  }
}

function textKeysOf(step: Step): string[] {
  if (isSay(step)) return step.say;
  if (isAsk(step)) return [step.prompt, ...(step.choices ?? []).map((c) => c.label)];
  return [];
}

function checkStep(file: string, flow: Flow, name: string, step: Step, flows: Map<string, Flow>, refs: FlowReferenceCheck): void {
  const where = `step "${name}"`;
  for (const key of textKeysOf(step)) if (!refs.hasText(key)) fail(file, where, `text key "${key}" is missing in the Dutch locale`);
  if (isAsk(step)) {
    if (step.ask === 'choice' && !step.choices === !step.choicesFrom) fail(file, where, 'a choice question needs `choices` or `choicesFrom` (one of them)');
    if (step.ask !== 'choice' && (step.choices || step.choicesFrom)) fail(file, where, `a ${step.ask} question takes no \`choices\``);
    if (step.choicesFrom && !refs.hasChoiceProvider?.(step.choicesFrom)) fail(file, where, `unknown choice provider "${step.choicesFrom}"`);
    if (step.whenEmpty) checkNext(file, name, step.whenEmpty, flow, flows);
    step.choices?.forEach((c) => c.next && checkNext(file, name, c.next, flow, flows));
    if (step.next) checkNext(file, name, step.next, flow, flows);
    if (step.ask === 'choice' && !step.next && (step.choicesFrom || step.choices?.some((c) => !c.next))) fail(file, where, 'every choice needs `next` when the step has none');
  } else if (isSay(step)) {
    checkNext(file, name, step.next, flow, flows);
  } else {
    if (!refs.hasAction(step.action)) fail(file, where, `unknown action "${step.action}"`);
    if (step.next) checkNext(file, name, step.next, flow, flows);
    Object.values(step.on ?? {}).forEach((n) => checkNext(file, name, n, flow, flows));
  }
}

/** Loads dialogs/*.yaml|json and routes.yaml; any broken file stops start-up naming file, step and reason. */
export function loadFlowRegistry(dir: string, refs: FlowReferenceCheck): FlowRegistry {
  const files = fs.readdirSync(dir).filter((f) => /\.(ya?ml|json)$/.test(f) && f !== ROUTES_FILE).sort();
  const flows = new Map<string, Flow>();
  const fileOf = new Map<string, string>();
  for (const file of files) {
    const parsed = flowSchema.safeParse(readData(path.join(dir, file)));
    if (!parsed.success) describeZod(file, parsed.error);
    if (flows.has(parsed.data.id)) fail(file, 'id', `flow "${parsed.data.id}" is also defined in ${fileOf.get(parsed.data.id)}`);
    flows.set(parsed.data.id, parsed.data);
    fileOf.set(parsed.data.id, file);
  }
  for (const [id, flow] of flows) {
    const file = fileOf.get(id) ?? id;
    if (!flow.steps[flow.start]) fail(file, 'start', `unknown step "${flow.start}"`);
    for (const [name, step] of Object.entries(flow.steps)) checkStep(file, flow, name, step, flows, refs);
  }
  const routes = loadRoutes(dir, flows, refs);
  return {
    routes,
    flow: (id) => flows.get(id) ?? fail('flows', id, 'unknown flow'),
    step: (flowId, name) => flows.get(flowId)?.steps[name] ?? fail('flows', `${flowId}.${name}`, 'unknown step'),
    ids: () => [...flows.keys()],
  };
}

function loadRoutes(dir: string, flows: Map<string, Flow>, refs: FlowReferenceCheck): Routes {
  const parsed = routesSchema.safeParse(readData(path.join(dir, ROUTES_FILE)));
  if (!parsed.success) describeZod(ROUTES_FILE, parsed.error);
  const routes = parsed.data;
  const targets = [...Object.entries(routes.topics), ...Object.entries(routes.interrupts)];
  for (const [intent, target] of targets) {
    if (!isIntentName(intent)) fail(ROUTES_FILE, intent, 'is not an intent of the catalogue');
    const flow = flows.get(target.flow);
    if (!flow) fail(ROUTES_FILE, intent, `unknown flow "${target.flow}"`);
    if (target.step && !flow.steps[target.step]) fail(ROUTES_FILE, intent, `unknown step "${target.step}" of flow "${target.flow}"`);
  }
  for (const [intent, topic] of Object.entries(routes.topics)) {
    if (topic.label && !refs.hasText(topic.label)) fail(ROUTES_FILE, intent, `text key "${topic.label}" is missing in the Dutch locale`);
  }
  for (const id of [routes.welcome, routes.menu, routes.offerPerson.flow]) if (!flows.has(id)) fail(ROUTES_FILE, 'welcome/menu/offerPerson', `unknown flow "${id}"`);
  return routes;
}
