import { randomUUID } from 'node:crypto';
import type { Config } from '../../config';
import type { ActionRegistry } from '../dialog/actions';
import { DialogEngine } from '../dialog/engine';
import type { FlowRegistry } from '../dialog/flow-registry';
import type { MessageRenderer } from '../dialog/renderer';
import type { LanguageNameFinder } from '../language-names';
import type { Logger } from '../logger';
import type { AppMetrics } from '../metrics';
import type { Nlu } from '../nlu';
import type { ConversationStore, InboxStore, LeaseStore } from '../ports';
import { Clarifier } from './clarification';
import type { Middleware } from './context';
import { conversationMiddleware } from './conversation';
import { dedupMiddleware } from './dedup';
import { languagePolicyMiddleware, translationNoticeMiddleware } from './language-policy';
import { leaseMiddleware } from './lease';
import { languageHintMiddleware, normalizeMiddleware } from './normalize';
import { rateLimitMiddleware } from './rate-limit';
import { stateMiddleware } from './state';
import { TurnRunner, type TurnObserver } from './turn-runner';
import { understandMiddleware } from './understand';

/** Everything the turn pipeline is built from; the composition root supplies it. */
export interface TurnPipelineParts {
  config: Config;
  flows: FlowRegistry;
  actions: ActionRegistry;
  renderer: MessageRenderer;
  nlu: Nlu;
  languageNames: LanguageNameFinder;
  stores: { inbox: InboxStore; leases: LeaseStore; conversations: ConversationStore };
  /** The features' middleware, run after the NLU and before the language policy and the dialogs. */
  featureMiddleware: Middleware[];
  metrics: AppMetrics;
  observers: TurnObserver[];
  logger: Logger;
  clock: () => Date;
}

/** The order of one turn, in one place: dedup → lease → state → language → NLU → features → dialogs. */
export function buildTurnRunner(parts: TurnPipelineParts): TurnRunner {
  const { config, flows, renderer, metrics, stores } = parts;
  const engine = new DialogEngine({ flows, actions: parts.actions, renderer, maxFailedAnswers: config.MAX_FAILED_ANSWERS });
  const { thresholds, menu } = flows.routes;
  return new TurnRunner({
    middleware: [
      normalizeMiddleware(config.MAX_MESSAGE_LENGTH),
      dedupMiddleware(stores.inbox, config.TURN_LEASE_MS),
      leaseMiddleware(stores.leases, { owner: randomUUID(), ttlMs: config.TURN_LEASE_MS, waitMs: config.TURN_LEASE_MS }),
      stateMiddleware(stores.conversations, config.DEFAULT_LANGUAGE),
      rateLimitMiddleware({ maxMessages: config.RATE_LIMIT_MESSAGES, windowMs: config.RATE_LIMIT_WINDOW_MS, renderer }),
      languageHintMiddleware(),
      understandMiddleware(parts.nlu),
      ...parts.featureMiddleware,
      languagePolicyMiddleware({ engine, renderer, names: parts.languageNames, menuFlow: menu, switchScore: thresholds.languageSwitch, askScore: thresholds.languageAsk }),
      translationNoticeMiddleware(renderer),
      conversationMiddleware({ engine, flows, clarifier: new Clarifier(flows.routes, engine, renderer, metrics), outcomes: metrics }),
    ],
    renderer,
    log: parts.logger,
    defaultLanguage: config.DEFAULT_LANGUAGE,
    observers: [metrics, ...parts.observers],
    clock: parts.clock,
  });
}
