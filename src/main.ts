import { randomUUID } from 'node:crypto';
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { Connection } from 'mongoose';
import type { Logger as PinoLogger } from 'pino';
import { ChannelRegistry, LateTurnHandler } from './channels/channel';
import { WebChatAdapter } from './channels/webchat/webchat-adapter';
import { webChatPage } from './channels/webchat/webchat-page';
import { webChatRoutes } from './channels/webchat/webchat-routes';
import { WebChatDataHolder, WebChatStore } from './channels/webchat/webchat-store';
import { loadConfig, PROJECT_ROOT, type Config } from './config';
import { loadServiceContent } from './content/service-content';
import { serviceTextVariables } from './content/text-variables';
import { registerCoreActions } from './core/actions/language-actions';
import { registerPrivacyActions } from './core/actions/privacy-actions';
import { retentionPurgeJob } from './core/jobs/purge-job';
import { PrivacyRegistry } from './core/privacy';
import { ConversationDataHolder } from './storage/core-data-holder';
import { ActionRegistry } from './core/dialog/actions';
import { loadFlowRegistry, type FlowRegistry } from './core/dialog/flow-registry';
import { MessageRenderer } from './core/dialog/renderer';
import { I18nextTranslator, readLocaleResources } from './core/i18n/translator';
import { createLogger } from './core/logger';
import { AppMetrics } from './core/metrics';
import type { Nlu } from './core/nlu';
import { buildTurnRunner } from './core/turn/pipeline';
import type { TurnObserver, TurnRunner } from './core/turn/turn-runner';
import { loadLanguageNames } from './core/language-names';
import { nluRoutes } from './http/nlu-routes';
import { buildHttpServer } from './http/server';
import type { Feature, FeatureDeps, FeatureFactory } from './features';
import { JobScheduler } from './core/jobs/scheduler';
import { createNlu } from './nlu';
import { createModelIndexes, createStoreConnection } from './storage/connection';
import { MongoConversationStore } from './storage/conversation-store';
import { MongoInboxStore } from './storage/inbox-store';
import { MongoLeaseStore } from './storage/lease-store';
import { resolveDatabase } from './storage/resolve-database';
import { createStaffServices, type StaffServices } from './staff/staff-services';
import { CaseEventHub } from './domain/handoff/case-events';
import { handoffFeature } from './domain/handoff/handoff-feature';
import { loansFeature } from './domain/loans/loans-feature';
import { donationsFeature } from './domain/donations/feature';
import { whatsappWebFeature } from './channels/whatsapp-web/whatsapp-web-feature';
import { teamsResidentFeature } from './channels/teams/resident/teams-resident-feature';
import { teamsStaffFeature } from './channels/teams/staff/teams-staff-feature';
import { telegramFeature } from './channels/telegram/telegram-feature';
import { whatsAppCloudFeature } from './channels/whatsapp-cloud/whatsapp-cloud-feature';
import { MongoHealthCheck } from './storage/store-health';

/** What tests and other entry points may replace when they build the app. */
export interface AppOverrides {
  logger?: PinoLogger;
  nlu?: Nlu;
  clock?: () => Date;
  observers?: TurnObserver[];
  /** Features to plug in instead of the default list (tests of one feature). */
  features?: FeatureFactory[];
}

/** A running assistant: the HTTP server, the core and the store, with one way to stop it all. */
export interface App {
  config: Config;
  http: FastifyInstance;
  turns: TurnRunner;
  channels: ChannelRegistry;
  connection: Connection;
  metrics: AppMetrics;
  scheduler: JobScheduler;
  /** Renders texts the way the core does; staff tools and tests use it too. */
  renderer: MessageRenderer;
  /** Staff accounts, sessions, guard, audit log and dashboard registry (tests create staff users here). */
  staff: StaffServices;
  /** Starts the jobs and the features' clients; call after the HTTP server listens. */
  start(): Promise<void>;
  close(): Promise<void>;
}

/** The capabilities plugged into the core, in order; each lives in its own folder. */
export const FEATURES: FeatureFactory[] = [handoffFeature, loansFeature, donationsFeature, whatsappWebFeature, teamsResidentFeature, teamsStaffFeature, telegramFeature, whatsAppCloudFeature];

const VERSION = (JSON.parse(readFileSync(path.join(PROJECT_ROOT, 'package.json'), 'utf8')) as { version: string }).version;

/** The one composition root: wires config, store, core, features, channels and HTTP. Does not listen. */
export async function createApp(config: Config, uri: string, overrides: AppOverrides = {}): Promise<App> {
  const logger = overrides.logger ?? createLogger(config.LOG_LEVEL);
  const clock = overrides.clock ?? (() => new Date());
  const translator = new I18nextTranslator(readLocaleResources(config.paths.locales));
  const content = loadServiceContent(config.paths.content);
  if (content.placeholders.length > 0) logger.warn({ placeholders: content.placeholders }, 'content/service.yaml still has PLACEHOLDER values');
  const renderer = new MessageRenderer(translator, serviceTextVariables(content, { transcriptRetentionDays: config.TRANSCRIPT_RETENTION_DAYS }));
  const metrics = new AppMetrics();
  const connection = createStoreConnection(uri, { maxPoolSize: config.DB_POOL_SIZE });
  const leases = new MongoLeaseStore(connection);
  const webChatStore = new WebChatStore(connection);
  const channels = new ChannelRegistry().add(new WebChatAdapter(webChatStore, clock));
  const staff = createStaffServices({ connection, translator, logger, clock, contentDir: config.paths.content, root: PROJECT_ROOT, publicUrl: config.PUBLIC_URL });
  const privacy = new PrivacyRegistry().register(new ConversationDataHolder(connection)).register(new WebChatDataHolder(connection));
  const lateTurns = new LateTurnHandler();
  const deps: FeatureDeps = {
    config, connection, renderer, translator, content, channels, turns: lateTurns, leases, privacy, metrics, logger, clock,
    staffAuth: staff.auth, audit: staff.audit, dashboard: staff.dashboard, staffDirectory: staff.accounts, caseEvents: new CaseEventHub(connection),
  };
  const actions = registerPrivacyActions(registerCoreActions(new ActionRegistry()), privacy);
  let features: Feature[];
  let flows: FlowRegistry;
  try {
    // A feature with a bad configuration or a broken dialog stops start-up with its message, and lets the process exit.
    features = (overrides.features ?? FEATURES).map((make) => make(deps));
    features.forEach((feature) => feature.registerActions?.(actions));
    flows = loadFlowRegistry(config.paths.dialogs, { hasAction: (n) => actions.has(n), hasChoiceProvider: (n) => actions.hasChoices(n), hasText: (k) => translator.has('nl', k) });
  } catch (error) {
    metrics.close();
    await connection.close().catch(() => undefined);
    throw error;
  }
  const conversations = new MongoConversationStore(connection);
  const inbox = new MongoInboxStore(connection);
  // Connect before the NLU: training runs on the event loop for seconds, and server selection would time out meanwhile.
  await connection.asPromise();
  await createModelIndexes(connection);
  // The trained model is kept under DATA_DIR and reused while nlu/ is unchanged: start-up loads instead of training.
  mkdirSync(config.paths.data, { recursive: true });
  const nluModel = path.join(config.paths.data, 'nlu-model.json');
  const nlu = overrides.nlu ?? (await createNlu({ dataDir: config.paths.nlu, modelFile: nluModel, log: (line) => logger.info({ component: 'nlu' }, line) }));

  const turns = buildTurnRunner({
    config, flows, actions, renderer, nlu, metrics, logger, clock,
    languageNames: loadLanguageNames(config.paths.nlu),
    stores: { inbox, leases, conversations },
    featureMiddleware: features.flatMap((feature) => feature.middleware?.() ?? []),
    observers: overrides.observers ?? [],
  });

  lateTurns.bind(turns);
  const http = await buildHttpServer({ logger, metrics, health: new MongoHealthCheck(connection), version: VERSION });
  http.addHook('onRequest', staff.gate);
  await http.register(webChatRoutes, { store: webChatStore, privacy, turns, clock, timings: { pollMs: 1000, keepAliveMs: 15000 } });
  await http.register(webChatPage, { root: PROJECT_ROOT });
  await http.register(nluRoutes, { nlu, defaultLanguage: config.DEFAULT_LANGUAGE });
  for (const feature of features) if (feature.registerRoutes) await http.register(async (scope) => feature.registerRoutes?.(scope));
  await http.register(staff.routes);

  const scheduler = new JobScheduler({ leases, owner: randomUUID(), clock, log: logger });
  scheduler.add(retentionPurgeJob(privacy, config.TRANSCRIPT_RETENTION_DAYS, logger));
  features.forEach((feature) => feature.jobs?.().forEach((job) => scheduler.add(job)));

  return {
    config, http, turns, channels, connection, metrics, scheduler, renderer, staff,
    start: async () => {
      scheduler.start();
      for (const feature of features) await feature.start?.();
    },
    close: async () => {
      await http.close();
      await scheduler.stop();
      await turns.drain();
      for (const feature of features) await feature.close?.();
      await connection.close();
      metrics.close();
    },
  };
}

/** `npm start`: uses MONGODB_URI, or starts the embedded local database under ./data, then listens. */
export async function run(env: NodeJS.ProcessEnv = process.env): Promise<void> {
  const config = loadConfig(env);
  const database = await resolveDatabase(config, (line) => console.log(line));
  const app = await createApp(config, database.uri);
  const address = await app.http.listen({ host: config.HOST, port: config.PORT });
  await app.start();
  console.log(`Digipunt Aalst assistant is running. Web chat: ${config.PUBLIC_URL ?? address}/`);
  const stop = async (signal: string): Promise<void> => {
    console.log(`Stopping (${signal}): finishing the turns in progress...`);
    await app.close();
    await database.stop();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));
}

if (require.main === module) {
  run().catch((error: unknown) => {
    console.error(`Start-up failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  });
}
